// Writes to the full-text index (stories_fts, external content over stories), and the facet
// tokens that let theme:, source: and org: filters run inside FTS5 instead of as SQL lookups.
//
// Why writes are explicit and batched: FTS5 flushes its pending terms to a new segment whenever
// a later statement in the transaction opens a statement savepoint (a trigger, an INSERT with a
// foreign key, INSERT OR REPLACE...). Measured in test/bench/storage.ts: a trigger cost ~112 us a
// story against ~36 us written directly, and interleaving FTS writes with tag writes was 3-4
// times slower than writing the FTS rows last. The index is external-content, so removing a row
// needs exactly the text it was indexed with (https://www.sqlite.org/fts5.html section 4.4.3).
// How FTS5 merges its segments as the archive grows is set in migrations/0005-fts-merge-policy.sql.
//
// Facets: the `facets` column of a story holds one token per source, theme and organisation,
// e.g. "1116099097114116101114" for theme "carter": a kind digit (1 theme, 2 source, 3 org), then
// each UTF-16 code of the id as three or more digits after a "0" separator. Digits only, so
// unicode61 keeps a token whole and porter leaves it alone, and no user word collides with one
// by accident (user words are confined to the text columns anyway). FTS5 then intersects
// "words AND facet" doclists itself, which is what keeps filtered searches fast at 1M stories.
// Publication dates add year, month and day tokens (UTC), so since:/until:/week: narrow the
// doclists too (coverDays); the exact bound is still checked in SQL.
import type { Db } from './database.js';
import { prepareCached } from './prepared.js';

export type FacetKind = 'theme' | 'source' | 'org';
const KIND_DIGIT: Record<FacetKind, string> = { theme: '1', source: '2', org: '3' };

/**
 * Tokens made so far, per kind and id: every saved story needs a few, from a few thousand
 * distinct ids. One map per kind, so a lookup builds no key string.
 */
const tokenCaches: Record<FacetKind, Map<string, string>> = {
  theme: new Map(),
  source: new Map(),
  org: new Map(),
};
let tokensCached = 0;
const TOKEN_CACHE_MAX = 20_000;

export function facetToken(kind: FacetKind, id: string): string {
  const cache = tokenCaches[kind];
  let token = cache.get(id);
  if (token !== undefined) return token;
  token = KIND_DIGIT[kind];
  for (let i = 0; i < id.length; i++) token += `0${id.charCodeAt(i)}`;
  if (tokensCached >= TOKEN_CACHE_MAX) {
    for (const c of Object.values(tokenCaches)) c.clear();
    tokensCached = 0;
  }
  cache.set(id, token);
  tokensCached++;
  return token;
}

export interface FacetInput {
  sourceIds: readonly string[];
  themes: readonly string[];
  organisationIds: readonly string[];
  /** ISO instant: adds year, month and day tokens (UTC) for date filters. */
  publishedAt: string;
}

/** Date tokens of a UTC calendar day: year "5YYYY", month "4YYYYMM", day "6YYYYMMDD". */
function dateTokens(day: string): { year: string; month: string; day: string } {
  // Slices, not a regex: this runs for every story saved.
  const year = day.slice(0, 4);
  const month = year + day.slice(5, 7);
  return { year: `5${year}`, month: `4${month}`, day: `6${month}${day.slice(8, 10)}` };
}

const DAY_MS = 86_400_000;

/**
 * Date facet tokens covering every UTC day from `firstDay` to `lastDay` (YYYY-MM-DD, inclusive):
 * whole years and months where they fit, days at the edges; null when the cover would need more
 * than `maxTokens` (then the SQL date check alone filters). A superset of the exact range: the
 * caller still checks published_at.
 */
export function coverDays(firstDay: string, lastDay: string, maxTokens = 80): string[] | null {
  const tokens: string[] = [];
  let at = Date.parse(`${firstDay}T00:00:00Z`);
  const last = Date.parse(`${lastDay}T00:00:00Z`);
  if (Number.isNaN(at) || Number.isNaN(last)) return null;
  while (at <= last) {
    const d = new Date(at);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth();
    const iso = d.toISOString().slice(0, 10);
    const yearEnd = Date.UTC(y + 1, 0, 1) - DAY_MS;
    const monthEnd = Date.UTC(y, m + 1, 1) - DAY_MS;
    if (m === 0 && d.getUTCDate() === 1 && yearEnd <= last) {
      tokens.push(dateTokens(iso).year);
      at = yearEnd + DAY_MS;
    } else if (d.getUTCDate() === 1 && monthEnd <= last) {
      tokens.push(dateTokens(iso).month);
      at = monthEnd + DAY_MS;
    } else {
      tokens.push(dateTokens(iso).day);
      at += DAY_MS;
    }
    if (tokens.length > maxTokens) return null;
  }
  return tokens;
}

