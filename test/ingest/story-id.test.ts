// The story id fallback chain (GUID, canonical URL, title + date).
import { describe, expect, it } from 'vitest';
import { computeStoryId } from '../../src/ingest/story-id.js';

describe('computeStoryId fallback chain', () => {
  const base = { sourceId: 's', guid: null, canonicalUrl: null, title: 'T', rawPublished: null };
  it.each([
    [{ ...base, guid: 'tag:x.org,2017:1' }, 'guid', 'g_'],
    [{ ...base, guid: '  ', canonicalUrl: 'https://x.org/1' }, 'url', 'u_'],
    [{ ...base }, 'title', 't_'],
  ])('%o -> %s', (input, kind, prefix) => {
    const id = computeStoryId(input);
    expect(id.kind).toBe(kind);
    expect(id.id.startsWith(prefix)).toBe(true);
    expect(computeStoryId(input).id).toBe(id.id);
  });

  it('different title/date give different hash ids', () => {
    const a = computeStoryId({ ...base, rawPublished: '2017-01-01' }).id;
    const b = computeStoryId({ ...base, rawPublished: '2017-01-02' }).id;
    expect(a).not.toBe(b);
  });
});
