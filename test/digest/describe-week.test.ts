// Describing a week for clustering without the string Sets (compact-features.ts describeWeek)
// must give exactly what describeStory and numberFeatures give, so the digest does not change
// (issue 18).
import { describe, expect, it } from 'vitest';
import { clusterNumbered, clusterStories } from '../../src/digest/cluster-stories.js';
import { describeWeek } from '../../src/digest/compact-features.js';
import { describeStory } from '../../src/digest/story-features.js';
import { fixtureEntities, LABELLED_STORIES } from './cluster-fixtures.js';
import { generateWeek } from './generate-week.js';

describe('describeWeek', () => {
  const week = generateWeek(600, new Date('2025-03-03T00:00:00Z'), 11).stories;
  const labelled = LABELLED_STORIES.map((s) => ({
    ...s,
    sourceId: s.source,
    entities: fixtureEntities(s),
  }));

  it('gives each story the words, numbers, sums, organisations and URL describeStory gives', () => {
    for (const stories of [week, labelled]) {
      const compact = describeWeek(stories).features;
      stories.forEach((s, i) => {
        const f = describeStory(s);
        expect(compact[i]!.title.length).toBe(f.title.size);
        expect(compact[i]!.body.length).toBe(f.body.size);
        expect(compact[i]!.numbers.length).toBe(f.numbers.size);
        expect(compact[i]!.sums.length).toBe(f.sums.size);
        expect(compact[i]!.organisations.length).toBe(f.organisations.size);
        expect(compact[i]!.url).toBe(f.url);
      });
    }
  });

  it('numbers equal values alike across stories (the same pairs share a word)', () => {
    const stories = week.slice(0, 150);
    const compact = describeWeek(stories).features;
    const plain = stories.map((s) => describeStory(s));
    const shared = (a: Int32Array, b: Int32Array) => a.filter((x) => b.includes(x)).length;
    const sharedSets = (a: Set<string>, b: Set<string>) => [...a].filter((x) => b.has(x)).length;
    for (let i = 0; i < stories.length; i++) {
      for (let j = i + 1; j < stories.length; j++) {
        const [a, b, p, q] = [compact[i]!, compact[j]!, plain[i]!, plain[j]!];
        const got = [
          shared(a.title, b.title),
          shared(a.body, b.body),
          shared(a.numbers, b.numbers),
          shared(a.sums, b.sums),
          shared(a.organisations, b.organisations),
        ];
        const want = [
          sharedSets(p.title, q.title),
          sharedSets(p.body, q.body),
          sharedSets(p.numbers, q.numbers),
          sharedSets(p.sums, q.sums),
          sharedSets(p.organisations, q.organisations),
        ];
        if (got.join() !== want.join()) expect({ i, j, got }).toEqual({ i, j, got: want });
      }
    }
    // A title id is a body id of the same word: a title word is always among the body's.
    for (const f of compact) for (const id of f.title) expect(f.body.includes(id)).toBe(true);
  });

  it('clusters a week as clusterStories does over describeStory', () => {
    for (const stories of [week, labelled]) {
      const expected = clusterStories(
        stories.map((s) => ({ features: describeStory(s), sourceId: s.sourceId })),
      );
      const actual = clusterNumbered(
        describeWeek(stories),
        stories.map((s) => s.sourceId),
      );
      expect(actual).toEqual(expected);
    }
  });
});
