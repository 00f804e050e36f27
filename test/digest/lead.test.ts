// The lead: which story opens a channel's digest, and the facts given for it (why it matters).
import { describe, expect, it } from 'vitest';
import type { Digest, DigestEntry, DigestLink, DigestSection } from '../../src/domain.js';
import { chooseLead } from '../../src/digest/choose-lead.js';
import { viewForChannel } from '../../src/digest/view-for-channel.js';
import { describeWhyItMatters } from '../../src/digest/why-it-matters.js';

const link = (sourceId: string, sourceName: string, url: string): DigestLink => ({
  sourceId,
  sourceName,
  url,
  title: 't',
  publishedAt: '2021-11-23T09:00:00.000Z',
  paywalled: false,
});

function entry(id: string, score: number, extra: Partial<DigestEntry> = {}): DigestEntry {
  return {
    storyIds: [id],
    title: `Story ${id}`,
    url: `https://example.org/${id}`,
    links: [link('nhse', 'NHS England', `https://example.org/${id}`)],
    publishedAt: '2021-11-23T09:00:00.000Z',
    summary: `Summary of ${id}.`,
    organisations: [],
    money: [],
    score,
    ...extra,
  };
}

const section = (themeId: string, label: string, entries: DigestEntry[]): DigestSection => ({
  themeId,
  label,
  entries,
  moreCount: 0,
  moreQuery: `search theme:${themeId}`,
});

const covered = entry('covered', 2.1, {
  links: [
    link('nhse', 'NHS England', 'https://example.org/covered'),
    link('hsj', 'HSJ', 'https://hsj.example/covered'),
    link('pulse', 'Pulse', 'https://pulse.example/covered'),
  ],
});
const dudley = entry('dudley', 2.2, {
  organisations: ['The Dudley Group NHS Foundation Trust'],
  organisationIds: ['RNA'],
});
const strong = entry('strong', 2.4);
const sections = [
  section('carter', 'Carter reviews', [strong, covered]),
  section('procurement', 'Procurement', [dudley, entry('p2', 1.5)]),
  section('other', 'Other news', [entry('o1', 9)]),
];

describe('chooseLead', () => {
  it('ranks coverage by several outlets above a slightly higher single-outlet score', () => {
    const lead = chooseLead(sections, sections, { themes: 'all', organisations: [] });
    expect(lead?.entry.storyIds).toEqual(['covered']);
    expect(lead?.themeIds).toEqual(['carter']);
  });

  it('puts a story about a followed organisation first, and never "Other news" while a theme has one', () => {
    const lead = chooseLead(sections, sections, { themes: 'all', organisations: ['RNA'] });
    expect(lead?.entry.storyIds).toEqual(['dudley']);
    const only = [section('other', 'Other news', [entry('o1', 9)])];
    expect(chooseLead(only, only, { themes: 'all', organisations: [] })?.entry.storyIds).toEqual([
      'o1',
    ]);
  });
});

describe('describeWhyItMatters', () => {
  const context = {
    timeZone: 'Europe/London',
    year: '2021',
    themes: [{ id: 'procurement', label: 'Procurement' }],
    deadlines: [
      {
        url: 'https://example.org/dudley',
        closesAt: '2022-01-12T23:59:00.000Z',
        kind: 'consultation',
      },
    ],
  };

  it('states outlets, follows, the thread and a deadline as facts', () => {
    const facts = describeWhyItMatters(
      {
        ...dudley,
        links: covered.links,
        previously: [
          { title: 'Earlier', url: null, publishedAt: '2021-11-10T09:00:00.000Z' },
          { title: 'First', url: null, publishedAt: '2021-03-12T09:00:00.000Z' },
        ],
        storyline: {
          stories: 4,
          since: '2021-03-12T09:00:00.000Z',
          about: 'The Dudley Group NHS Foundation Trust',
        },
      },
      { ...context, follows: { themes: ['procurement'], organisations: ['RNA'] } },
    );
    expect(facts).toEqual([
      'Covered by NHS England, HSJ and Pulse',
      'Touches Procurement and The Dudley Group NHS Foundation Trust, which this channel follows',
      'Fourth story on The Dudley Group NHS Foundation Trust since 12 March',
      'Consultation closes 12 January 2022',
    ]);
  });

  it('says "continues coverage" for a second story, and nothing it cannot back', () => {
    const facts = describeWhyItMatters(
      {
        ...strong,
        previously: [{ title: 'Earlier', url: null, publishedAt: '2021-11-10T09:00:00.000Z' }],
      },
      { ...context, follows: { themes: 'all', organisations: [] } },
    );
    expect(facts).toEqual(['Continues coverage from 10 November']);
  });
});

describe('viewForChannel', () => {
  const digest: Digest = {
    week: '2021-W47',
    title: 'Catch up: week of 22 November 2021',
    timeZone: 'Europe/London',
    startsAt: '2021-11-22T00:00:00.000Z',
    endsAt: '2021-11-29T00:00:00.000Z',
    sections: [
      ...sections.slice(0, 2),
      section('mental_health', 'Mental health', [entry('m1', 1)]),
    ],
    coverage: { failedSources: [] },
    storyCount: 6,
    shape: { foldBelow: 2, mainWords: 900 },
  };

  it('opens with the lead, shows each story once, and folds single-story themes', () => {
    const view = viewForChannel(digest, null);
    expect(view.lead?.storyIds).toEqual(['covered']);
    expect(view.lead?.whyItMatters[0]).toBe('Covered by NHS England, HSJ and Pulse');
    const shown = view.sections.map((s) => [s.label, s.entries.map((e) => e.storyIds[0])]);
    // Carter keeps one story once the lead leaves it, so it folds with Mental health.
    expect(shown).toEqual([
      ['Procurement', ['dudley', 'p2']],
      ['Also this week', ['strong', 'm1']],
    ]);
    // Theme ids in the model; the renderers show the labels (digest/section-labels.ts).
    expect(view.sections[1]!.entries.map((e) => e.foldedFrom)).toEqual(['carter', 'mental_health']);
    expect(view.sectionLabels).toEqual({
      carter: 'Carter reviews',
      mental_health: 'Mental health',
    });
    expect(viewForChannel(view, null)).toBe(view);
  });

  it('keeps single-story themes when folding is off (foldBelow 1)', () => {
    const view = viewForChannel({ ...digest, shape: { foldBelow: 1, mainWords: 900 } }, null);
    expect(view.sections.map((s) => s.label)).toEqual([
      'Carter reviews',
      'Procurement',
      'Mental health',
    ]);
  });
});
