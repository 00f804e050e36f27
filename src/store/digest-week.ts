// The week's stories as the digest reads them (src/pipeline/build-week-digest.ts): only the
// columns the digest uses, so a 2,400-story week at 1M stories reads no article bodies and parses
// no evidence JSON (issue 18: the full rows were about half of the week list's cost).
// What is left out, and why the digest is unchanged by it:
// - `content` is empty: the digest reads an article's text only for the stories its entries show
//   (an entry's summary fallback and lead text, cluster-entry.ts), through readArticleText, and
//   at most their first CONTENT_CHARS characters' first sentences (LEAD_TEXT_CHARS there).
//   Reading every story's text measured half of the week's row read (issue 18).
// - tags carry no evidence (the digest ranks on theme and score); entities are decoded from the
//   row's JSON (story-entities.ts); `guid`, `author` and `categories` are empty: no digest part reads them.
// - `offTopic`: stories the tagger vetoed, as stored with their tags (stories.off_topic); stories
//   tagged before that column existed come back in `unknown` with their full text, for the
//   caller to re-tag (find-continuity.ts findOffTopic).
import type { StoredStory, Tag } from '../domain.js';
import type { Db } from './database.js';
import { prepareCached } from './prepared.js';
import { decodeEntities } from './story-entities.js';

/** Characters of article text read per story (cluster-entry.ts reads at most 2,000). */
export const CONTENT_CHARS = 2000;

/**
 * A row of ROWS_SQL as better-sqlite3's raw array (its columns in that order): a 2,400-story
 * week read as arrays costs about 0.7x what named row objects cost (issue 18).
 */
type WeekRow = [
  seq: number,
  id: string,
  url: string | null,
  source_id: string,
  title: string,
  summary: string,
  published_at: string,
  published_estimated: number,
  paywalled: number,
  first_seen_at: string,
  off_topic: number | null,
  entities: string | null,
];
const SEQ = 0;
const OFF_TOPIC = 10;
const ENTITIES = 11;

export interface DigestWeek {
  /** Oldest first (published_at, then seq), as listStoriesBetween orders them. */
  stories: StoredStory[];
  /** Ids of untagged stories the tagger vetoed as off-topic. */
  offTopic: Set<string>;
  /** Untagged stories whose veto was never recorded, with their full text (for a re-tag). */
  unknown: StoredStory[];
}

const ROWS_SQL = `SELECT seq, id, url, source_id, title, summary, published_at,
       published_estimated, paywalled, first_seen_at, off_topic, entities
     FROM stories WHERE published_at >= ? AND published_at < ? ORDER BY published_at, seq`;
const LINKS_SQL = `SELECT l.story_seq AS seq, l.source_id FROM stories s
     JOIN story_sources l ON l.story_seq = s.seq
     WHERE s.published_at >= ? AND s.published_at < ? ORDER BY l.first_seen_at, l.source_id`;
const TAGS_SQL = `SELECT t.story_seq AS seq, t.theme, t.score FROM stories s
     JOIN story_tags t ON t.story_seq = s.seq WHERE s.published_at >= ? AND s.published_at < ?`;
const FULL_TEXT_SQL = `SELECT seq, content FROM stories
     WHERE seq IN (SELECT value FROM json_each(?))`;
const ARTICLE_TEXT_SQL = `SELECT id, substr(content, 1, ${CONTENT_CHARS}) AS content FROM stories
     WHERE id IN (SELECT value FROM json_each(?))`;

/** Stories published in [startsAtIso, endsAtIso) with what the digest needs of them. */
export function listDigestWeek(db: Db, startsAtIso: string, endsAtIso: string): DigestWeek {
  const range = [startsAtIso, endsAtIso] as const;
  const rows = prepareCached<[string, string], WeekRow>(db, ROWS_SQL)
    .raw(true)
    .all(...range);
  const week: DigestWeek = { stories: [], offTopic: new Set(), unknown: [] };
  if (rows.length === 0) return week;
  const bySeq = new Map<number, StoredStory>();
  for (const row of rows) {
    const story = toStoredStory(row);
    bySeq.set(row[SEQ], story);
    week.stories.push(story);
  }
  const links = prepareCached<[string, string], { seq: number; source_id: string }>(db, LINKS_SQL);
  for (const link of links.all(...range)) {
    const story = bySeq.get(link.seq);
    if (story !== undefined && link.source_id !== story.sourceId)
      story.sourceIds.push(link.source_id);
  }
  const tagRows = prepareCached<[string, string], { seq: number; theme: string; score: number }>(
    db,
    TAGS_SQL,
  ).all(...range);
  for (const row of tagRows) {
    const tag: Tag = { theme: row.theme, score: row.score, evidence: [] };
    bySeq.get(row.seq)?.tags.push(tag);
  }
  const unknownSeqs: number[] = [];
  for (const row of rows) {
    const story = bySeq.get(row[SEQ])!;
    // Highest score first, as readTags (tags.ts) orders them.
    if (story.tags.length > 1) story.tags.sort((a, b) => b.score - a.score);
    if (story.tags.length > 0) continue;
    if (row[OFF_TOPIC] === 1) week.offTopic.add(story.id);
    else if (row[OFF_TOPIC] === null) unknownSeqs.push(row[SEQ]);
  }
  week.unknown = withFullText(db, unknownSeqs, bySeq);
  return week;
}

function toStoredStory(row: WeekRow): StoredStory {
  const [, id, url, sourceId, title, summary, publishedAt, estimated, paywalled, firstSeenAt] = row;
  return {
    id,
    sourceId,
    guid: null,
    url,
    title,
    summary,
    content: '',
    author: null,
    categories: [],
    publishedAt,
    publishedEstimated: estimated === 1,
    paywalled: paywalled === 1,
    sourceIds: [sourceId],
    firstSeenAt,
    tags: [],
    entities: decodeEntities(row[ENTITIES]),
  };
}

/**
 * The first CONTENT_CHARS characters of the given stories' article text, by id (buildDigest's
 * `articleText`: only the stories its entries show).
 */
export function readArticleText(db: Db, storyIds: readonly string[]): Map<string, string> {
  if (storyIds.length === 0) return new Map();
  const rows = prepareCached<[string], { id: string; content: string }>(db, ARTICLE_TEXT_SQL);
  return new Map(rows.all(JSON.stringify(storyIds)).map((r) => [r.id, r.content]));
}

/** Copies of the given stories with their whole article text, for re-tagging. */
function withFullText(
  db: Db,
  seqs: readonly number[],
  bySeq: ReadonlyMap<number, StoredStory>,
): StoredStory[] {
  if (seqs.length === 0) return [];
  const texts = prepareCached<[string], { seq: number; content: string }>(db, FULL_TEXT_SQL);
  const contentOf = new Map(texts.all(JSON.stringify(seqs)).map((r) => [r.seq, r.content]));
  return seqs.map((seq) => ({ ...bySeq.get(seq)!, content: contentOf.get(seq) ?? '' }));
}
