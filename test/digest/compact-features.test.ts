// compactSimilarity (integer word ids, merge walks) and markedSimilarity must give exactly what similarity (string
// Sets) gives, pair for pair: clustering a week uses the first and continuity the second, and
// the digest must not change with the representation.
import { describe, expect, it } from 'vitest';
import { similarity } from '../../src/digest/cluster-stories.js';
import {
  compactSimilarity,
  markedSimilarity,
  markWords,
  numberFeatures,
} from '../../src/digest/compact-features.js';
import { describeStory, type StoryFeatures } from '../../src/digest/story-features.js';
import { fixtureEntities, LABELLED_STORIES } from './cluster-fixtures.js';
import { generateWeek } from './generate-week.js';

const FACTORS = { number: 1.4, conflict: 0.6 };

function expectSameSimilarities(features: StoryFeatures[]): number {
  const { features: compact, wordCount } = numberFeatures(features);
  // markedSimilarity (a's words marked, b's looked up) is what clustering runs: the same too.
  const marks = new Uint8Array(wordCount);
  let compared = 0;
  for (let i = 0; i < features.length; i++) {
    markWords(marks, compact[i]!, true);
    for (let j = i + 1; j < features.length; j++) {
      const expected = similarity(features[i]!, features[j]!);
      const actual = compactSimilarity(compact[i]!, compact[j]!, FACTORS);
      const marked = markedSimilarity(marks, compact[i]!, compact[j]!, FACTORS);
      if (actual !== expected || marked !== expected) {
        expect({ i, j, actual, marked }).toEqual({ i, j, actual: expected, marked: expected });
      }
      compared++;
    }
    markWords(marks, compact[i]!, false);
    expect(marks.every((m) => m === 0)).toBe(true);
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
