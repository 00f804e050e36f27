// The week's digest read from a real SQLite archive across weeks: "Previously" links to earlier
// coverage (same organisation and theme, or close headline wording, within 12 weeks), the thread
// count, the lead that says so, the coverage line before the bot began polling, and stories the
// tagger vetoed kept out of "Other news".
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfigOrThrow } from '../../src/config/load.js';
import { coverageLine } from '../../src/digest/render-markdown.js';
import { viewForChannel } from '../../src/digest/view-for-channel.js';
import type { Digest } from '../../src/domain.js';
import { buildWeekDigest } from '../../src/pipeline/build-week-digest.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { makeStory } from '../digest/make-story.js';
import { archiveStories, jobConfig } from './job-fixtures.js';

const W07 = { year: 2017, week: 7 };
const DUDLEY: [string, string] = ['RNA', 'The Dudley Group NHS Foundation Trust'];
let db: Db | undefined;
afterEach(() => db?.close());

const dudley = (id: string, day: string, title: string) =>
  makeStory({
    id,
    title,
    summary: 'The trust board met in public.',
    publishedAt: `${day}T10:00:00.000Z`,
    tags: { procurement: 4 },
    organisations: [DUDLEY],
  });

function archive(): Db {
  const store = openDatabase(':memory:');
  const stories = [
    dudley('d0', '2016-10-04', 'Dudley Group FT reviews its estates contract'), // > 12 weeks back
    dudley('d1', '2017-01-31', 'Dudley Group FT starts procurement of its MCP contract'),
    dudley('d2', '2017-02-07', 'Dudley Group FT shortlists bidders'),
    dudley('d3', '2017-02-14', 'Dudley Group FT awards the MCP contract'),
    makeStory({
      id: 'm1',
      title: 'Model Hospital benchmarks published for community trusts',
      summary: 'Community trusts can now compare productivity.',
      publishedAt: '2017-02-01T10:00:00.000Z',
      tags: { carter: 5 },
    }),
    makeStory({
      id: 'u1',
      title: 'Pathology network signs courier framework',
      summary: 'A courier framework runs for four years.',
      publishedAt: '2017-02-02T10:00:00.000Z',
      tags: { procurement: 4 },
    }),
    makeStory({
      id: 'm2',
      title: 'Model Hospital benchmarks for community trusts extended to mental health',
      summary: 'Mental health trusts join the community productivity comparison.',
      publishedAt: '2017-02-15T10:00:00.000Z',
      tags: { carter: 5 },
    }),
  ];
  archiveStories(store, stories, new Date('2016-09-01T00:00:00Z'));
  return store;
}

const entryOf = (digest: Digest, id: string) =>
  digest.sections.flatMap((s) => s.entries).find((e) => e.storyIds[0] === id)!;

