// compactSimilarity (integer word ids, merge walks) must give exactly what similarity (string
// Sets) gives, pair for pair: clustering a week uses the first and continuity the second, and
// the digest must not change with the representation.
import { describe, expect, it } from 'vitest';
import { similarity } from '../../src/digest/cluster-stories.js';
import { compactFeatures, compactSimilarity } from '../../src/digest/compact-features.js';
import { describeStory, type StoryFeatures } from '../../src/digest/story-features.js';
import { fixtureEntities, LABELLED_STORIES } from './cluster-fixtures.js';
import { generateWeek } from './generate-week.js';

const FACTORS = { number: 1.4, conflict: 0.6 };

function expectSameSimilarities(features: StoryFeatures[]): number {
  const compact = compactFeatures(features);
  let compared = 0;
  for (let i = 0; i < features.length; i++) {
    for (let j = i + 1; j < features.length; j++) {
      const expected = similarity(features[i]!, features[j]!);
      const actual = compactSimilarity(compact[i]!, compact[j]!, FACTORS);
      if (actual !== expected) expect({ i, j, actual }).toEqual({ i, j, actual: expected });
      compared++;
    }
  }
  return compared;
}

describe('compactSimilarity', () => {
  it('equals similarity on every pair of the labelled fixtures', () => {
    const features = LABELLED_STORIES.map((s) =>
      describeStory({ ...s, entities: fixtureEntities(s) }),
    );
    expect(expectSameSimilarities(features)).toBeGreaterThan(100);
  });

  it('equals similarity on every pair of a generated week (numbers, sums, organisations, URLs)', () => {
    const week = generateWeek(300, new Date('2025-03-03T00:00:00Z'));
    const features = week.stories.map((s) => describeStory(s));
    expect(features.some((f) => f.sums.size > 0 && f.organisations.size > 0)).toBe(true);
    expect(expectSameSimilarities(features)).toBe((300 * 299) / 2);
  });
});
