// `briefing search <words...> [filters]`: the archive search from the command line.
// Flags are written back as key:"value" and parsed by the same parser as chat text
// (commands/parse-search-query.ts), so the CLI, Slack and Discord accept exactly the same things.
// A bad query (an unknown theme, source or organisation, a bad date) prints the message chat
// gives, on one line on stderr, and exits 2 (a malformed value: README exit codes). `--json`
// prints an array of {id, title, url, source, publishedAt, snippet, themes, sourceName}.
import { resolveSearchOrganisations } from '../commands/search.js';
import { buildSearchQuery } from '../commands/search-request.js';
import {
  describeExpansions,
  describeSearchCount,
  describeSpelling,
} from '../commands/search-notes.js';
import { searchLookups } from '../pipeline/lookup-deps.js';
import { searchArchive } from '../pipeline/search-archive.js';
import { searchVocabularyOf } from '../pipeline/search-vocabulary-of.js';
import type { SearchHit, SearchPage } from '../domain.js';
import { formatIsoDay } from '../text/format-dates.js';
import { storyRef } from '../text/story-ref.js';
import { UsageError, type CliCommand } from './command.js';
import { errorLine } from './error-line.js';

const DEFAULT_LIMIT = 20;

function quoted(key: string, values: readonly string[]): string {
  return values
    .map((v) => v.replace(/"/g, ' ').trim())
    .filter((v) => v !== '')
    .map((v) => ` ${key}:"${v}"`)
    .join('');
}

function asList(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

function positiveInt(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--${name} must be a whole number from 1`);
  return n;
}

export const command: CliCommand = {
  name: 'search',
  summary: 'Search the archive',
  help: `Usage: briefing search <words...> [options]

Searches stored stories, best matches first (title counts most, recent stories get a boost);
with only filters, lists the newest first. Acronyms also find their long forms and back (ICS:
"integrated care system"), organisations any of their names; stories matching your words as
typed come first. A word the archive lacks gets a "did you mean"; copies of one story from
several outlets are one result ("also: ..."); each result shows its short reference for explain.

Query syntax (also in Slack and Discord):
  nhs procurement        every word must appear (stemmed: "contracts" finds "contract")
  "new care models"      an exact phrase
  -prisons               leave out stories with this word (or -"a phrase")
  integrat*              words starting with "integrat"
  theme:carter           filters; several values with commas (any of them matches):
  source:hsj               theme:, source:, org:"Dudley Group",
  since:2017-02-13         since: (inclusive) and until: (exclusive) dates in the configured
  week:2017-W07            time zone, or a whole ISO week

Options (the same filters as flags; --theme, --source and --org may repeat):
  --theme T  --source S  --org O  --since YYYY-MM-DD  --until YYYY-MM-DD
  --limit N      results per page (default ${DEFAULT_LIMIT}, at most 100)
  --page N       page number, from 1
  --json         print an array of {id, title, url, source, publishedAt, snippet, themes}
`,
  options: {
    theme: { type: 'string', multiple: true },
    source: { type: 'string', multiple: true },
    org: { type: 'string', multiple: true },
    since: { type: 'string' },
    until: { type: 'string' },
    limit: { type: 'string' },
    page: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(ctx, args) {
    const v = args.values;
    const limit = positiveInt('limit', v.limit, DEFAULT_LIMIT);
    if (limit > 100) throw new UsageError('--limit must be at most 100');
    const page = positiveInt('page', v.page, 1);
    const text = [
      args.positionals.join(' '),
      quoted('theme', asList(v.theme)),
      quoted('source', asList(v.source)),
      quoted('org', asList(v.org)),
      quoted('since', asList(v.since)),
      quoted('until', asList(v.until)),
    ]
      .join('')
      .trim();
    if (text === '') {
      throw new UsageError(
        'search needs some words or a filter, e.g. briefing search "model hospital" theme:carter',
      );
    }
    // The chat commands' own path (build the request, then resolve organisations), so a mistake
    // gets the very message Slack and Discord give; only the hint points at this command's help.
    const config = ctx.config();
    const deps = searchLookups(ctx.db(), config);
    const built = buildSearchQuery(
      text,
      { limit, offset: 0 },
      deps,
      'See `briefing search --help` for every filter.',
    );
    if (!built.ok) throw new UsageError(errorLine(built.error));
    if (built.request.command !== 'search') throw new Error('cli/search: expected a search');
    const query = built.request.query;
    const organisations = resolveSearchOrganisations(query.organisations, deps);
    if (!Array.isArray(organisations)) throw new UsageError(errorLine(organisations));
    query.organisations = organisations;

    const timeZone = config.settings.timeZone;
    const names = new Map(config.sources.map((s) => [s.id, s.name]));
    // The chat commands' search (expansion, spelling, one result per story), with source ids as
    // hit.source so --json keeps its contract; names are added below.
    const now = new Date();
    const context = { timeZone, vocabulary: searchVocabularyOf(config) };
    const found = searchPage(page, (offset) =>
      searchArchive(ctx.db(), { ...query, offset }, now, context),
    );
    const result = found.page;

    if (v.json === true) {
      const hits = result.hits.map((hit) => ({
        ...hit,
        sourceName: names.get(hit.source) ?? hit.source,
      }));
      ctx.stdout.write(`${JSON.stringify(hits, null, 2)}\n`);
      return 0;
    }
    for (const note of [describeSpelling(result), describeExpansions(result)]) {
      if (note !== null) ctx.stdout.write(`${note}\n\n`);
    }
    if (result.hits.length === 0) {
      ctx.stdout.write(
        result.total > 0
          ? `No more results: page ${page} is past the end (${describeSearchCount(result)}).\n`
          : 'No stories found. Try fewer words, a prefix such as integrat*, or drop a filter.\n',
      );
      return 0;
    }
    for (const hit of result.hits) ctx.stdout.write(formatHit(hit, names, timeZone));
    const first = found.before + 1;
    const last = first + result.hits.length - 1;
    const more = result.nextOffset === null ? '' : `; next: --page ${page + 1}`;
    ctx.stdout.write(`${describeSearchCount(result)} · showing ${first}-${last}${more}\n`);
    return 0;
  },
};

/**
 * Page `page` of a search, reached as chat's "More results" does: each page starts where the
 * one before ended (copies folded into a result are not shown again), so page N takes N reads.
 * The result count comes from the first page when it read every match, or from the pages
 * walked once the end is reached. Past the end: no hits. `before`: results on earlier pages.
 */
function searchPage(
  page: number,
  read: (offset: number) => SearchPage,
): { page: SearchPage; before: number } {
  let current = read(0);
  const counted = current.resultCount;
  let before = 0;
  let reached = 1;
  for (; reached < page && current.nextOffset !== null; reached++) {
    before += current.hits.length;
    current = read(current.nextOffset);
  }
  const atEnd = current.nextOffset === null;
  const resultCount = counted ?? (atEnd ? before + current.hits.length : undefined);
  const found = resultCount === undefined ? current : { ...current, resultCount };
  if (reached < page) return { page: { ...found, hits: [], nextOffset: null }, before };
  return { page: found, before };
}

function formatHit(hit: SearchHit, names: ReadonlyMap<string, string>, timeZone: string): string {
  const meta = [
    names.get(hit.source) ?? hit.source,
    hit.themes.join(', '),
    storyRef(hit.id),
    hit.url ?? hit.id,
  ]
    .filter((s) => s !== '')
    .join(' · ');
  const lines = [`${formatIsoDay(hit.publishedAt, timeZone)}  ${hit.title}`, `            ${meta}`];
  const also = (hit.also ?? []).map((copy) => names.get(copy.source) ?? copy.source);
  if (also.length > 0) lines.push(`            also: ${also.join(', ')}`);
  if (hit.snippet !== '') lines.push(`            ${hit.snippet}`);
  return `${lines.join('\n')}\n\n`;
}
