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
 * span's rowids (CAST to INTEGER: see findEarlierByHeadline). Which of the organisations a hit
 * names is read from the same tokens in its row's `facets` column (`@orgs` is a JSON object of
 * organisation id -> facet token), not from its entities JSON (the story_entities view): the
 * view decoded every hit's entities, about half of this query's cost at 1M stories (issue 18),
 * and `facets` comes before the long text columns, so no overflow page is read. Each story
 * gives one row per organisation it names; ties within a story go by organisation id. The hits
 * are sorted and cut to `limit` on their date, seq and organisation alone (`kept`); only the
 * kept rows' title, summary and URL are read, so the sorter does not carry every hit's text.
 */
export const EARLIER_BY_ORGANISATION_SQL = `WITH hits AS MATERIALIZED (
       SELECT rowid AS seq FROM stories_fts
       WHERE stories_fts MATCH @match
         AND rowid >= CAST(@first AS INTEGER) AND rowid <= CAST(@last AS INTEGER))
     , kept AS MATERIALIZED (
       SELECT s.seq, s.published_at, o.key AS entity_id
       FROM hits h JOIN stories s ON s.seq = h.seq
       JOIN json_each(@orgs) o ON instr(' ' || s.facets || ' ', ' ' || o.value || ' ') > 0
       WHERE s.published_at >= @since AND s.published_at < @before
       ORDER BY s.published_at DESC, s.seq DESC, o.key LIMIT @limit)
     SELECT s.id, s.title, s.summary, s.url, k.published_at, k.entity_id
     FROM kept k JOIN stories s ON s.seq = k.seq
     ORDER BY k.published_at DESC, k.seq DESC, k.entity_id`;

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
  const orgs = [...new Set(organisationIds)].sort();
  const anyOf = (kind: 'org' | 'theme', ids: readonly string[]) =>
    `facets : (${ids.map((id) => quoteFtsString(facetToken(kind, id))).join(' OR ')})`;
  return prepareCached<[Record<string, string | number>], EarlierRow>(
    db,
    EARLIER_BY_ORGANISATION_SQL,
  )
    .all({
      match: `${anyOf('org', orgs)} AND ${anyOf('theme', [...new Set(themes)])}`,
      orgs: JSON.stringify(Object.fromEntries(orgs.map((id) => [id, facetToken('org', id)]))),
      first: span.first,
      last: span.last,
      since: window.since,
      before: window.before,
      limit: window.limit,
    })
    .map(toEarlier);
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
