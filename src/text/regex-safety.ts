// Whether an operator-supplied regular expression (themes.yaml) can take super-linear time. Theme
// patterns run on untrusted story text, so one that backtracks badly lets a crafted story stall
// the event loop for minutes (issue 12); such patterns are refused at load time. The analysis is
// scslre's, the engine behind eslint-plugin-regexp's no-super-linear-backtracking and
// no-super-linear-move rules, which guard the patterns written in our own code. Its limit: it
// reasons about runs of one repeated character, so ambiguity that needs a repeated word (as in
// `a.*list.*b` on "list list list ...") is not seen; themes.yaml's header asks for bounded gaps.
import { createRequire } from 'node:module';
import type * as Refa from 'refa';
import type * as Scslre from 'scslre';
import type { Report } from 'scslre';

// Both are CommonJS packages, required on the first check rather than imported: a CLI command
// that never compiles themes (search, sources, a cached configuration) starts without their
// ~30 ms of module loading (issue 17).
const requireCjs = createRequire(import.meta.url);
let analysers: { refa: typeof Refa; scslre: typeof Scslre } | undefined;
function loadAnalysers(): { refa: typeof Refa; scslre: typeof Scslre } {
  analysers ??= {
    refa: requireCjs('refa') as typeof Refa,
    scslre: requireCjs('scslre') as typeof Scslre,
  };
  return analysers;
}

type Parser = ReturnType<typeof Refa.JS.Parser.fromLiteral>;
type Alternative = Parameters<Parser['parseElement']>[0];
/** The parts of a regexpp AST node the walk below reads. */
interface AstNode {
  type: string;
  raw: string;
  max?: number;
  element?: AstNode;
  alternatives?: AstNode[];
  elements?: AstNode[];
}

function advice(report: Report): string {
  const run = `a long run of ${JSON.stringify(report.character.pick)}`;
  if (report.type === 'Move') {
    return (
      `takes quadratic time on ${run} that does not match, because a match can start at every ` +
      'character of the run; start the pattern with \\b, a literal character or a lookbehind'
    );
  }
  const growth = report.exponential ? 'exponential' : 'polynomial';
  return (
    `can backtrack in ${growth} time on ${run}, because two quantifiers can match the same ` +
    'characters (as in (a+)+ or \\s*\\s+); rewrite it so each character can be matched one way only'
  );
}

function toNfa(parser: Parser, alternative: AstNode): Refa.NFA | null {
  try {
    const opts = { backreferences: 'disable', assertions: 'disable' } as const;
    const { expression, maxCharacter } = parser.parseElement(
      alternative as unknown as Alternative,
      opts,
    );
    return loadAnalysers().refa.NFA.fromRegex(
      expression,
      { maxCharacter },
      { assertions: 'disable', unknowns: 'disable' },
    );
  } catch {
    return null;
  }
}

/**
 * Two alternatives of a group under an unbounded quantifier that can match the same text, as in
 * `(?:a|a)+` or `(\w|\d)*`: exponential backtracking that scslre (which compares quantifiers,
 * not alternatives) does not report. Same idea as eslint-plugin-regexp's no-dupe-disjunctions.
 */
function findOverlappingAlternatives(parser: Parser): [string, string] | null {
  const visit = (n: AstNode, repeated: boolean): [string, string] | null => {
    if (n.type === 'Quantifier' && n.element)
      return visit(n.element, repeated || n.max === Infinity);
    const alternatives = n.alternatives ?? [];
    if (repeated && n.type !== 'Assertion' && alternatives.length > 1) {
      const nfas = alternatives.map((a) => toNfa(parser, a));
      for (let i = 1; i < nfas.length; i++) {
        for (let j = 0; j < i; j++) {
          const [a, b] = [nfas[j], nfas[i]];
          if (a && b && !loadAnalysers().refa.isDisjointWith(a, b))
            return [alternatives[j]!.raw, alternatives[i]!.raw];
        }
      }
    }
    for (const child of [...alternatives, ...(n.elements ?? [])]) {
      const found = visit(child, repeated);
      if (found) return found;
    }
    return null;
  };
  return visit(parser.ast.pattern as unknown as AstNode, false);
}

/**
 * Why `source` with `flags` can take super-linear time on some input, or null when it cannot (or
 * does not compile: compiling is checked, and reported, separately).
 */
export function describeBacktrackingRisk(source: string, flags: string): string | null {
  if (knownSafe.has(safeKey(source, flags))) return null;
  const risk = analyseRisk(source, flags);
  if (risk === null) knownSafe.add(safeKey(source, flags));
  return risk;
}

/**
 * Patterns already found safe in this process: themes.yaml's validation and the tagger's compile
 * check the same patterns, and a cached configuration (config/config-cache.ts) holds only
 * patterns this same code found safe. Remembering them means a restarted bot never loads the
 * analysers (refa alone is 2 MB of resident source; issue 17, idle memory).
 */
const knownSafe = new Set<string>();

function safeKey(source: string, flags: string): string {
  return `${flags}/${source}`;
}

/** Records patterns as checked and safe (config-cache.ts, for a cached validated configuration). */
export function recordSafePatterns(patterns: Iterable<{ pattern: string; flags: string }>): void {
  for (const { pattern, flags } of patterns) knownSafe.add(safeKey(pattern, flags));
}

function analyseRisk(source: string, flags: string): string | null {
  let reports: Report[];
  let overlap: [string, string] | null;
  try {
    const { refa, scslre } = loadAnalysers();
    reports = scslre.analyse({ source, flags }).reports;
    overlap = findOverlappingAlternatives(refa.JS.Parser.fromLiteral({ source, flags }));
  } catch {
    return null;
  }
  if (overlap) {
    return (
      `can backtrack in exponential time: the alternatives ${JSON.stringify(overlap[0])} and ` +
      `${JSON.stringify(overlap[1])} of a repeated group can match the same text; make them exclusive`
    );
  }
  // Name the worst cause: exponential, then polynomial backtracking, then a quadratic move.
  const rank = (r: Report) => (r.exponential ? 0 : r.type === 'Move' ? 2 : 1);
  const worst = [...reports].sort((a, b) => rank(a) - rank(b))[0];
  return worst ? advice(worst) : null;
}
