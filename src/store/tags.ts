// Themes and entities per story (tables story_tags and organisation_names in
// migrations/0002-tags.sql; entities on the story's row, story-entities.ts). Tags are replaced as
// a whole whenever a story is (re)tagged, so a story never carries a mix of two rules versions. Evidence is stored as JSON for explanation.
import type { Entities, Evidence, Tag } from '../domain.js';
import type { Db } from './database.js';
import { replaceDeadlinesBySeq } from './deadlines.js';
import { queueReindex, writeFts, type FtsWrite, type IndexedText } from './fts-index.js';
import { prepareCached } from './prepared.js';
import { decodeEntities, encodeEntities } from './story-entities.js';

export interface TagRow {
  story_seq: number;
  theme: string;
  score: number;
  evidence: string;
}

/** Lower-case, single-spaced: how organisation names are compared. */
export function normaliseOrganisationKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Replaces a story's tags and entities (e.g. `briefing retag`) in one transaction, with its
 * search facets. Returns false when no story has that id.
 */
export function replaceTags(
  db: Db,
  storyId: string,
  tags: readonly Tag[],
  entities: Entities,
  rulesVersion: string,
): boolean {
  const row = prepareCached<[string], IndexedText>(
    db,
    'SELECT seq, title, summary, content, facets FROM stories WHERE id = ?',
  ).get(storyId);
  if (row === undefined) return false;
  db.transaction(() => {
    replaceTagsBySeq(db, row.seq, tags, entities, rulesVersion);
    // Theme and organisation facets live in the FTS index: refresh the row (fts-index.ts).
    const queue: FtsWrite[] = [];
    queueReindex(db, row, row, queue);
    writeFts(db, queue);
  })();
  return true;
}

export interface TagUpdate {
  storyId: string;
  tags: readonly Tag[];
  entities: Entities;
  rulesVersion: string;
  /** See StoryAnnotation.offTopic (stories.ts): absent = not known. */
  offTopic?: boolean;
}

/**
 * replaceTags for many stories in one transaction, with the index writes last (fts-index.ts):
 * what a re-tag of the archive should use, in batches of a few hundred. Returns how many of the
 * ids were found.
 */
export function replaceTagsBatch(db: Db, updates: readonly TagUpdate[]): number {
  let found = 0;
  db.transaction(() => {
    const queue: FtsWrite[] = [];
    const read = prepareCached<[string], IndexedText>(
      db,
      'SELECT seq, title, summary, content, facets FROM stories WHERE id = ?',
    );
    for (const update of updates) {
      const row = read.get(update.storyId);
      if (row === undefined) continue;
      found++;
      const { tags, entities, rulesVersion, offTopic } = update;
      replaceTagsBySeq(db, row.seq, tags, entities, rulesVersion, false, offTopic);
      queueReindex(db, row, row, queue);
    }
    writeFts(db, queue);
  })();
  return found;
}

/**
 * Spellings already in organisation_names, per database (organisation id -> spellings as
 * written): skips repeated INSERT OR IGNOREs. Nested rather than one "id\0spelling" key: no
 * string is built per lookup.
 */
const knownNames = new WeakMap<Db, Map<string, Set<string>>>();

/** After a rolled-back transaction: the cache may list spellings that were never stored. */
export function forgetKnownNames(db: Db): void {
  knownNames.delete(db);
}

/**
 * The same, by internal row number, for callers already inside a transaction. `fresh` says the
 * story was inserted in this transaction with its rules_version and entities (insertStory):
 * nothing to delete or update.
 */
export function replaceTagsBySeq(
  db: Db,
  seq: number,
  tags: readonly Tag[],
  entities: Entities,
  rulesVersion: string,
  fresh = false,
  offTopic?: boolean,
): void {
  if (!fresh) {
    prepareCached(db, 'DELETE FROM story_tags WHERE story_seq = ?').run(seq);
    // Entities live on the story's row (story-entities.ts). A fresh row got off_topic with its
    // INSERT (story-rows.ts); NULL: not known.
    const vetoed = offTopic === undefined ? null : offTopic ? 1 : 0;
    prepareCached(
      db,
      'UPDATE stories SET rules_version = ?, off_topic = ?, entities = ? WHERE seq = ?',
    ).run(rulesVersion, vetoed, encodeEntities(entities), seq);
  }
  replaceDeadlinesBySeq(db, seq, entities.deadlines ?? [], fresh);
  if (tags.length > 0) {
    const insertTag = prepareCached(
      db,
      `INSERT OR REPLACE INTO story_tags (story_seq, theme, score, evidence, rules_version)
       VALUES (?, ?, ?, ?, ?)`,
    );
    for (const tag of tags) {
      insertTag.run(seq, tag.theme, tag.score, JSON.stringify(tag.evidence), rulesVersion);
    }
  }
  if (entities.organisations.length > 0) rememberOrganisationNames(db, entities);
}

