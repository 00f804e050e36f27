// Row writers for the story archive (tables stories and story_sources): one prepared statement
// each, called per story by writeStories (stories.ts), which holds the deduplication rules.
import type { Story } from '../domain.js';
import type { Db } from './database.js';
import { prepareCached } from './prepared.js';
import type { StoryRow } from './read-stories.js';

interface LinkRow {
  guid: string | null;
  url: string | null;
  title: string;
  published_at: string;
}

const INSERT_STORY = `INSERT INTO stories (id, url, guid, source_id, title, summary, content,
       author, categories, published_at, published_estimated, paywalled, first_seen_at,
       updated_at, content_hash, rules_version, facets, entities`;

// Built once: building the SQL text per story measured ~1% of a 1,000-story save (CPU profile,
// issue 18), for a string the statement cache then looks up anyway.
const INSERT_STORY_UNKNOWN_VETO = `${INSERT_STORY}) VALUES (${placeholders(18)})`;
const INSERT_STORY_WITH_VETO = `${INSERT_STORY}, off_topic) VALUES (${placeholders(19)})`;

export function insertStory(
  db: Db,
  story: Story,
  hash: string,
  nowIso: string,
  /** `entities`: encodeEntities (story-entities.ts) of the story's annotation, or null. */
  tagging: { rulesVersion: string | null; offTopic: boolean | null; entities: string | null },
  facets: string,
): number {
  const values = [
    story.id,
    story.url,
    story.guid,
    story.sourceId,
    story.title,
    story.summary,
    story.content,
    story.author,
    JSON.stringify(story.categories),
    story.publishedAt,
    story.publishedEstimated ? 1 : 0,
    story.paywalled ? 1 : 0,
    nowIso,
    nowIso,
    hash,
    tagging.rulesVersion,
    facets,
    tagging.entities,
  ];
  // off_topic (0015-off-topic-veto.sql) is named only when known: NULL is its default, and an
  // archive at an older schema (test/store/upgrade-from-0004.test.ts) is written as before.
  const result =
    tagging.offTopic === null
      ? prepareCached(db, INSERT_STORY_UNKNOWN_VETO).run(...values)
      : prepareCached(db, INSERT_STORY_WITH_VETO).run(...values, tagging.offTopic ? 1 : 0);
  return Number(result.lastInsertRowid);
}

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

export function updateStory(
  db: Db,
  existing: StoryRow,
  story: Story,
  hash: string,
  nowIso: string,
): void {
  // Keep a real stored date when the feed has stopped giving one.
  const keepDate = story.publishedEstimated;
  prepareCached(
    db,
    `UPDATE stories SET url = ?, guid = ?, title = ?, summary = ?, content = ?, author = ?,
       categories = ?, published_at = ?, published_estimated = ?, paywalled = ?, updated_at = ?,
       content_hash = ?
     WHERE seq = ?`,
  ).run(
    story.url ?? existing.url,
    story.guid ?? existing.guid,
    story.title,
    story.summary,
    story.content,
    story.author,
    JSON.stringify(story.categories),
    keepDate ? existing.published_at : story.publishedAt,
    keepDate ? existing.published_estimated : 0,
    story.paywalled ? 1 : 0,
    nowIso,
    hash,
    existing.seq,
  );
}

export function insertLink(db: Db, seq: number, story: Story, nowIso: string): void {
  prepareCached(
    db,
    `INSERT INTO story_sources (story_seq, source_id, guid, url, title, published_at, first_seen_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(seq, story.sourceId, story.guid, story.url, story.title, story.publishedAt, nowIso);
}

/** Adds or refreshes the (story, source) link. Returns whether the link is new. */
export function linkSource(db: Db, seq: number, story: Story, nowIso: string): boolean {
  const link = prepareCached<[number, string], LinkRow>(
    db,
    'SELECT guid, url, title, published_at FROM story_sources WHERE story_seq = ? AND source_id = ?',
  ).get(seq, story.sourceId);
  if (link === undefined) {
    insertLink(db, seq, story, nowIso);
    return true;
  }
  const guid = story.guid ?? link.guid;
  const url = story.url ?? link.url;
  const publishedAt = story.publishedEstimated ? link.published_at : story.publishedAt;
  if (
    guid !== link.guid ||
    url !== link.url ||
    story.title !== link.title ||
    publishedAt !== link.published_at
  ) {
    prepareCached(
      db,
      `UPDATE story_sources SET guid = ?, url = ?, title = ?, published_at = ?
       WHERE story_seq = ? AND source_id = ?`,
    ).run(guid, url, story.title, publishedAt, seq, story.sourceId);
  }
  return false;
}
