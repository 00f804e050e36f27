// The one character every match of a theme regex starts with, when the pattern says so plainly
// ("£\d", "\$\d"): a field without that character cannot match, and `indexOf` says so far faster
// than running the regex (issue 18: the ungated regexes ran on every field of every story).
// Deliberately narrow, so it is exact: the pattern's first token is a literal character that has
// no case (not a letter, so the `i` flag cannot widen it), not made optional by a quantifier, and
// the pattern has no top-level alternation. Anything else gets null and always runs. A tiny
// tokenizer rather than a regex parser: refa/regexpp would be loaded at every start, which the
// validated-config cache avoids (src/text/regex-safety.ts, issue 17). Pure.

/** Characters `\X` makes literal in both unicode and non-unicode patterns. */
const SYNTAX = '^$\\.*+?()[]{}|/';
/** ASCII letters and digits, and anything else a case-insensitive pattern could fold. */
const CASED_OR_WORD = /[\p{L}\p{N}\p{M}]/u;

/** The top-level branches of `source` (split at `|` outside groups and classes). */
export function branchesOf(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

/** Whether the pattern has a `|` outside any group or character class. */
function hasTopLevelAlternation(source: string): boolean {
  return branchesOf(source).length > 1;
}

/** The character every non-empty match of `source` starts with, or null when not plain. */
export function firstLiteralChar(source: string): string | null {
  let first: string;
  let next: number;
  if (source.startsWith('\\')) {
    first = source.charAt(1);
    if (!SYNTAX.includes(first) || first === '') return null;
    next = 2;
  } else {
    first = source.charAt(0);
    if (first === '' || SYNTAX.includes(first)) return null;
    next = 1;
  }
  const code = first.charCodeAt(0);
  // A surrogate half is half a character; a cased or word character may fold under `i`.
  if (code >= 0xd800 && code <= 0xdfff) return null;
  if (CASED_OR_WORD.test(first) || first.toLowerCase() !== first || first.toUpperCase() !== first)
    return null;
  // "£?", "£*", "£{0,2}" may match without it.
  const after = source.charAt(next);
  if (after !== '' && '?*{'.includes(after)) return null;
  return hasTopLevelAlternation(source) ? null : first;
}
