// Writes to the full-text index (stories_fts, external content over stories), and the facet
// tokens that let theme:, source: and org: filters run inside FTS5 instead of as SQL lookups.
//
// Why writes are explicit and batched: FTS5 flushes its pending terms to a new segment whenever
// a later statement in the transaction opens a statement savepoint (a trigger, an INSERT with a
// foreign key, INSERT OR REPLACE...). Measured in test/bench/storage.ts: a trigger cost ~112 us a
// story against ~36 us written directly, and interleaving FTS writes with tag writes was 3-4
// times slower than writing the FTS rows last. The index is external-content, so removing a row
// needs exactly the text it was indexed with (https://www.sqlite.org/fts5.html section 4.4.3).
//
// Facets: the `facets` column of a story holds one token per source, theme and organisation,
// e.g. "1116099097114116101114" for theme "carter": a kind digit (1 theme, 2 source, 3 org), then
// each UTF-16 code of the id as three or more digits after a "0" separator. Digits only, so
// unicode61 keeps a token whole and porter leaves it alone, and no user word collides with one
// by accident (user words are confined to the text columns anyway). FTS5 then intersects
// "words AND facet" doclists itself, which is what keeps filtered searches fast at 1M stories.
import type { Db } from './database.js';
import { prepareCached } from './prepared.js';

export type FacetKind = 'theme' | 'source' | 'org';
const KIND_DIGIT: Record<FacetKind, string> = { theme: '1', source: '2', org: '3' };

export function facetToken(kind: FacetKind, id: string): string {
  let token = KIND_DIGIT[kind];
  for (let i = 0; i < id.length; i++) token += `0${id.charCodeAt(i)}`;
  return token;
}

export interface FacetInput {
  sourceIds: readonly string[];
  themes: readonly string[];
  organisationIds: readonly string[];
}

export function buildFacets(input: FacetInput): string {
  const tokens = new Set<string>();
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
  return buildFacets({ sourceIds, themes, organisationIds });
}

export interface IndexedText {
  seq: number;
  title: string;
  summary: string;
  content: string;
  facets: string;
}

export type FtsWrite = { op: 'insert' | 'delete' } & IndexedText;

/** Applies index writes in order. Call after the transaction's other writes (see above). */
export function writeFts(db: Db, writes: readonly FtsWrite[]): void {
  if (writes.length === 0) return;
  const insert = prepareCached(
    db,
    'INSERT INTO stories_fts (rowid, title, summary, content, facets) VALUES (?, ?, ?, ?, ?)',
  );
  const remove = prepareCached(
    db,
    `INSERT INTO stories_fts (stories_fts, rowid, title, summary, content, facets)
     VALUES ('delete', ?, ?, ?, ?, ?)`,
  );
  for (const w of writes) {
    (w.op === 'insert' ? insert : remove).run(w.seq, w.title, w.summary, w.content, w.facets);
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
