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
import {
  classifyStory,
  editedRow,
  findStoriesToTag,
  rowFor,
  type StoryBatch,
} from './story-changes.js';
import { encodeEntities } from './story-entities.js';
import { insertLink, insertStory, linkSource, updateStory } from './story-rows.js';
import { forgetKnownNames, replaceTagsBySeq } from './tags.js';

// The readers live in read-stories.ts; re-exported so callers import one module.
export {
  countStories,
  getStory,
  getStoryByRef,
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
  /**
   * No theme because a veto rejected one (the digest's "Off-topic"; stories.off_topic). Absent:
   * not known (a caller that does not say), and the digest re-tags the story to find out.
   */
  offTopic?: boolean;
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
        insertNewStory(db, batch, story, hash, nowIso, annotationAt(i, story), fts);
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
          const { tags, entities, rulesVersion, offTopic } = annotation;
          replaceTagsBySeq(db, existing.seq, tags, entities, rulesVersion, false, offTopic);
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

/** A story new to the archive: its row, its first source, its tags and its queued index row. */
function insertNewStory(
  db: Db,
  batch: StoryBatch,
  story: Story,
  hash: string,
  nowIso: string,
  annotation: StoryAnnotation | undefined,
  fts: FtsWrite[],
): void {
  const facets = buildFacets({
    sourceIds: [story.sourceId],
    themes: annotation?.tags.map((t) => t.theme) ?? [],
    organisationIds: annotation?.entities.organisations.map((o) => o.id) ?? [],
    publishedAt: story.publishedAt,
  });
  const rulesVersion = annotation?.rulesVersion ?? null;
  const offTopic = annotation?.offTopic ?? null;
  const entities = annotation ? encodeEntities(annotation.entities) : null;
  const tagging = { rulesVersion, offTopic, entities };
  const seq = insertStory(db, story, hash, nowIso, tagging, facets);
  insertLink(db, seq, story, nowIso);
  if (annotation) {
    const { tags, entities } = annotation;
    replaceTagsBySeq(db, seq, tags, entities, annotation.rulesVersion, true);
  }
  fts.push({ op: 'insert', seq, ...pickText(story), facets });
  batch.index.remember(rowFor(seq, story, hash, nowIso, facets), story);
}

function pickText(s: { title: string; summary: string; content: string }) {
  return { title: s.title, summary: s.summary, content: s.content };
}
