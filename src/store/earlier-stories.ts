// Earlier stories a digest entry may continue (src/pipeline/find-continuity.ts): stories in a
// window before the digest's week that name the same organisation under the same theme, or whose
// headline shares words with the entry's. Read-only, and cheap by construction: every query
// starts from an index (story_entities_org, the FTS5 index bounded by rowid) and is LIMITed.
import type { Db } from './database.js';
import { quoteFtsString } from './fts-query.js';
import { prepareCached } from './prepared.js';

export interface EarlierStory {
  id: string;
  title: string;
  summary: string;
  url: string | null;
  publishedAt: string;
  /** The organisation (id) the match was made on; null for a headline match. */
  organisationId: string | null;
}

interface EarlierRow {
  id: string;
  title: string;
  summary: string;
  url: string | null;
  published_at: string;
  entity_id: string | null;
}

const toEarlier = (r: EarlierRow): EarlierStory => ({
  id: r.id,
  title: r.title,
  summary: r.summary,
  url: r.url,
  publishedAt: r.published_at,
  organisationId: r.entity_id,
});

export interface EarlierWindow {
  since: string;
  before: string;
  limit: number;
}

/**
 * Stories in [since, before) naming one of `organisationIds` and tagged with one of `themes`.
 * `fromSeq` (firstSeqSince) bounds the story_entities_org index range, so an organisation named
 * in thousands of older stories costs only its mentions in the window.
 */
export function findEarlierByOrganisation(
  db: Db,
  organisationIds: readonly string[],
  themes: readonly string[],
  fromSeq: number,
  window: EarlierWindow,
): EarlierStory[] {
  if (organisationIds.length === 0 || themes.length === 0) return [];
  return prepareCached<[Record<string, string | number>], EarlierRow>(
    db,
    `SELECT s.id, s.title, s.summary, s.url, s.published_at, e.entity_id
     FROM story_entities e JOIN stories s ON s.seq = e.story_seq
     WHERE e.kind = 'org' AND e.entity_id IN (SELECT value FROM json_each(@orgs))
       AND e.story_seq >= @fromSeq AND s.published_at >= @since AND s.published_at < @before
       AND EXISTS (SELECT 1 FROM story_tags t WHERE t.story_seq = s.seq
                   AND t.theme IN (SELECT value FROM json_each(@themes)))
     ORDER BY s.published_at DESC, s.seq DESC LIMIT @limit`,
  )
    .all({
      orgs: JSON.stringify(organisationIds),
      themes: JSON.stringify(themes),
      fromSeq,
      since: window.since,
      before: window.before,
      limit: window.limit,
    })
    .map(toEarlier);
}

/**
 * The first seq of a story published at or after `since`: the FTS query below starts there, so
 * it never walks the doclists of older stories (FTS5 seeks on a rowid bound).
 */
export function firstSeqSince(db: Db, since: string): number | null {
  const row = prepareCached<[string], { seq: number | null }>(
    db,
    'SELECT min(seq) AS seq FROM stories WHERE published_at >= ?',
  ).get(since);
  return row?.seq ?? null;
}

/**
 * Stories in [since, before) whose headline holds the first of `words` and at least one of the
 * others, newest first. The first word should be the rarest (headlineSearchWords puts the longest
 * first): FTS5 then walks its short doclist, which measured 2-3 times cheaper than ORing every
 * pair of words. Words are quoted FTS5 strings, so none is ever read as an operator.
 */
export function findEarlierByHeadline(
  db: Db,
  words: readonly string[],
  fromSeq: number,
  window: EarlierWindow,
): EarlierStory[] {
  const [anchor, ...others] = words;
  if (anchor === undefined || others.length === 0) return [];
  return prepareCached<[Record<string, string | number>], EarlierRow>(
    db,
    `SELECT s.id, s.title, s.summary, s.url, s.published_at, NULL AS entity_id
     FROM stories_fts f JOIN stories s ON s.seq = f.rowid
     WHERE stories_fts MATCH @match AND f.rowid >= @fromSeq
       AND s.published_at >= @since AND s.published_at < @before
     ORDER BY f.rowid DESC LIMIT @limit`,
  )
    .all({
      match: `title : (${quoteFtsString(anchor)} AND (${others.map(quoteFtsString).join(' OR ')}))`,
      fromSeq,
      since: window.since,
      before: window.before,
      limit: window.limit,
    })
    .map(toEarlier);
}
