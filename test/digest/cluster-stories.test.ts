import { describe, expect, it } from 'vitest';
import { clusterStories, similarity } from '../../src/digest/cluster-stories.js';
import {
  contentWords,
  describeStory,
  distinctiveNumbers,
} from '../../src/digest/story-features.js';
import { fixtureEntities, LABELLED_STORIES } from './cluster-fixtures.js';
import { generateWeek } from './generate-week.js';

function pairCounts(labels: string[], groups: number[][]) {
  const clusterOf = new Map<number, number>();
  groups.forEach((g, c) => g.forEach((i) => clusterOf.set(i, c)));
  let truePositive = 0;
  let falsePositive = 0;
  let falseNegative = 0;
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const same = labels[i] === labels[j];
      const together = clusterOf.get(i) === clusterOf.get(j);
      if (same && together) truePositive++;
      else if (together) falsePositive++;
      else if (same) falseNegative++;
    }
  }
  return { truePositive, falsePositive, falseNegative };
}

describe('clusterStories on the labelled fixtures', () => {
  const items = LABELLED_STORIES.map((s) => ({
    features: describeStory({ ...s, entities: fixtureEntities(s) }),
    sourceId: s.source,
  }));
  const labels = LABELLED_STORIES.map((s) => s.item);

  it('puts every labelled item in one cluster and nothing else with it (pairwise P = R = 1)', () => {
    const groups = clusterStories(items);
    const counts = pairCounts(labels, groups);
    expect(counts).toEqual({ truePositive: 11, falsePositive: 0, falseNegative: 0 });
    expect(groups).toHaveLength(new Set(labels).size);
  });

  it('keeps a margin between the weakest true pair and the strongest false pair', () => {
    let weakestLinked = Infinity;
    let strongestFalse = 0;
    const groups = clusterStories(items);
    for (const group of groups) {
      // each member's best link inside its cluster
      for (const i of group) {
        const best = Math.max(
          ...group
            .filter((j) => j !== i)
            .map((j) => similarity(items[i]!.features, items[j]!.features)),
          group.length === 1 ? Infinity : -Infinity,
        );
        weakestLinked = Math.min(weakestLinked, best);
      }
    }
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        if (labels[i] === labels[j]) continue;
        strongestFalse = Math.max(
          strongestFalse,
          similarity(items[i]!.features, items[j]!.features),
        );
      }
    }
    expect(weakestLinked).toBeGreaterThan(strongestFalse);
    expect(weakestLinked - strongestFalse).toBeGreaterThan(0.05);
  });

  it('is independent of order up to relabelling', () => {
    const reversed = [...items].reverse();
    const groups = clusterStories(reversed).map((g) =>
      g.map((i) => items.length - 1 - i).sort((a, b) => a - b),
    );
    const forward = clusterStories(items);
    expect(groups.sort((a, b) => a[0]! - b[0]!)).toEqual(forward);
  });

  it('does not merge two stories from one source on one topic', () => {
    const a = LABELLED_STORIES.findIndex((s) => s.item === 'mcp-dudley');
    const b = LABELLED_STORIES.findIndex((s) => s.item === 'mcp-judicial-review');
    const groups = clusterStories(items);
    expect(groups.find((g) => g.includes(a))).not.toContain(b);
  });
});

describe('story features', () => {
  it.each([
    ['Scrap cost improvement plans', ['scrap', 'cip']],
    ['CIPs scrapped', ['cip', 'scrap']],
    ['Integrated care boards named', ['icb', 'named']],
    ['Trusts’ deficits', ['trust', 'deficit']],
    ['Coronavirus: new vaccines', ['covid', 'vaccine']],
  ])('%s -> %j', (text, words) => {
    expect(contentWords(text)).toEqual(words);
  });

  it.each([
    ['A £1.2bn fund and £200m more', ['£1200000000', '£200000000']],
    ['39,813 vacancies in 2021, up 5%', ['39813', '5%']],
    ['Three trusts, 4 sites', []],
    ['£86,000 cap', ['£86000']],
  ])('numbers in %s', (text, numbers) => {
    expect(distinctiveNumbers(text)).toEqual(numbers);
  });
});

describe('clusterStories on a generated 500-story week', () => {
  it('finds every copy and keeps distinct items mostly apart', () => {
    const { stories, itemOf } = generateWeek(500, new Date('2017-02-13T00:00:00Z'));
    const groups = clusterStories(
      stories.map((s) => ({ features: describeStory(s), sourceId: s.sourceId })),
    );
    const counts = pairCounts(
      stories.map((s) => String(itemOf.get(s.id))),
      groups,
    );
    const precision = counts.truePositive / (counts.truePositive + counts.falsePositive);
    const recall = counts.truePositive / (counts.truePositive + counts.falseNegative);
    // The generator's vocabulary is far smaller than real news (same place, subject and action
    // recur), so its distinct items are harder to tell apart than a real week's.
    expect(recall).toBe(1);
    expect(precision).toBeGreaterThan(0.75);
    // one story per source per cluster
    for (const group of groups) {
      const sources = group.map((i) => stories[i]!.sourceId);
      expect(new Set(sources).size).toBe(sources.length);
    }
  });
});