describe('continuity across weeks', () => {
  it('finds earlier stories stored out of order (a backfill after the week): the seq span is exact', () => {
    db = openDatabase(':memory:');
    // The week's story first, then two earlier ones (the newer of them first), so the earlier
    // stories' seqs lie above the week's and out of date order among themselves.
    archiveStories(
      db,
      [dudley('d3', '2017-02-14', 'Dudley Group FT awards the MCP contract')],
      new Date('2017-02-14T12:00:00Z'),
    );
    archiveStories(
      db,
      [
        dudley('d2', '2017-02-07', 'Dudley Group FT shortlists bidders'),
        dudley('d1', '2017-01-31', 'Dudley Group FT starts procurement of its MCP contract'),
      ],
      new Date('2017-02-16T12:00:00Z'),
    );
    const d3 = entryOf(buildWeekDigest(db, jobConfig(), W07), 'd3');
    expect(d3.previously?.map((p) => p.title)).toEqual([
      'Dudley Group FT shortlists bidders',
      'Dudley Group FT starts procurement of its MCP contract',
    ]);
  });

  it('links an entry to earlier stories on the same organisation and theme, newest first', () => {
    db = archive();
    const digest = buildWeekDigest(db, jobConfig(), W07);
    const d3 = entryOf(digest, 'd3');
    expect(d3.previously?.map((p) => p.title)).toEqual([
      'Dudley Group FT shortlists bidders',
      'Dudley Group FT starts procurement of its MCP contract',
    ]);
    expect(d3.storyline).toEqual({
      stories: 3,
      since: '2017-01-31T10:00:00.000Z',
      about: 'The Dudley Group NHS Foundation Trust',
    });
  });

  it('links by close headline wording without a shared organisation, and not otherwise', () => {
    db = archive();
    const digest = buildWeekDigest(db, jobConfig(), W07);
    expect(entryOf(digest, 'm2').previously).toEqual([
      {
        title: 'Model Hospital benchmarks published for community trusts',
        url: 'https://example.org/nhse/m1',
        publishedAt: '2017-02-01T10:00:00.000Z',
      },
    ]);
    const titles = digest.sections.flatMap((s) =>
      s.entries.flatMap((e) => (e.previously ?? []).map((p) => p.title)),
    );
    expect(titles).not.toContain('Pathology network signs courier framework');
    expect(titles).not.toContain('Dudley Group FT reviews its estates contract');
  });

  it('says so in the lead and in the rendered entry', () => {
    db = archive();
    const view = viewForChannel(buildWeekDigest(db, jobConfig(), W07), {
      themes: 'all',
      organisations: ['RNA'],
    });
    expect(view.lead?.storyIds).toEqual(['d3']);
    expect(view.lead?.whyItMatters).toContain(
      'Third story on The Dudley Group NHS Foundation Trust since 31 January',
    );
  });
});

describe('coverage before polling began', () => {
  it('says when polling began instead of "every source was checked"', () => {
    db = openDatabase(':memory:');
    archiveStories(db, [dudley('d3', '2017-02-14', 'Dudley')], new Date('2017-02-16T09:00:00Z'));
    const digest = buildWeekDigest(db, jobConfig(), W07);
    expect(digest.coverage.pollingBegan).toBe('2017-02-16T09:00:00.000Z');
    expect(coverageLine(digest)).toBe(
      'Coverage: the bot began polling on 16 Feb 2017, so this week shows only what the sources still listed then.',
    );
    const before = buildWeekDigest(db, jobConfig(), { year: 2017, week: 8 });
    expect(before.coverage.pollingBegan).toBeUndefined();
  });

  it('explains an archive that was never polled', () => {
    db = openDatabase(':memory:');
    const digest = buildWeekDigest(db, jobConfig(), W07);
    expect(digest.coverage.pollingBegan).toBeNull();
    expect(coverageLine(digest)).toMatch(/^Coverage: no source has been polled yet/);
  });
});

describe('off-topic stories', () => {
  it('keeps a vetoed story out of "Other news" unless the channel asks for it', () => {
    const config = loadConfigOrThrow(fileURLToPath(new URL('../../config', import.meta.url)));
    db = openDatabase(':memory:');
    const story = makeStory({
      id: 'ai',
      title: 'Digital team trials AI assistant that uses the MCP protocol to read rotas',
      summary: 'A supplier demonstrated an assistant built on the Model Context Protocol.',
      publishedAt: '2017-02-14T10:00:00.000Z',
    });
    archiveStories(db, [story], new Date('2017-01-01T00:00:00Z'));
    const digest = buildWeekDigest(db, config, W07);
    expect(digest.sections.map((s) => s.themeId)).toEqual(['off-topic']);
    const ids = (d: Digest) => [
      ...(d.lead?.storyIds ?? []),
      ...d.sections.flatMap((s) => s.entries.flatMap((e) => e.storyIds)),
    ];
    expect(ids(viewForChannel(digest, null))).toEqual([]);
    expect(
      ids(viewForChannel(digest, { themes: 'all', organisations: [], includeOffTopic: true })),
    ).toEqual(['ai']);
  });
});
