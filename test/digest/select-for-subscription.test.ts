// What one channel receives: only its themes, and each story once, in its strongest section.
import { describe, expect, it } from 'vitest';
import type { Digest, DigestEntry, DigestSection } from '../../src/domain.js';
import { selectForSubscription } from '../../src/digest/select-for-subscription.js';

function entry(id: string, score: number): DigestEntry {
  return {
    storyIds: [id],
    title: `Story ${id}`,
    url: `https://example.org/${id}`,
    links: [],
    publishedAt: '2021-11-23T09:00:00.000Z',
    summary: 'A summary.',
    organisations: [],
    money: [],
    score,
  };
}

function section(themeId: string, entries: DigestEntry[], moreCount = 0): DigestSection {
  return { themeId, label: themeId, entries, moreCount, moreQuery: `search theme:${themeId}` };
}

const digest: Digest = {
  week: '2021-W47',
  title: 'Catch up: week of 22 November 2021',
  timeZone: 'Europe/London',
  startsAt: '2021-11-22T00:00:00.000Z',
  endsAt: '2021-11-29T00:00:00.000Z',
  sections: [
    section('carter', [entry('a', 0.9), entry('b', 0.4)]),
    section('workforce', [entry('a', 0.5), entry('c', 0.6)]),
    section('finance', [entry('b', 0.7)]),
  ],
  coverage: { failedSources: [] },
  storyCount: 3,
};

const ids = (d: Digest) => d.sections.map((s) => [s.themeId, s.entries.map((e) => e.storyIds[0])]);

describe('selectForSubscription', () => {
  it('shows a story filed under several followed themes once, where it ranks highest', () => {
    expect(ids(selectForSubscription(digest, { themes: 'all', organisations: [] }))).toEqual([
      ['carter', ['a']],
      ['workforce', ['c']],
      ['finance', ['b']],
    ]);
  });

  it('keeps a story in a followed section when its strongest theme is not followed', () => {
    expect(
      ids(selectForSubscription(digest, { themes: ['workforce', 'finance'], organisations: [] })),
    ).toEqual([
      ['workforce', ['a', 'c']],
      ['finance', ['b']],
    ]);
  });

  it('drops a section left empty, and selecting twice changes nothing', () => {
    const only = selectForSubscription(
      {
        ...digest,
        sections: [section('carter', [entry('a', 0.9)]), section('mergers', [entry('a', 0.2)])],
      },
      { themes: 'all', organisations: [] },
    );
    expect(ids(only)).toEqual([['carter', ['a']]]);
    expect(selectForSubscription(only, { themes: 'all', organisations: [] })).toEqual(only);
  });

  it('tells the reader where else a story shown once was filed', () => {
    const shown = selectForSubscription(digest, { themes: 'all', organisations: [] });
    const alsoIn = shown.sections.map((s) => [s.themeId, s.entries.map((e) => e.alsoIn ?? [])]);
    expect(alsoIn).toEqual([
      ['carter', [['workforce']]],
      ['workforce', [[]]],
      ['finance', [['carter']]],
    ]);
  });

  it("shows a followed organisation's story first and only there, naming its themes", () => {
    const withOrg = (e: DigestEntry): DigestEntry => ({ ...e, organisationIds: ['RNA'] });
    const shown = selectForSubscription(
      {
        ...digest,
        sections: [
          section('carter', [withOrg(entry('a', 0.9)), entry('b', 0.4)]),
          section('workforce', [withOrg(entry('a', 0.5))]),
        ],
      },
      { themes: 'all', organisations: ['RNA'] },
    );
    expect(ids(shown)).toEqual([
      ['organisations', ['a']],
      ['carter', ['b']],
    ]);
    expect(shown.sections[0]?.entries[0]?.alsoIn).toEqual(['carter', 'workforce']);
  });
});
