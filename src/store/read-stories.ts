// Reading the story archive: single stories, a week for the digest, paged iteration for
// re-tagging. Rows come back with every source, tag and entity (see stories.ts for writing).
import type { StoredStory, Story } from '../domain.js';
import type { Db } from './database.js';
import { prepareCached } from './prepared.js';
import { decodeEntities } from './story-entities.js';
import { readTags, type TagRow } from './tags.js';

export interface StoryRow {
  seq: number;
  id: string;
  url: string | null;
  guid: string | null;
  source_id: string;
  facets: string;
  title: string;
  summary: string;
  content: string;
  author: string | null;
  categories: string;
  published_at: string;
  published_estimated: number;
  paywalled: number;
  first_seen_at: string;
  content_hash: string;
}

/** Small columns first: see 0001-archive.sql on column order. */
export const STORY_COLUMNS = `seq, id, url, guid, source_id, facets, title, summary, content, author, categories,
  published_at, published_estimated, paywalled, first_seen_at, content_hash`;

export function toStory(row: StoryRow): Story {
  return {
    id: row.id,
    sourceId: row.source_id,
    guid: row.guid,
    url: row.url,
    title: row.title,
    summary: row.summary,
    content: row.content,
    author: row.author,
    categories: JSON.parse(row.categories) as string[],
    publishedAt: row.published_at,
    publishedEstimated: row.published_estimated === 1,
    paywalled: row.paywalled === 1,
  };
}

interface LinkSeqRow {
  story_seq: number;
  source_id: string;
}

function assemble(
  rows: readonly StoryRow[],
  links: readonly LinkSeqRow[],
  tagRows: readonly TagRow[],
  entityRows: readonly { seq: number; entities: string | null }[],
): StoredStory[] {
  const sourcesBySeq = new Map<number, string[]>();
  for (const link of links) {
    const list = sourcesBySeq.get(link.story_seq);
    if (list === undefined) sourcesBySeq.set(link.story_seq, [link.source_id]);
    else list.push(link.source_id);
  }
  const tags = readTags(tagRows);
  const entities = new Map(entityRows.map((r) => [r.seq, decodeEntities(r.entities)]));
  return rows.map((row) => {
    const others = (sourcesBySeq.get(row.seq) ?? []).filter((s) => s !== row.source_id);
    return {
      ...toStory(row),
      sourceIds: [row.source_id, ...others],
      firstSeenAt: row.first_seen_at,
      tags: tags.get(row.seq) ?? [],
      entities: entities.get(row.seq) ?? { organisations: [], money: [] },
    };
  });
}

/** A story by its id or its canonical URL, with every source, tag and entity. */
export function getStory(db: Db, idOrUrl: string): StoredStory | null {
  const row =
    prepareCached<[string], StoryRow>(db, `SELECT ${STORY_COLUMNS} FROM stories WHERE id = ?`).get(
      idOrUrl,
    ) ??
    prepareCached<[string], StoryRow>(db, `SELECT ${STORY_COLUMNS} FROM stories WHERE url = ?`).get(
      idOrUrl,
    );
  if (row === undefined) return null;
  return loadStoredBySeqs(db, [row])[0] ?? null;
}

/**
 * The story a short reference (text/story-ref.ts) names, when exactly one id starts with it;
 * null when none or several do (the caller asks for the full id or link).
 */
export function getStoryByRef(db: Db, ref: string): StoredStory | null {
  const prefix = ref.trim().toLowerCase();
  // ids are "[gut]_" + hex, so the prefix has no LIKE wildcards to escape; the range keeps the
  // lookup on the unique index.
  const rows = prepareCached<[string, string], StoryRow>(
    db,
    `SELECT ${STORY_COLUMNS} FROM stories WHERE id >= ? AND id < ? LIMIT 2`,
  ).all(prefix, `${prefix}\uffff`);
  if (rows.length !== 1 || rows[0] === undefined) return null;
  return loadStoredBySeqs(db, [rows[0]])[0] ?? null;
}

/** Full stories for rows already read (tags, entities and sources in three queries). */
export function loadStoredBySeqs(db: Db, rows: readonly StoryRow[]): StoredStory[] {
  if (rows.length === 0) return [];
  const seqs = JSON.stringify(rows.map((r) => r.seq));
  const links = prepareCached<[string], LinkSeqRow>(
    db,
    `SELECT story_seq, source_id FROM story_sources
     WHERE story_seq IN (SELECT value FROM json_each(?)) ORDER BY first_seen_at, source_id`,
  ).all(seqs);
  const tagRows = prepareCached<[string], TagRow>(
    db,
    `SELECT story_seq, theme, score, evidence FROM story_tags
     WHERE story_seq IN (SELECT value FROM json_each(?))`,
  ).all(seqs);
  // Entities are on the story's row (story-entities.ts), after the text: read by seq here
  // because callers pass rows read with STORY_COLUMNS.
  const entityRows = prepareCached<[string], { seq: number; entities: string | null }>(
    db,
    'SELECT seq, entities FROM stories WHERE seq IN (SELECT value FROM json_each(?))',
  ).all(seqs);
  return assemble(rows, links, tagRows, entityRows);
}

/**
 * Stories published in [startsAtIso, endsAtIso), oldest first, with tags, entities and every
 * source: what the digest is built from. Uses the published_at index throughout.
 */
export function listStoriesBetween(db: Db, startsAtIso: string, endsAtIso: string): StoredStory[] {
  const rows = prepareCached<[string, string], StoryRow & { entities: string | null }>(
    db,
    `SELECT ${STORY_COLUMNS}, entities FROM stories
     WHERE published_at >= ? AND published_at < ? ORDER BY published_at, seq`,
  ).all(startsAtIso, endsAtIso);
  if (rows.length === 0) return [];
  const range = [startsAtIso, endsAtIso] as [string, string];
  const links = prepareCached<[string, string], LinkSeqRow>(
    db,
    `SELECT l.story_seq, l.source_id FROM stories s JOIN story_sources l ON l.story_seq = s.seq
     WHERE s.published_at >= ? AND s.published_at < ? ORDER BY l.first_seen_at, l.source_id`,
  ).all(...range);
  const tagRows = prepareCached<[string, string], TagRow>(
    db,
    `SELECT t.story_seq, t.theme, t.score, t.evidence FROM stories s
     JOIN story_tags t ON t.story_seq = s.seq
     WHERE s.published_at >= ? AND s.published_at < ?`,
  ).all(...range);
  return assemble(rows, links, tagRows, rows);
}

/**
 * Every story (or those published at or after `since`), in storage order, read in pages so the
 * caller may write (e.g. replaceTags) between items: better-sqlite3 forbids writing while a
 * statement of the same connection is still iterating.
 */
export function* iterateStories(
  db: Db,
  options: { since?: string; pageSize?: number } = {},
): Generator<Story> {
  const since = options.since ?? '';
  const pageSize = options.pageSize ?? 500;
  const page = prepareCached<[number, string, number], StoryRow>(
    db,
    `SELECT ${STORY_COLUMNS} FROM stories WHERE seq > ? AND published_at >= ?
     ORDER BY seq LIMIT ?`,
  );
  let after = 0;
  for (;;) {
    const rows = page.all(after, since, pageSize);
    for (const row of rows) yield toStory(row);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.seq;
  }
}

export function countStories(db: Db): number {
  return prepareCached<[], { n: number }>(db, 'SELECT count(*) AS n FROM stories').get()!.n;
}