export function buildFacets(input: FacetInput): string {
  const tokens = new Set<string>();
  if (input.publishedAt.length >= 10) {
    const date = dateTokens(input.publishedAt.slice(0, 10));
    tokens.add(date.year).add(date.month).add(date.day);
  }
  for (const id of input.sourceIds) tokens.add(facetToken('source', id));
  for (const id of input.themes) tokens.add(facetToken('theme', id));
  for (const id of input.organisationIds) tokens.add(facetToken('org', id));
  return [...tokens].join(' ');
}

/** The facets of a stored story, from its sources, tags and organisations as now stored. */
export function readFacets(db: Db, seq: number): string {
  const sourceIds = prepareCached<[number], { v: string }>(
    db,
    'SELECT source_id AS v FROM story_sources WHERE story_seq = ? ORDER BY first_seen_at, source_id',
  )
    .all(seq)
    .map((r) => r.v);
  const themes = prepareCached<[number], { v: string }>(
    db,
    'SELECT theme AS v FROM story_tags WHERE story_seq = ?',
  )
    .all(seq)
    .map((r) => r.v);
  const organisationIds = prepareCached<[number], { v: string }>(
    db,
    "SELECT entity_id AS v FROM story_entities WHERE story_seq = ? AND kind = 'org'",
  )
    .all(seq)
    .map((r) => r.v);
  const row = prepareCached<[number], { published_at: string }>(
    db,
    'SELECT published_at FROM stories WHERE seq = ?',
  ).get(seq);
  return buildFacets({ sourceIds, themes, organisationIds, publishedAt: row?.published_at ?? '' });
}

export interface IndexedText {
  seq: number;
  title: string;
  summary: string;
  content: string;
  facets: string;
}

export type FtsWrite = { op: 'insert' | 'delete' } & IndexedText;

/**
 * Applies a transaction's index writes. Call after its other writes (see above).
 *
 * Only the net effect per row is written: the first delete (what was indexed before these
 * writes) and the last insert, if the row ends with one. Rows go in ascending order with a row's
 * delete before its insert: FTS5 flushes its pending terms to a new segment whenever a write's
 * rowid is lower than the previous one (sqlite3Fts5IndexBeginWrite), so a batch re-indexing
 * stories newest first (a feed's order) wrote one tiny segment per story, each merged later.
 */
export function writeFts(db: Db, writes: readonly FtsWrite[]): void {
  if (writes.length === 0) return;
  const net = new Map<number, { indexed: FtsWrite | null; insert: FtsWrite | null }>();
  for (const w of writes) {
    const entry = net.get(w.seq);
    if (entry === undefined) {
      net.set(w.seq, {
        indexed: w.op === 'delete' ? w : null,
        insert: w.op === 'insert' ? w : null,
      });
    } else {
      entry.insert = w.op === 'insert' ? w : null;
    }
  }
  const insert = prepareCached(
    db,
    'INSERT INTO stories_fts (rowid, title, summary, content, facets) VALUES (?, ?, ?, ?, ?)',
  );
  const remove = prepareCached(
    db,
    `INSERT INTO stories_fts (stories_fts, rowid, title, summary, content, facets)
     VALUES ('delete', ?, ?, ?, ?, ?)`,
  );
  const seqs = [...net.keys()].sort((a, b) => a - b);
  for (const seq of seqs) {
    for (const w of [net.get(seq)!.indexed, net.get(seq)!.insert]) {
      if (w === null) continue;
      (w.op === 'insert' ? insert : remove).run(w.seq, w.title, w.summary, w.content, w.facets);
    }
  }
}

/**
 * Re-reads a story's facets after its sources or tags changed and queues the index update when
 * its text or facets differ from what was indexed (`indexed`). Updates stories.facets.
 */
export function queueReindex(
  db: Db,
  indexed: IndexedText,
  text: { title: string; summary: string; content: string },
  queue: FtsWrite[],
): IndexedText {
  const facets = readFacets(db, indexed.seq);
  const next: IndexedText = { seq: indexed.seq, ...text, facets };
  if (
    facets === indexed.facets &&
    text.title === indexed.title &&
    text.summary === indexed.summary &&
    text.content === indexed.content
  ) {
    return indexed;
  }
  if (facets !== indexed.facets) {
    prepareCached(db, 'UPDATE stories SET facets = ? WHERE seq = ?').run(facets, indexed.seq);
  }
  queue.push({ op: 'delete', ...indexed }, { op: 'insert', ...next });
  return next;
}
