// Earlier stories a digest entry may continue (src/pipeline/find-continuity.ts): stories in a
// window before the digest's week that name the same organisation under the same theme, or whose
// headline shares words with the entry's. Read-only, and cheap by construction: every query
// starts from the FTS5 index (facet tokens or headline words) bounded on both sides by the seq
// span of the window's stories (seqSpanOf), and is LIMITed, so its cost follows the window, not
// the archive: a week in the middle of a 1M-story archive costs what the latest week costs.
import type { Db } from './database.js';
import { facetToken } from './fts-index.js';
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

/** The lowest and highest seq of the stories published in a window: bounds for the queries. */
export interface SeqSpan {
  first: number;
  last: number;
}

/**
 * findEarlierByOrganisation's statement (exported for the plan test in test/store/earlier-stories.test.ts).
 * The stories come from the full-text index: each organisation and theme is a facet token
 * (fts-index.ts), so FTS5 intersects "one of the organisations AND one of the themes" within the
 * span's rowids (CAST to INTEGER: see findEarlierByHeadline). Each hit's date and `facets` are
 * read (`facets` comes before the long text columns, so no overflow page is read), and which of
 * the organisations a hit names is told from the same tokens in `facets`, not from its entities
 * JSON (the story_entities view decoded every hit's entities, about half of this query's cost at
 * 1M stories, issue 18). The hits are then sorted and cut to `limit` in JavaScript
 * (findEarlierByOrganisation): sorting them in SQL, joined to each organisation through
 * json_each and instr, cost about 1.4x as much on a 100k-archive week.
 */
export const EARLIER_BY_ORGANISATION_SQL = `WITH hits AS MATERIALIZED (
       SELECT rowid AS seq FROM stories_fts
       WHERE stories_fts MATCH @match
         AND rowid >= CAST(@first AS INTEGER) AND rowid <= CAST(@last AS INTEGER))
     SELECT s.seq, s.published_at, s.facets FROM hits h JOIN stories s ON s.seq = h.seq
     WHERE s.published_at >= @since AND s.published_at < @before`;

/** The kept organisation matches' text, by seq (any order: the caller orders them). */
const TEXT_BY_SEQ_SQL = `SELECT seq, id, title, summary, url FROM stories
     WHERE seq IN (SELECT value FROM json_each(?))`;

type HitRow = [seq: number, published_at: string, facets: string];
type TextRow = [seq: number, id: string, title: string, summary: string, url: string | null];

/**
 * The rowids (story seqs) in [first, last] whose headline matches, oldest first: FTS5 seeks
 * forwards to a rowid bound cheaply, while `ORDER BY rowid DESC` measured about twice as costly
 * on the 1M benchmark archive (it sets up a backwards walk of every segment's doclist).
 * Exported for the test of its integer rowid bounds.
 */
export const HEADLINE_ROWIDS_SQL = `SELECT rowid FROM stories_fts
     WHERE stories_fts MATCH @match
       AND rowid >= CAST(@first AS INTEGER) AND rowid <= CAST(@last AS INTEGER)
     ORDER BY rowid`;

/** Of the given seqs, the stories published in [since, before), highest seq first. */
const STORIES_IN_WINDOW_SQL = `SELECT id, title, summary, url, published_at, NULL AS entity_id
     FROM stories WHERE seq IN (SELECT value FROM json_each(@seqs))
       AND published_at >= @since AND published_at < @before
     ORDER BY seq DESC`;

/** The newest share of the span read first: usually it alone holds the `limit` newest matches. */
const FIRST_SHARE = 16;

/**
 * Stories in [since, before) naming one of `organisationIds` and tagged with one of `themes`.
 * `span` (seqSpanOf) bounds the facet doclists on both sides, so an organisation named in
 * thousands of stories costs only its mentions in the window; the theme is checked inside FTS5
 * before any story row is read.
 */
