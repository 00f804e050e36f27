// The shared words for schedules, organisations, dates and scores (commands/plain-words.ts): the
// one table every renderer reads, so its thresholds and phrasing are pinned here.
import { describe, expect, it } from 'vitest';
import {
  describeEvidence,
  describeMention,
  describeNearMissReason,
  describeOrganisation,
  describeOrganisations,
  describePublished,
  describeSchedule,
  describeSum,
  describeThemeScore,
} from '../../src/commands/plain-words.js';
import type { Evidence } from '../../src/domain.js';

function evidence(field: Evidence['field'], weight: number): Evidence {
  return { rule: 'phrase:lord carter', kind: 'phrase', field, match: 'x', context: 'x', weight };
}

describe('schedules and organisations', () => {
  it.each([
    [{ day: 1, time: '08:30' }, 'Europe/London', 'Mondays at 08:30 (Europe/London)'],
    [{ day: 0, time: '18:00' }, 'Europe/London', 'Sundays at 18:00 (Europe/London)'],
    [{ day: 6, time: '07:05' }, 'UTC', 'Saturdays at 07:05 (UTC)'],
    [{ day: 9, time: '07:05' }, 'UTC', 'Every week at 07:05 (UTC)'],
  ])('%j in %s reads %j', (schedule, zone, words) => {
    expect(describeSchedule(schedule, zone)).toBe(words);
  });

  it('names an organisation in full with its code, or keeps the code when the name is unknown', () => {
    const names = {
      RNA: 'The Dudley Group NHS Foundation Trust',
      RBK: 'Walsall Healthcare NHS Trust',
    };
    expect(describeOrganisation('RNA', names)).toBe('The Dudley Group NHS Foundation Trust (RNA)');
    expect(describeOrganisation('ZZZ', names)).toBe('ZZZ');
    expect(describeOrganisation('RNA', undefined)).toBe('RNA');
    expect(describeOrganisations(['RNA', 'RBK'], names)).toBe(
      'The Dudley Group NHS Foundation Trust (RNA); Walsall Healthcare NHS Trust (RBK)',
    );
  });
});

describe('publication dates', () => {
  it('reads in the configured time zone, not UTC', () => {
    // 23:30 UTC on 30 June is 00:30 BST on 1 July.
    expect(describePublished('2017-06-30T23:30:00.000Z', 'Europe/London')).toBe(
      '1 Jul 2017 at 00:30 (Europe/London)',
    );
    expect(describePublished('2017-06-30T23:30:00.000Z', 'UTC')).toBe('30 Jun 2017 at 23:30 (UTC)');
    expect(describePublished('2017-02-14T10:00:00.000Z', 'Europe/London', true)).toBe(
      '14 Feb 2017 at 10:00 (Europe/London) (date estimated)',
    );
    expect(describePublished('not a date', 'Europe/London')).toBe('date unknown');
  });
});

describe('scores in words', () => {
  it.each([
    ['title', 3, 'strong match in the headline'],
    ['title', 1.5, 'strong match in the headline'],
    ['summary', 1, 'clear match in the summary'],
    ['summary', 1.49, 'clear match in the summary'],
    ['content', 0.4, 'weak match in the article text'],
    ['title', 0, 'uncounted match in the headline'],
    ['summary', -1, 'match against the theme in the summary'],
  ] as const)('a rule worth %s %d reads %j', (field, weight, words) => {
    expect(describeEvidence(evidence(field, weight), false)).toBe(words);
  });

  it('calls a vetoing negative rule a veto, not an uncounted match', () => {
    const veto: Evidence = { ...evidence('summary', 0), kind: 'negative' };
    expect(describeEvidence(veto, false)).toBe('veto in the summary');
  });

  it('adds the number, signed, only when asked', () => {
    expect(describeEvidence(evidence('title', 1.5), true)).toBe(
      'strong match in the headline (+1.5)',
    );
    expect(describeEvidence(evidence('content', -0.4), true)).toBe(
      'match against the theme in the article text (-0.4)',
    );
  });

  it.each([
    [9.5, 'strong match'],
    [3, 'strong match'],
    [1.55, 'clear match'],
    [1, 'weak match'],
    [0.7, 'weak match'],
    [0, 'no match'],
    [Number.NaN, 'unknown strength'],
  ])('a theme scoring %d reads %j', (score, words) => {
    expect(describeThemeScore(score, false)).toBe(words);
  });

  it('keeps a theme score number when asked', () => {
    expect(describeThemeScore(1.5549, true)).toBe('clear match, score 1.55');
  });

  it('turns the below-threshold reason into words, and leaves worded reasons alone', () => {
    expect(describeNearMissReason('score 0.7 below threshold 1', false)).toBe(
      'not enough evidence to file it here',
    );
    expect(
      describeNearMissReason('acronym:STP without context; score 0 below threshold 1', false),
    ).toBe('acronym:STP without context; not enough evidence to file it here');
    expect(describeNearMissReason('vetoed by negative:legal aid', false)).toBe(
      'vetoed by negative:legal aid',
    );
    expect(describeNearMissReason('score 0.7 below threshold 1.5', true)).toBe(
      'below its threshold of 1.5',
    );
    expect(describeThemeScore(0.7, true)).toBe('weak match, score 0.7');
  });
});

describe('organisation kinds and sums in words', () => {
  it('names what each organisation is', () => {
    const mention = { id: '05C', name: 'NHS Dudley CCG', matched: 'Dudley CCG' };
    expect(describeMention({ ...mention, kind: 'ccg' })).toBe(
      'NHS Dudley CCG (clinical commissioning group, 05C)',
    );
    expect(describeMention({ ...mention, kind: 'vanguard' })).toContain('new care models vanguard');
    expect(describeMention({ ...mention, kind: 'stp' })).toContain(
      'sustainability and transformation partnership',
    );
  });

  it('words a sum with what it is when known', () => {
    expect(describeSum({ text: '£5bn', pounds: 5e9, context: '£5bn savings target' })).toBe(
      '£5bn savings target',
    );
    expect(describeSum({ text: '£5bn', pounds: 5e9 })).toBe('£5bn');
  });
});
