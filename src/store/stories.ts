// The story archive (tables stories and story_sources in migrations/0001-archive.sql).
//
// Deduplication rules, applied in saveStories in this order to find an existing story:
//   1. the canonical URL (the same article from two feeds is one story known to two sources;
//      a GUID that changes while the URL stays is the same story);
//   2. (source, GUID) as recorded in story_sources (an item whose URL changed);
//   3. the incoming story id (ingest/story-id.ts).
// Found: re-polling an unchanged item changes nothing; an edit (title, summary, content, author,
// categories, URL or a real publication date) by the story's first source updates the row and
// keeps first_seen_at; another source only adds or refreshes its story_sources row.
// Not found: a new story. Every batch is one transaction. The FTS index (stories_fts) is written
// at the end of the batch, never by triggers (see fts-index.ts for why and for facets).
// Tags: the store never tags. New and edited stories (story-changes.ts finds them) are written
// with the annotations the caller made for them (src/pipeline/tag-and-store.ts).
import type { Entities, Story, Tag } from '../domain.js';
import type { Db } from './database.js';
import { buildFacets, queueReindex, writeFts, type FtsWrite } from './fts-index.js';
import { prepareCached } from './prepared.js';
import type { StoryRow } from './read-stories.js';
import {
  classifyStory,
  editedRow,
  findStoriesToTag,
  rowFor,
  type StoryBatch,
} from './story-changes.js';
import { forgetKnownNames, replaceTagsBySeq } from './tags.js';

// The readers live in read-stories.ts; re-exported so callers import one module.
export {
  countStories,
  getStory,
  iterateStories,
  listStoriesBetween,
  loadStoredBySeqs,
} from './read-stories.js';

export { findStoriesToTag, type StoryBatch, type StoryToTag } from './story-changes.js';

/** A story's tags and entities, and the rules version that made them. */
export interface StoryAnnotation {
  tags: Tag[];
  entities: Entities;
  rulesVersion: string;
}

/** Annotations by position in the batch (StoryToTag.index). */
export type BatchAnnotations = ReadonlyMap<number, StoryAnnotation>;

export interface SaveResult {
  /** Ids of stories new to the archive. */
  inserted: string[];
  /** Ids of stories whose first source edited them. */
  updated: string[];
  /** Ids of existing stories now also known to another source. */
  linked: string[];
  /** Items that changed nothing. */
  unchanged: number;
}

interface LinkRow {
  guid: string | null;
  url: string | null;
  title: string;
  published_at: string;
}

