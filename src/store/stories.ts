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
import { createHash } from 'node:crypto';
import type { Entities, Story, Tag } from '../domain.js';
import type { Db } from './database.js';
import { buildFacets, queueReindex, writeFts, type FtsWrite } from './fts-index.js';
import { prepareCached } from './prepared.js';
import { BatchIndex } from './batch-index.js';
import type { StoryRow } from './read-stories.js';
import { forgetKnownNames, replaceTagsBySeq } from './tags.js';

// The readers live in read-stories.ts; re-exported so callers import one module.
export {
  countStories,
  getStory,
  iterateStories,
  listStoriesBetween,
  loadStoredBySeqs,
} from './read-stories.js';

export type Annotate = (story: Story) => { tags: Tag[]; entities: Entities; rulesVersion: string };

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

/** What counts as an edit. An estimated date (the first-seen time) is not part of it. */
export function hashStoryContent(story: Story): string {
  const parts = [
    story.title,
    story.summary,
    story.content,
    story.author ?? '',
    JSON.stringify(story.categories),
    story.url ?? '',
    story.publishedEstimated ? '' : story.publishedAt,
  ];
  return createHash('sha1').update(parts.join('\u0000')).digest('base64url');
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
 * Stores a batch of stories from one poll in one transaction. `annotate` (tagging) runs for new
 * and edited stories only, and its tags and entities replace the story's previous ones.
 */
export function saveStories(
  db: Db,
  stories: readonly Story[],
  now: Date,
  annotate?: Annotate,
): SaveResult {
  const nowIso = now.toISOString();
  const result: SaveResult = { inserted: [], updated: [], linked: [], unchanged: 0 };
  const fts: FtsWrite[] = [];
  const run = db.transaction(() => {
    const index = new BatchIndex(db, stories);
    for (const story of stories) {
      const hash = hashStoryContent(story);
      const existing = index.find(story);
      if (existing === undefined) {
        const annotation = annotate?.(story);
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
          replaceTagsBySeq(
            db,
            seq,
            annotation.tags,
            annotation.entities,
            annotation.rulesVersion,
            true,
          );
        }
        fts.push({ op: 'insert', seq, ...pickText(story), facets });
        index.remember(rowFor(seq, story, hash, nowIso, facets), story);
        result.inserted.push(story.id);
        continue;
      }
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
      const isEdit = isOwner && existing.content_hash !== hash;
      // An edit may change the date (a date facet), the text and, through annotate, the tags.
      if (isEdit) {
        updateStory(db, existing, story, hash, nowIso);
        if (annotate) writeAnnotation(db, existing.seq, { ...story, id: existing.id }, annotate);
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
          const updated = rowFor(existing.seq, story, hash, existing.first_seen_at, indexed.facets);
          updated.id = existing.id;
          updated.url = story.url ?? existing.url;
          index.remember(updated, story);
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
    }
    writeFts(db, fts);
  });
  try {
    run();
  } catch (error) {
    forgetKnownNames(db);
    throw new Error(`store: could not save ${stories.length} stories`, { cause: error });
  }
  return result;
}

/** The row as stored, for lookups later in the same batch. */
function rowFor(
  seq: number,
  story: Story,
  hash: string,
  firstSeenAt: string,
  facets: string,
): StoryRow {
  return {
    seq,
    id: story.id,
    url: story.url,
    guid: story.guid,
    source_id: story.sourceId,
    facets,
    title: story.title,
    summary: story.summary,
    content: story.content,
    author: story.author,
    categories: JSON.stringify(story.categories),
    published_at: story.publishedAt,
    published_estimated: story.publishedEstimated ? 1 : 0,
    paywalled: story.paywalled ? 1 : 0,
    first_seen_at: firstSeenAt,
    content_hash: hash,
  };
}

function pickText(s: { title: string; summary: string; content: string }) {
  return { title: s.title, summary: s.summary, content: s.content };
}

function writeAnnotation(db: Db, seq: number, story: Story, annotate: Annotate): void {
  const { tags, entities, rulesVersion } = annotate(story);
  replaceTagsBySeq(db, seq, tags, entities, rulesVersion);
}
