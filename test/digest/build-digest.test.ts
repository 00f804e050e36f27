import { describe, expect, it } from 'vitest';
import { buildDigest, type DigestInput } from '../../src/digest/build-digest.js';
import { selectForSubscription } from '../../src/digest/select-for-subscription.js';
import type { StoredStory } from '../../src/domain.js';
import { LABELLED_STORIES } from './cluster-fixtures.js';
import { makeStory, SOURCES, THEMES } from './make-story.js';

const WEEK = { year: 2017, week: 7 }; // 13-19 February 2017, GMT

function input(stories: StoredStory[], extra: Partial<DigestInput> = {}): DigestInput {
  return {
    week: WEEK,
    timeZone: 'Europe/London',
    stories,
    themes: THEMES,
    sources: SOURCES,
    failedSources: [],
    perThemeCap: 3,
    ...extra,
  };
}

/** The labelled fixtures as one week of archived stories, tagged by their item. */
const ITEM_THEMES: Record<string, Record<string, number>> = {
  'diagnostics-fund': { procurement: 5 },
  'carter-community': { carter: 6 },
  'carter-ambulance': { carter: 5 },
  'league-tables': { procurement: 6, carter: 2 },
  carillion: { procurement: 4 },
  'supply-chain': { procurement: 5 },
  'icb-chairs': { stp: 4 },
  'stp-ratings': { stp: 6 },
  'scrap-cips': { covid_cip: 5 },
  'h2-regime': { covid_cip: 4 },
  'nurse-vacancies': { workforce: 4 },
  'gp-retention': { workforce: 3 },
  'mcp-dudley': { mcp: 5, procurement: 2 },
  'mcp-judicial-review': { mcp: 4 },
  'mental-health-funding': {},
  'cqc-rating': {},
  'cqc-norfolk': {},
};

const FIXTURE_WEEK: StoredStory[] = LABELLED_STORIES.map((s, i) =>
  makeStory({
    id: `s${String(i).padStart(2, '0')}`,
    sourceId: s.source,
    title: s.title,
    summary: s.summary,
    url: s.url,
    publishedAt: new Date(Date.UTC(2017, 1, 13, 8) + i * 5 * 3_600_000).toISOString(),
    paywalled: s.source === 'hsj',
    tags: ITEM_THEMES[s.item]!,
    organisations: s.title.includes('Dudley')
      ? [['RNA', 'The Dudley Group NHS Foundation Trust']]
      : s.title.includes('Norfolk and Suffolk')
        ? [['RMY', 'Norfolk and Suffolk NHS Foundation Trust']]
        : [],
    money: [...s.title.matchAll(/£[\d.,]+(?:bn|m)?/g)].map((m) => [
      m[0],
      Number(m[0].replace(/[£,bnm]/g, '')),
    ]),
  }),
);

