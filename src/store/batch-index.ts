// Finding a batch's existing stories for saveStories: the dedup lookups done with three queries
// per batch instead of three per story, kept current as the batch inserts and edits.
import type { Story } from '../domain.js';
import type { Db } from './database.js';
import { prepareCached } from './prepared.js';
import { STORY_COLUMNS, type StoryRow } from './read-stories.js';

/**
 * Existing rows for a batch, found with three queries (by URL, by (source, GUID), by id) instead
 * of three per story, and kept current as the batch inserts and edits stories.
 */
export class BatchIndex {
  private readonly byUrl = new Map<string, StoryRow>();
  private readonly byGuid = new Map<string, StoryRow>();
  private readonly byId = new Map<string, StoryRow>();

  /** Loads the rows for `stories`; with no arguments, an empty index (for copy()). */
  constructor(db?: Db, stories: readonly Story[] = []) {
    if (db === undefined) return;
    const urls = stories.flatMap((s) => (s.url === null ? [] : [s.url]));
    const guids = stories.flatMap((s) => (s.guid === null ? [] : [[s.sourceId, s.guid]]));
    const ids = stories.map((s) => s.id);
    if (urls.length > 0) {
      for (const row of prepareCached<[string], StoryRow>(
        db,
        `SELECT ${STORY_COLUMNS} FROM stories WHERE url IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(urls))) {
        this.byUrl.set(row.url!, row);
      }
    }
    if (guids.length > 0) {
      for (const row of prepareCached<
        [string],
        StoryRow & { link_source: string; link_guid: string }
      >(
        db,
        `SELECT ${STORY_COLUMNS.replace(/(\w+)/g, 's.$1')}, l.source_id AS link_source,
           l.guid AS link_guid
         FROM json_each(?) AS j
         JOIN story_sources l
           ON l.source_id = json_extract(j.value, '$[0]') AND l.guid = json_extract(j.value, '$[1]')
         JOIN stories s ON s.seq = l.story_seq`,
      ).all(JSON.stringify(guids))) {
        this.byGuid.set(guidKey(row.link_source, row.link_guid), row);
      }
    }
    for (const row of prepareCached<[string], StoryRow>(
      db,
      `SELECT ${STORY_COLUMNS} FROM stories WHERE id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(ids))) {
      this.byId.set(row.id, row);
    }
  }

  /** An index that starts with the same rows and learns separately (rows are shared). */
  copy(): BatchIndex {
    const copy = new BatchIndex();
    for (const [key, row] of this.byUrl) copy.byUrl.set(key, row);
    for (const [key, row] of this.byGuid) copy.byGuid.set(key, row);
    for (const [key, row] of this.byId) copy.byId.set(key, row);
    return copy;
  }

  /** The dedup order: canonical URL, then (source, GUID), then the story id. */
  find(story: Story): StoryRow | undefined {
    return (
      (story.url === null ? undefined : this.byUrl.get(story.url)) ??
      (story.guid === null ? undefined : this.byGuid.get(guidKey(story.sourceId, story.guid))) ??
      this.byId.get(story.id)
    );
  }

  /** Records a row inserted or changed in this batch, under the story's URL, GUID and id. */
  remember(row: StoryRow, story: Story): void {
    if (row.url !== null) this.byUrl.set(row.url, row);
    if (story.guid !== null) this.byGuid.set(guidKey(story.sourceId, story.guid), row);
    this.byId.set(row.id, row);
  }
}

function guidKey(sourceId: string, guid: string): string {
  return `${sourceId}\u0000${guid}`;
}
