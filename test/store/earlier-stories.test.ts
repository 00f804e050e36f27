// The continuity queries (src/store/earlier-stories.ts) on a small real archive: what they find,
// and that their cost follows the window, not the archive (issue 18). Cost is observed through
// SQLite's own plan and bytecode, never through timing.
import { describe, expect, it } from 'vitest';
import type { Story } from '../../src/domain.js';
import { tagAndStore } from '../../src/pipeline/tag-and-store.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import {
  EARLIER_BY_ORGANISATION_SQL,
  HEADLINE_ROWIDS_SQL,
  findEarlierByHeadline,
  findEarlierByOrganisation,
  seqSpanOf,
} from '../../src/store/earlier-stories.js';
import { makeStory, makeTag } from './make-story.js';

const ORG = { id: 'RXX', name: 'Rare Trust', kind: 'trust' as const, matched: 'Rare Trust' };
const DAY_MS = 86_400_000;

/** Story n: published n days after 2026-01-01, a "Rare Trust" theatre story, tagged finance. */
function story(n: number, title = `Rare Trust theatre productivity plan ${n}`): Story {
  return makeStory({
    id: `g_${n}`,
    guid: `https://example.nhs.uk/${n}`,
    url: `https://example.nhs.uk/${n}`,
    title,
    publishedAt: new Date(Date.parse('2026-01-01T09:00:00Z') + n * DAY_MS).toISOString(),
  });
}

function archive(stories: Story[]): Db {
  const db = openDatabase(':memory:');
  tagAndStore(db, stories, new Date('2026-06-01T00:00:00Z'), () => ({
    tags: [makeTag('finance')],
    entities: { organisations: [ORG], money: [] },
    rulesVersion: 'v1',
  }));
  return db;
}

const window = { since: '2026-01-11T00:00:00.000Z', before: '2026-01-21T00:00:00.000Z', limit: 3 };

describe('findEarlierByOrganisation and findEarlierByHeadline', () => {
  const db = archive(Array.from({ length: 40 }, (_, n) => story(n)));
  const span = seqSpanOf(db, window.since, window.before)!;

  it('find the newest stories of the window only, up to the limit', () => {
    const byOrg = findEarlierByOrganisation(db, ['RXX'], ['finance'], span, window);
    expect(byOrg.map((s) => s.id)).toEqual(['g_19', 'g_18', 'g_17']);
    expect(byOrg.every((s) => s.organisationId === 'RXX')).toBe(true);
    const byHeadline = findEarlierByHeadline(db, ['productivity', 'theatre'], span, window);
    expect(byHeadline.map((s) => s.id)).toEqual(['g_19', 'g_18', 'g_17']);
  });

  it('give one row per organisation a story names: newest first, then by seq, then by organisation id', () => {
    // Stories 0-5 name two of the asked organisations (RXB and RXA), stories 2 and 3 share a
    // publication time (the later-stored one first); the limit cuts between a story's two rows.
    const other = { id: 'RXA', name: 'Another Trust', kind: 'trust' as const, matched: 'Another' };
    const third = { id: 'RXC', name: 'Third Trust', kind: 'trust' as const, matched: 'Third' };
    const twoOrgs = openDatabase(':memory:');
    const at = (n: number) => new Date(Date.parse('2026-01-12T09:00:00Z') + n * DAY_MS);
    const stories = [0, 1, 2, 3, 4, 5].map((n) =>
      makeStory({
        id: `t_${n}`,
        guid: `https://example.nhs.uk/t/${n}`,
        url: `https://example.nhs.uk/t/${n}`,
        title: `Two trusts merge theatre lists ${n}`,
        publishedAt: at(n === 3 ? 2 : n).toISOString(),
      }),
    );
    tagAndStore(twoOrgs, stories, new Date('2026-06-01T00:00:00Z'), (s) => ({
      tags: [makeTag('finance')],
      entities: {
        organisations: s.id === 't_5' ? [third] : [{ ...ORG, id: 'RXB' }, other],
        money: [],
      },
      rulesVersion: 'v1',
    }));
    const twoSpan = seqSpanOf(twoOrgs, window.since, window.before)!;
    const found = findEarlierByOrganisation(twoOrgs, ['RXB', 'RXA', 'RXB'], ['finance'], twoSpan, {
      ...window,
      limit: 5,
    });
    expect(found.map((s) => `${s.id}:${s.organisationId}`)).toEqual([
      't_4:RXA',
      't_4:RXB',
      't_3:RXA',
      't_3:RXB',
      't_2:RXA',
    ]);
    expect(found[0]).toMatchObject({
      title: 'Two trusts merge theatre lists 4',
      summary: stories[4]!.summary,
      url: 'https://example.nhs.uk/t/4',
      publishedAt: at(4).toISOString(),
    });
  });

  it('need the theme, and one of the other headline words', () => {
    expect(findEarlierByOrganisation(db, ['RXX'], ['workforce'], span, window)).toEqual([]);
    expect(findEarlierByHeadline(db, ['productivity', 'vaccination'], span, window)).toEqual([]);
  });

  it('read only the span of the organisation facets, not their mentions across the archive', () => {
    // Organisations are found through their facet tokens in stories_fts (no entity rows since
    // migrations/0016-entities-on-stories.sql), with the span's rowid bounds as INTEGERs.
    const plan = db
      .prepare<[Record<string, string | number>], { detail: string }>(
        `EXPLAIN QUERY PLAN ${EARLIER_BY_ORGANISATION_SQL}`,
      )
      .all({ match: 'x', orgs: '[]', first: 1, last: 2, since: '', before: '', limit: 1 })
      .map((r) => r.detail);
    expect(plan.some((d) => /^SCAN stories_fts VIRTUAL TABLE/.test(d))).toBe(true);
    expect(plan).toContain('SEARCH s USING INTEGER PRIMARY KEY (rowid=?)');
    expect(plan.filter((d) => /^SCAN s\b/.test(d))).toEqual([]);
    const integerCasts = db
      .prepare<[Record<string, string | number>], { opcode: string; p2: number }>(
        `EXPLAIN ${EARLIER_BY_ORGANISATION_SQL}`,
      )
      .all({ match: 'x', orgs: '[]', first: 1, last: 2, since: '', before: '', limit: 1 })
      .filter((op) => op.opcode === 'Cast' && op.p2 === 'D'.charCodeAt(0));
    expect(integerCasts.length).toBeGreaterThanOrEqual(2);
  });

  it('hand FTS5 its rowid bounds as integers (a REAL bound is ignored by FTS5)', () => {
    // better-sqlite3 binds JavaScript numbers as REAL; FTS5 only seeks on an INTEGER rowid
    // bound (fts5GetRowidLimit), so without the CASTs it walked every word's whole doclist.
    expect(db.prepare('SELECT typeof(?) AS t').pluck().get(5)).toBe('real');
    const integerCasts = db
      .prepare<[Record<string, string | number>], { opcode: string; p2: number }>(
        `EXPLAIN ${HEADLINE_ROWIDS_SQL}`,
      )
      .all({ match: 'x', first: 1, last: 2 })
      .filter((op) => op.opcode === 'Cast' && op.p2 === 'D'.charCodeAt(0));
    expect(integerCasts.length).toBeGreaterThanOrEqual(2);
  });
});
