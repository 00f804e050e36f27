// Search relevance over a labelled archive (search-archive.ts): each query in
// search-judgments.json runs through the path chat and the CLI use (buildSearchQuery, organisation
// resolution, CommandDeps.search), and is scored against the stories judged relevant to it:
//   precision@10: judged-relevant among the first page's results (up to 10) over that page's size
//                 (1 when nothing is shown and nothing is relevant, 0 when nothing is shown)
//   recall:       judged-relevant found in the first 100 results over all judged relevant
// A result that groups other outlets' copies of a story (hit.also) counts each of them as found.
// `npm run eval:search` prints the table and always exits 0; test/eval/eval-search.test.ts keeps
// the figures from falling.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadConfigOrThrow, type AppConfig } from '../../src/config/load.js';
import { resolveSearchOrganisations } from '../../src/commands/search.js';
import { buildSearchQuery } from '../../src/commands/search-request.js';
import type { SearchHit } from '../../src/domain.js';
import { buildCommandDeps } from '../../src/pipeline/command-deps.js';
import { buildSearchArchive } from './search-archive.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const EVAL_NOW = new Date('2026-01-01T12:00:00Z');
const RECALL_DEPTH = 100;

export interface JudgedQuery {
  query: string;
  why: string;
  relevant: string[];
}

export interface QueryScore {
  query: string;
  relevant: number;
  precisionAt10: number;
  recall: number;
  /** Shown in the first page but judged not relevant. */
  wrong: string[];
  /** Judged relevant but not found in the first RECALL_DEPTH results. */
  missed: string[];
  /** What the answer said besides results (expansions, suggestion), for the report. */
  note: string;
}

export interface SearchEvaluation {
  stories: number;
  queries: QueryScore[];
  precisionAt10: number;
  recall: number;
}

export function loadJudgments(): JudgedQuery[] {
  const raw = JSON.parse(readFileSync(`${ROOT}/test/eval/search-judgments.json`, 'utf8')) as {
    queries: JudgedQuery[];
  };
  return raw.queries;
}

/** Every story id a hit stands for: its own and any grouped copies from other outlets. */
function idsOf(hit: SearchHit): string[] {
  const also = (hit as { also?: { id: string }[] }).also ?? [];
  return [hit.id, ...also.map((a) => a.id)];
}

function describeAnswer(page: object): string {
  const notes: string[] = [];
  const { expanded, suggestions, corrected } = page as {
    expanded?: { word: string; alternatives: string[] }[];
    suggestions?: { word: string; suggestion: string }[];
    corrected?: boolean;
  };
  if (expanded && expanded.length > 0) {
    notes.push(`also searched: ${expanded.flatMap((e) => e.alternatives).join(', ')}`);
  }
  if (suggestions && suggestions.length > 0) {
    const list = suggestions.map((s) => `${s.word} -> ${s.suggestion}`).join(', ');
    notes.push(`${corrected === true ? 'showing results for' : 'did you mean'}: ${list}`);
  }
  return notes.join('; ');
}

export function evaluateSearch(
  config: AppConfig = loadConfigOrThrow(`${ROOT}/config`),
): SearchEvaluation {
  const db = buildSearchArchive(config, EVAL_NOW);
  const deps = buildCommandDeps({ db, config, now: () => EVAL_NOW });
  const stories = (db.prepare('SELECT count(*) AS n FROM stories').get() as { n: number }).n;
  const queries = loadJudgments().map((judged): QueryScore => {
    const run = (limit: number) => {
      const built = buildSearchQuery(judged.query, { limit, offset: 0 }, deps);
      if (!built.ok || built.request.command !== 'search') {
        throw new Error(`eval-search: query "${judged.query}" did not parse`);
      }
      const query = built.request.query;
      const organisations = resolveSearchOrganisations(query.organisations, deps);
      if (!Array.isArray(organisations))
        throw new Error(`eval-search: ${judged.query}: unknown org`);
      return deps.search({ ...query, organisations });
    };
    const relevant = new Set(judged.relevant);
    const first = run(10);
    const shown = first.hits.flatMap(idsOf);
    const deep = new Set(run(RECALL_DEPTH).hits.flatMap(idsOf));
    const good = shown.filter((id) => relevant.has(id)).length;
    return {
      query: judged.query,
      relevant: relevant.size,
      precisionAt10: shown.length === 0 ? (relevant.size === 0 ? 1 : 0) : good / shown.length,
      recall:
        relevant.size === 0 ? 1 : [...relevant].filter((id) => deep.has(id)).length / relevant.size,
      wrong: shown.filter((id) => !relevant.has(id)),
      missed: [...relevant].filter((id) => !deep.has(id)),
      note: describeAnswer(first),
    };
  });
  db.close();
  const mean = (pick: (q: QueryScore) => number) =>
    queries.reduce((sum, q) => sum + pick(q), 0) / queries.length;
  return {
    stories,
    queries,
    precisionAt10: mean((q) => q.precisionAt10),
    recall: mean((q) => q.recall),
  };
}

function formatReport(evaluation: SearchEvaluation): string {
  const pct = (n: number) => `${(n * 100).toFixed(0).padStart(3)}%`;
  const lines = [
    `Search relevance: ${evaluation.queries.length} queries over ${evaluation.stories} stories`,
    '',
    `${'query'.padEnd(40)} rel  P@10  recall`,
  ];
  for (const q of evaluation.queries) {
    lines.push(
      `${q.query.padEnd(40)} ${String(q.relevant).padStart(3)}  ${pct(q.precisionAt10)}  ${pct(q.recall)}`,
    );
    if (q.note !== '') lines.push(`    ${q.note}`);
    if (q.wrong.length > 0) lines.push(`    not relevant on page 1: ${q.wrong.join(' ')}`);
    if (q.missed.length > 0) lines.push(`    missed: ${q.missed.join(' ')}`);
  }
  lines.push(
    '',
    `mean precision@10 ${pct(evaluation.precisionAt10)}   mean recall ${pct(evaluation.recall)}`,
  );
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(formatReport(evaluateSearch()));
}