describe('buildDigest', () => {
  const digest = buildDigest(input(FIXTURE_WEEK));

  it('titles and bounds the week', () => {
    expect(digest.week).toBe('2017-W07');
    expect(digest.title).toBe('Catch up: week of 13 February 2017');
    expect([digest.startsAt, digest.endsAt]).toEqual([
      '2017-02-13T00:00:00.000Z',
      '2017-02-20T00:00:00.000Z',
    ]);
    expect(digest.storyCount).toBe(FIXTURE_WEEK.length);
  });

  it('lists themes in configuration order, only those with stories, then Other news', () => {
    expect(digest.sections.map((s) => s.themeId)).toEqual([
      'carter',
      'stp',
      'mcp',
      'procurement',
      'covid_cip',
      'workforce',
      'other',
    ]);
  });

  it('makes the same announcement from three outlets one entry with three links', () => {
    const procurement = digest.sections.find((s) => s.themeId === 'procurement')!;
    const fund = [...procurement.entries].find((e) => e.title.includes('£248m fund'));
    expect(fund).toBeDefined();
    expect(fund!.links.map((l) => l.sourceId)).toEqual(['nhse', 'hsj', 'kingsfund']);
    expect(fund!.storyIds).toHaveLength(3);
    // the lead is the most authoritative source; its headline and link head the entry
    expect(fund!.url).toBe('https://www.england.nhs.uk/2021/11/diagnostics-digital-fund/');
    expect(fund!.links[1]!.paywalled).toBe(true);
  });

  it('ranks items covered by more sources first, and caps each theme with a search for the rest', () => {
    const procurement = digest.sections.find((s) => s.themeId === 'procurement')!;
    // 5 items: fund (3 sources), league tables (2), supply chain, carillion, mcp-dudley (1 each)
    expect(procurement.entries.map((e) => e.links.length)).toEqual([3, 2, 1]);
    expect(procurement.entries[2]!.title).toContain('Supply Chain'); // nhse authority 0.9 > hsj 0.8
    expect(procurement.moreCount).toBe(2);
    expect(procurement.moreQuery).toBe(
      'search theme:procurement since:2017-02-13 until:2017-02-20',
    );
    const scores = procurement.entries.map((e) => e.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('fills each entry with summary, organisations and sums', () => {
    const carter = digest.sections.find((s) => s.themeId === 'carter')!;
    const community = carter.entries.find((e) => e.title.includes('community'))!;
    expect(community.summary).toBe(
      'The review of community and mental health trusts says better rostering and estates use could release £1bn a year. Trusts will get new Model Hospital metrics.',
    );
    expect(community.money).toEqual(['£1bn']);
    const cqcEntry = digest.sections
      .find((s) => s.themeId === 'other')!
      .entries.find((e) => e.title.startsWith('CQC rates Dudley'))!;
    expect(cqcEntry.organisations).toEqual(['The Dudley Group NHS Foundation Trust']);
    expect(cqcEntry.organisationIds).toEqual(['RNA']);
  });

  it('is deterministic whatever the input order', () => {
    const shuffled = [...FIXTURE_WEEK].reverse();
    const rotated = [...FIXTURE_WEEK.slice(7), ...FIXTURE_WEEK.slice(0, 7)];
    expect(buildDigest(input(shuffled))).toEqual(digest);
    expect(buildDigest(input(rotated))).toEqual(digest);
  });

  it('lists failed sources once each, by name', () => {
    const withGaps = buildDigest(
      input([], {
        failedSources: [
          { id: 'pulse', name: 'Pulse', reason: 'HTTP 503' },
          { id: 'hsj', name: 'HSJ', reason: 'timed out' },
          { id: 'pulse', name: 'Pulse', reason: 'HTTP 503' },
        ],
      }),
    );
    expect(withGaps.coverage.failedSources.map((f) => f.id)).toEqual(['hsj', 'pulse']);
    expect(withGaps.sections).toEqual([]);
    expect(withGaps.storyCount).toBe(0);
  });
});

describe('buildDigest ranking', () => {
  const base = { tags: { carter: 4 }, publishedAt: '2017-02-15T10:00:00.000Z' };
  it.each([
    [
      'more sources beat one authoritative source',
      [
        makeStory({ ...base, id: 'a', sourceId: 'dhsc', title: 'Alpha review published' }),
        makeStory({
          ...base,
          id: 'b',
          sourceId: 'pulse',
          sourceIds: ['pulse', 'guardian'],
          title: 'Beta plan',
        }),
      ],
      ['b', 'a'],
    ],
    [
      'higher authority breaks a tie in coverage',
      [
        makeStory({ ...base, id: 'a', sourceId: 'guardian', title: 'Alpha review published' }),
        makeStory({ ...base, id: 'b', sourceId: 'dhsc', title: 'Beta plan' }),
      ],
      ['b', 'a'],
    ],
    [
      'a stronger theme match ranks higher',
      [
        makeStory({ ...base, id: 'a', tags: { carter: 2 }, title: 'Alpha review published' }),
        makeStory({ ...base, id: 'b', tags: { carter: 8 }, title: 'Beta plan' }),
      ],
      ['b', 'a'],
    ],
    [
      'newer first when all else is equal',
      [
        makeStory({
          ...base,
          id: 'a',
          title: 'Alpha review published',
          publishedAt: '2017-02-18T10:00:00.000Z',
        }),
        makeStory({
          ...base,
          id: 'b',
          title: 'Beta plan',
          publishedAt: '2017-02-14T10:00:00.000Z',
        }),
      ],
      ['a', 'b'],
    ],
  ])('%s', (_name, stories, order) => {
    const digest = buildDigest(input(stories));
    expect(digest.sections[0]!.entries.map((e) => e.storyIds[0])).toEqual(order);
  });

  it('counts only stories inside the London week, across the change to BST', () => {
    const week = { year: 2017, week: 12 }; // 20-26 March 2017; clocks change on the 26th
    const stories = [
      makeStory({ id: 'before', publishedAt: '2017-03-19T23:59:59.000Z', tags: { stp: 1 } }),
      makeStory({ id: 'first', publishedAt: '2017-03-20T00:00:00.000Z', tags: { stp: 1 } }),
      // Sunday 26 March 23:30 BST = 22:30 UTC: still this week
      makeStory({ id: 'last', publishedAt: '2017-03-26T22:30:00.000Z', tags: { stp: 1 } }),
      // Monday 27 March 00:00 BST = Sunday 23:00 UTC: next week
      makeStory({ id: 'next', publishedAt: '2017-03-26T23:00:00.000Z', tags: { stp: 1 } }),
    ];
    const digest = buildDigest(input(stories, { week }));
    const ids = digest.sections.flatMap((s) => s.entries.flatMap((e) => e.storyIds)).sort();
    expect(ids).toEqual(['first', 'last']);
    expect(digest.endsAt).toBe('2017-03-26T23:00:00.000Z');
  });
});

describe('selectForSubscription', () => {
  const digest = buildDigest(input(FIXTURE_WEEK));
  const sub = (themes: string[] | 'all', organisations: string[] = []) => ({
    themes,
    organisations,
  });

  it.each([
    [sub('all'), ['carter', 'stp', 'mcp', 'procurement', 'covid_cip', 'workforce', 'other']],
    [sub(['workforce', 'carter']), ['carter', 'workforce']],
    [sub(['carter'], ['RNA']), ['organisations', 'carter']],
    [sub([], ['RNA']), ['organisations']],
    [sub(['stp'], ['NOPE']), ['stp']],
  ])('%j keeps %j', (subscription, themeIds) => {
    const selected = selectForSubscription(digest, subscription);
    expect(selected.sections.map((s) => s.themeId)).toEqual(themeIds);
    expect(selectForSubscription(selected, subscription)).toEqual(selected);
  });

  it('collects entries mentioning a followed organisation from any theme', () => {
    const selected = selectForSubscription(digest, sub(['carter'], ['RNA']));
    const orgs = selected.sections[0]!;
    expect(orgs.entries.map((e) => e.title).sort()).toEqual([
      'CQC rates Dudley Group NHS Foundation Trust as requires improvement',
      'Dudley MCP contract procurement paused',
    ]);
    expect(orgs.moreQuery).toBe('search org:RNA since:2017-02-13 until:2017-02-20');
  });
});