function insertStory(
  db: Db,
  story: Story,
  hash: string,
  nowIso: string,
  rulesVersion: string | null,
  facets: string,
): number {
  const result = prepareCached(
    db,
    `INSERT INTO stories (id, url, guid, source_id, title, summary, content, author, categories,
       published_at, published_estimated, paywalled, first_seen_at, updated_at, content_hash,
       rules_version, facets)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
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
    rulesVersion,
    facets,
  );
  return Number(result.lastInsertRowid);
}

function updateStory(db: Db, existing: StoryRow, story: Story, hash: string, nowIso: string): void {
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

function insertLink(db: Db, seq: number, story: Story, nowIso: string): void {
  prepareCached(
    db,
    `INSERT INTO story_sources (story_seq, source_id, guid, url, title, published_at, first_seen_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(seq, story.sourceId, story.guid, story.url, story.title, story.publishedAt, nowIso);
}

/** Adds or refreshes the (story, source) link. Returns whether the link is new. */
function linkSource(db: Db, seq: number, story: Story, nowIso: string): boolean {
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

/**
 * Runs `write` (findStoriesToTag, tagging, writeStories) as one transaction. On failure nothing
 * is stored and the organisation-name cache (tags.ts) forgets what the rollback undid.
 */
export function inStoryTransaction<T>(db: Db, write: () => T): T {
  try {
    return db.transaction(write)();
  } catch (error) {
    forgetKnownNames(db);
    throw error;
  }
}

/**
 * Stores a batch of stories from one poll in one transaction. With `annotations`, every story
 * the batch inserts or edits must have one (findStoriesToTag lists them): its tags and entities
 * replace the story's previous ones. Without, stories are stored untagged (tests, imports).
 */
export function saveStories(
  db: Db,
  stories: readonly Story[],
  now: Date,
  annotations?: BatchAnnotations,
): SaveResult {
  return inStoryTransaction(db, () =>
    writeStories(db, findStoriesToTag(db, stories), now, annotations),
  );
}

/**
 * saveStories inside the caller's transaction (inStoryTransaction). One transaction, not one
 * nested in another: a nested one is a savepoint, whose sub-journal doubles the bytes written.
 */
export function writeStories(
  db: Db,
  batch: StoryBatch,
  now: Date,
  annotations?: BatchAnnotations,
): SaveResult {
  if (!db.inTransaction) throw new Error('store: writeStories must run in a transaction');
  const { stories, index, hashes } = batch;
  const nowIso = now.toISOString();
  const result: SaveResult = { inserted: [], updated: [], linked: [], unchanged: 0 };
  const fts: FtsWrite[] = [];
  const annotationAt = (i: number, story: Story): StoryAnnotation | undefined => {
    if (annotations === undefined) return undefined;
    const annotation = annotations.get(i);
    // findStoriesToTag and this loop classify with the same function: a gap is a caller's bug.
    if (annotation === undefined) throw new Error(`store: story ${story.id} was not tagged`);
    return annotation;
  };
  try {
    stories.forEach((story, i) => {
      const hash = hashes[i]!;
      const change = classifyStory(index, story, hash);
      if (change.kind === 'new') {
        const annotation = annotationAt(i, story);
        const facets = buildFacets({
          sourceIds: [story.sourceId],
          themes: annotation?.tags.map((t) => t.theme) ?? [],
          organisationIds: annotation?.entities.organisations.map((o) => o.id) ?? [],
          publishedAt: story.publishedAt,
        });
        const rulesVersion = annotation?.rulesVersion ?? null;
        const seq = insertStory(db, story, hash, nowIso, rulesVersion, facets);
        insertLink(db, seq, story, nowIso);
        if (annotation) {
          const { tags, entities } = annotation;
          replaceTagsBySeq(db, seq, tags, entities, annotation.rulesVersion, true);
        }
        fts.push({ op: 'insert', seq, ...pickText(story), facets });
        index.remember(rowFor(seq, story, hash, nowIso, facets), story);
        result.inserted.push(story.id);
        return;
      }
      const { existing } = change;
      const isNewLink = linkSource(db, existing.seq, story, nowIso);
      const isOwner = existing.source_id === story.sourceId;
      if (isOwner && story.guid !== null && story.guid !== existing.guid) {
        // A re-issued GUID is not an edit, but later lookups by (source, GUID) must find it.
        prepareCached(db, 'UPDATE stories SET guid = ? WHERE seq = ?').run(
          story.guid,
          existing.seq,
        );
        existing.guid = story.guid;
      }
      const isEdit = change.kind === 'edit';
      // An edit may change the date (a date facet), the text and, with its annotation, the tags.
      if (isEdit) {
        updateStory(db, existing, story, hash, nowIso);
        const annotation = annotationAt(i, story);
        if (annotation) {
          const { tags, entities, rulesVersion } = annotation;
          replaceTagsBySeq(db, existing.seq, tags, entities, rulesVersion);
        }
      }
      if (isEdit || isNewLink) {
        // New text, tags or sources: the index row follows.
        const indexed = queueReindex(
          db,
          { seq: existing.seq, ...pickText(existing), facets: existing.facets },
          isEdit ? pickText(story) : pickText(existing),
          fts,
        );
        if (isEdit) {
          index.remember(editedRow(existing, story, hash, indexed.facets), story);
          result.updated.push(existing.id);
        } else {
          existing.facets = indexed.facets;
          index.remember(existing, story);
          result.linked.push(existing.id);
        }
      } else {
        index.remember(existing, story);
        result.unchanged++;
      }
    });
    writeFts(db, fts);
  } catch (error) {
    throw new Error(`store: could not save ${stories.length} stories`, { cause: error });
  }
  return result;
}

function pickText(s: { title: string; summary: string; content: string }) {
  return { title: s.title, summary: s.summary, content: s.content };
}
