// The edit hash (stories.content_hash) must not change between versions: a stored hash that no
// longer matches makes every re-polled story an edit, re-tagged and re-indexed.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashStoryContent } from '../../src/store/story-changes.js';
import { makeStory } from './make-story.js';

describe('hashStoryContent', () => {
  it('is the SHA-1 of the edit fields joined by NULs, base64url, as archives stored it', () => {
    const story = makeStory({ author: 'A. Writer', content: 'Ünïcode body — £5m' });
    const parts = [
      story.title,
      story.summary,
      story.content,
      'A. Writer',
      '["Productivity"]',
      story.url,
      story.publishedAt,
    ];
    const stored = createHash('sha1').update(parts.join('\u0000')).digest('base64url');
    expect(hashStoryContent(story)).toBe(stored);
    expect(hashStoryContent({ ...story, publishedEstimated: true })).not.toBe(stored);
  });
});