export function findEarlierByOrganisation(
  db: Db,
  organisationIds: readonly string[],
  themes: readonly string[],
  span: SeqSpan,
  window: EarlierWindow,
): EarlierStory[] {
  if (organisationIds.length === 0 || themes.length === 0) return [];
  const orgs = [...new Set(organisationIds)].sort(byteOrder);
  const anyOf = (kind: 'org' | 'theme', ids: readonly string[]) =>
    `facets : (${ids.map((id) => quoteFtsString(facetToken(kind, id))).join(' OR ')})`;
  const hits = prepareCached<[Record<string, string | number>], HitRow>(
    db,
    EARLIER_BY_ORGANISATION_SQL,
  )
    .raw(true)
    .all({
      match: `${anyOf('org', orgs)} AND ${anyOf('theme', [...new Set(themes)])}`,
      first: span.first,
      last: span.last,
      since: window.since,
      before: window.before,
    });
  // One match per organisation a hit names (its token in `facets`, space-delimited), newest
  // first: by date, then seq, then organisation id (`orgs` is in that order already).
  const padded = orgs.map((id) => ` ${facetToken('org', id)} `);
  const kept: { seq: number; publishedAt: string; organisationId: string }[] = [];
  for (const [seq, publishedAt, facets] of hits) {
    const own = ` ${facets} `;
    for (let k = 0; k < orgs.length; k++) {
      if (own.includes(padded[k]!)) kept.push({ seq, publishedAt, organisationId: orgs[k]! });
    }
  }
  kept.sort((a, b) =>
    a.publishedAt !== b.publishedAt
      ? a.publishedAt < b.publishedAt
        ? 1
        : -1
      : b.seq - a.seq || byteOrder(a.organisationId, b.organisationId),
  );
  if (kept.length > window.limit) kept.length = window.limit;
  if (kept.length === 0) return [];
  const texts = prepareCached<[string], TextRow>(db, TEXT_BY_SEQ_SQL)
    .raw(true)
    .all(JSON.stringify(kept.map((k) => k.seq)));
  const textOf = new Map(texts.map((row) => [row[0], row]));
  return kept.map((k) => {
    const [, id, title, summary, url] = textOf.get(k.seq)!;
    return {
      id,
      title,
      summary,
      url,
      publishedAt: k.publishedAt,
      organisationId: k.organisationId,
    };
  });
}

/**
 * SQLite's BINARY order of two strings (their UTF-8 bytes), as ORDER BY compared the
 * organisation ids: the same as JavaScript's `<` for the ASCII ids organisations have, and
 * still the same when an id holds characters beyond the Basic Multilingual Plane.
 */
function byteOrder(a: string, b: string): number {
  if (a === b) return 0;
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(a + b)) return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return a < b ? -1 : 1;
}

/**
 * The seq span of the stories published in [since, before), or null when there are none. Read
 * from the covering stories_published_at index over the window alone (min(seq) over "published
 * at or after" would walk every later story: half the archive for a week in its middle). Exact:
 * every story of the window lies in the span, however out of order stories were stored.
 */
export function seqSpanOf(db: Db, since: string, before: string): SeqSpan | null {
  const row = prepareCached<[string, string], { first: number | null; last: number | null }>(
    db,
    `SELECT min(seq) AS first, max(seq) AS last FROM stories INDEXED BY stories_published_at
     WHERE published_at >= ? AND published_at < ?`,
  ).get(since, before);
  if (row?.first == null || row.last == null) return null;
  return { first: row.first, last: row.last };
}

/**
 * Stories in [since, before) whose headline holds the first of `words` and at least one of the
 * others, newest first. The first word should be the rarest (headlineSearchWords puts the longest
 * first): FTS5 then walks its short doclist, which measured 2-3 times cheaper than ORing every
 * pair of words. Words are quoted FTS5 strings, so none is ever read as an operator. `span`
 * bounds the rowids on both sides (FTS5 seeks on rowid bounds). The bounds are CAST to INTEGER:
 * better-sqlite3 binds a JavaScript number as REAL, and FTS5 ignores a rowid bound that is not
 * an INTEGER value (fts5GetRowidLimit in SQLite's fts5_main.c), so the bound was checked row by
 * row after FTS5 had walked the words' whole doclists: 10-20 ms a query at 1M stories, growing
 * with the archive (issue 18).
 */
export function findEarlierByHeadline(
  db: Db,
  words: readonly string[],
  span: SeqSpan,
  window: EarlierWindow,
): EarlierStory[] {
  const [anchor, ...others] = words;
  if (anchor === undefined || others.length === 0) return [];
  const match = `title : (${quoteFtsString(anchor)} AND (${others.map(quoteFtsString).join(' OR ')}))`;
  const rowids = prepareCached<[Record<string, string | number>], number>(db, HEADLINE_ROWIDS_SQL);
  const rows = prepareCached<[Record<string, string>], EarlierRow>(db, STORIES_IN_WINDOW_SQL);
  // What `ORDER BY rowid DESC LIMIT n` over the whole span gave, read in two forward steps: the
  // newest share of the span, then (only when it held too few) the rest. Within a step the
  // matches are checked against the window's dates newest first, as few at a time as needed.
  const found: EarlierStory[] = [];
  let last = span.last;
  let width = Math.ceil((span.last - span.first + 1) / FIRST_SHARE);
  while (last >= span.first && found.length < window.limit) {
    const first = Math.max(span.first, last - width + 1);
    const seqs = rowids.pluck().all({ match, first, last });
    for (let end = seqs.length; end > 0 && found.length < window.limit;) {
      const start = Math.max(0, end - (window.limit - found.length));
      const some = JSON.stringify(seqs.slice(start, end));
      const inWindow = rows.all({ seqs: some, since: window.since, before: window.before });
      found.push(...inWindow.map(toEarlier));
      end = start;
    }
    last = first - 1;
    width = last - span.first + 1;
  }
  return found;
}