/** Every spelling of the story's organisations in organisation_names (findOrganisationIds). */
function rememberOrganisationNames(db: Db, entities: Entities): void {
  let byId = knownNames.get(db);
  if (byId === undefined) {
    byId = new Map();
    knownNames.set(db, byId);
  }
  for (const org of entities.organisations) {
    let names = byId.get(org.id);
    if (names === undefined) {
      names = new Set();
      byId.set(org.id, names);
    }
    for (const spelling of [org.name, org.matched, org.id]) {
      // Keyed by the spelling as written: a known one skips the NFKC normalisation too, which
      // measured ~1% of a 1,000-story save (two organisations a story, three spellings each).
      if (names.has(spelling)) continue;
      prepareCached(
        db,
        'INSERT OR IGNORE INTO organisation_names (name_key, entity_id) VALUES (?, ?)',
      ).run(normaliseOrganisationKey(spelling), org.id);
      names.add(spelling);
    }
  }
}

/** Tags of many stories, by row number; each story's tags highest score first. */
export function readTags(rows: readonly TagRow[]): Map<number, Tag[]> {
  const bySeq = new Map<number, Tag[]>();
  for (const row of rows) {
    const tag: Tag = {
      theme: row.theme,
      score: row.score,
      evidence: JSON.parse(row.evidence) as Evidence[],
    };
    const list = bySeq.get(row.story_seq);
    if (list === undefined) bySeq.set(row.story_seq, [tag]);
    else list.push(tag);
  }
  for (const list of bySeq.values()) list.sort((a, b) => b.score - a.score);
  return bySeq;
}

/** Tags and entities of one story. */
export function loadTagsOf(db: Db, seq: number): { tags: Tag[]; entities: Entities } {
  const tags = readTags(
    prepareCached<[number], TagRow>(
      db,
      'SELECT story_seq, theme, score, evidence FROM story_tags WHERE story_seq = ?',
    ).all(seq),
  );
  const entities = prepareCached<[number], string | null>(
    db,
    'SELECT entities FROM stories WHERE seq = ?',
  )
    .pluck()
    .get(seq);
  return { tags: tags.get(seq) ?? [], entities: decodeEntities(entities ?? null) };
}

/** Stories per theme published in [startIso, endIso). Themes with no stories are absent. */
export function countByThemeBetween(
  db: Db,
  startIso: string,
  endIso: string,
): Record<string, number> {
  const rows = prepareCached<[string, string], { theme: string; n: number }>(
    db,
    `SELECT t.theme AS theme, count(*) AS n
     FROM stories s JOIN story_tags t ON t.story_seq = s.seq
     WHERE s.published_at >= ? AND s.published_at < ?
     GROUP BY t.theme ORDER BY t.theme`,
  ).all(startIso, endIso);
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.theme] = row.n;
  return counts;
}

/**
 * Canonical organisation ids whose id, canonical name or any spelling seen is `text`, or else
 * contains it.
 */
export function findOrganisationIds(db: Db, text: string): string[] {
  const key = normaliseOrganisationKey(text);
  if (key === '') return [];
  // An exact id or spelling wins: "QUA" (an ICB's code) must not also bring in every name
  // holding "qua" ("Care Quality Commission").
  const exact = prepareCached<[string], { entity_id: string }>(
    db,
    'SELECT DISTINCT entity_id FROM organisation_names WHERE name_key = ? ORDER BY entity_id',
  )
    .all(key)
    .map((r) => r.entity_id);
  if (exact.length > 0) return exact;
  const escaped = key.replace(/[\\%_]/g, (c) => `\\${c}`);
  return prepareCached<[string, string], { entity_id: string }>(
    db,
    `SELECT DISTINCT entity_id FROM organisation_names
     WHERE name_key = ? OR name_key LIKE ? ESCAPE '\\' ORDER BY entity_id LIMIT 200`,
  )
    .all(key, `%${escaped}%`)
    .map((r) => r.entity_id);
}
