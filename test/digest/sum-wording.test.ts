// The digest words a sum with what it is when a story says ("£5bn savings target"), otherwise as
// written; one wording per value, from whichever story in the cluster says what it is.
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build-digest.js';
import { renderDigestMarkdown } from '../../src/digest/render-markdown.js';
import { makeStory, SOURCES, THEMES } from './make-story.js';

describe('sums in the digest', () => {
  it('shows "£5bn savings target" where a story says so, and "£2m" where none does', () => {
    const plain = makeStory({
      id: 'a',
      title: 'Trusts told to find £5bn',
      tags: { carter: 3 },
      money: [
        ['£5bn', 5e9],
        ['£2m', 2e6],
      ],
    });
    const described = makeStory({
      id: 'b',
      title: 'Trusts told to find £5bn',
      sourceId: 'hsj',
      tags: { carter: 3 },
    });
    described.entities.money = [{ text: '£5bn', pounds: 5e9, context: '£5bn savings target' }];
    const digest = buildDigest({
      week: { year: 2017, week: 7 },
      timeZone: 'Europe/London',
      stories: [plain, described],
      themes: THEMES,
      sources: SOURCES,
      failedSources: [],
      perThemeCap: 3,
    });
    const entry = digest.sections.flatMap((s) => s.entries).find((e) => e.money.length > 0)!;
    expect(entry.money).toEqual(['£5bn savings target', '£2m']);
    expect(renderDigestMarkdown(digest)).toContain('£5bn savings target, £2m');
  });
});
