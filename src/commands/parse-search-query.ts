// Turns search text as people type it into a SearchQuery (domain.ts). One parser for the CLI,
// Slack's text field and Discord's options (written back as key:"value"), so all three agree.
//
// Syntax: plain words (all required), "exact phrases", -excluded words or -"phrases", prefix*
// words, and filters theme:, source:, org: (quoted values allowed: org:"Dudley Group"; commas
// give several values, any of which may match), since:YYYY-MM-DD (inclusive),
// until:YYYY-MM-DD (exclusive) and week:2017-W07 (sets since: the Monday and until: the Monday
// after). Dates stay calendar dates here; the store reads them as local midnight in the
// configured time zone, so no time zone is needed to parse and BST never shifts a week.
//
// Pure and total: whatever the input (FTS syntax, SQL, 10,000 characters, emoji, RTL text,
// invisible characters), it returns a query and a list of problems; it never throws. Tokens with
// no letter or digit are dropped; the query is capped at MAX_SEARCH_CHARS and MAX_SEARCH_TERMS.
import { formatIsoDate, mondayOf, parseWeek } from '../time/week.js';
import type { SearchQuery } from '../domain.js';
import { applySearchFilter, pushUnique } from './apply-search-filter.js';
import { cleanInput } from './clean-input.js';
import { didYouMean } from '../text/suggest-closest.js';

export const MAX_SEARCH_CHARS = 1000;
export const MAX_SEARCH_TERMS = 32;
export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 100;
const MIN_PREFIX_CHARS = 2;

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
// The lookbehind lets the trailing run start only where a run of punctuation starts; otherwise a
// long run followed by a letter is rescanned from each of its positions (issue 12).
export const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|(?<![^\p{L}\p{N}])[^\p{L}\p{N}]+$/gu;
const WORD_SEPARATORS = /[()[\]{}<>,;:!?"^=+|\\/~`]+/u;

export interface ParseSearchOptions {
  limit?: number;
  offset?: number;
}

export interface ParsedSearch {
  query: SearchQuery;
  problems: string[];
}

interface RawToken {
  key: string | null;
  value: string;
  quoted: boolean;
  negated: boolean;
}

/** Splits on spaces; double quotes group words (an unclosed quote runs to the end). */
function tokenize(text: string): RawToken[] {
  const tokens: RawToken[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === ' ') {
      i++;
      continue;
    }
    let negated = false;
    if (text[i] === '-' && i + 1 < text.length && text[i + 1] !== ' ') {
      negated = true;
      i++;
    }
    let key: string | null = null;
    const keyMatch = /^([A-Za-z][A-Za-z_-]{0,31}):(?!\/\/)/.exec(text.slice(i, i + 40));
    if (keyMatch && !negated) {
      key = keyMatch[1]!.toLowerCase();
      i += keyMatch[0].length;
    }
    if (text[i] === '"') {
      const close = text.indexOf('"', i + 1);
      const end = close === -1 ? text.length : close;
      tokens.push({ key, value: text.slice(i + 1, end).trim(), quoted: true, negated });
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < text.length && text[end] !== ' ') end++;
    tokens.push({ key, value: text.slice(i, end), quoted: false, negated });
    i = end;
  }
  return tokens;
}

/** Words of a phrase, punctuation-only pieces removed; empty when nothing searchable is left. */
function cleanPhrase(value: string): string {
  return value
    .split(' ')
    .map((w) => w.replace(EDGE_PUNCTUATION, ''))
    .filter((w) => HAS_WORD_CHAR.test(w))
    .join(' ');
}

function clampInt(value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}

export function emptySearchQuery(options: ParseSearchOptions = {}): SearchQuery {
  return {
    terms: [],
    phrases: [],
    excluded: [],
    prefixes: [],
    themes: [],
    sources: [],
    organisations: [],
    since: null,
    until: null,
    limit: clampInt(options.limit, 1, MAX_SEARCH_LIMIT, DEFAULT_SEARCH_LIMIT),
    offset: clampInt(options.offset, 0, 1_000_000, 0),
  };
}

export function parseSearchText(text: string, options: ParseSearchOptions = {}): ParsedSearch {
  const query = emptySearchQuery(options);
  const problems: string[] = [];
  let cleaned = cleanInput(typeof text === 'string' ? text : '');
  if (cleaned.length > MAX_SEARCH_CHARS) {
    problems.push(
      `the search is too long (${cleaned.length} characters); keep it under ${MAX_SEARCH_CHARS}`,
    );
    cleaned = cleaned.slice(0, MAX_SEARCH_CHARS);
  }
  let week: string | null = null;
  let tooMany = 0;
  const countWords = () =>
    query.terms.length + query.phrases.length + query.excluded.length + query.prefixes.length;

  for (const token of tokenize(cleaned)) {
    if (token.key !== null) {
      const problem = applySearchFilter(query, token.key, token.value);
      if (problem === 'week') week = token.value;
      else if (problem !== null) problems.push(problem);
      continue;
    }
    if (countWords() >= MAX_SEARCH_TERMS) {
      tooMany++;
      continue;
    }
    if (token.quoted) {
      const phrase = cleanPhrase(token.value);
      if (phrase === '') continue;
      const single = !phrase.includes(' ');
      if (token.negated) pushUnique(query.excluded, phrase);
      else if (single) pushUnique(query.terms, phrase);
      else pushUnique(query.phrases, phrase);
      continue;
    }
    // Brackets, commas and the like separate words: `NEAR(carter,` is the words NEAR and carter.
    const pieces = token.value.split(WORD_SEPARATORS).filter((p) => HAS_WORD_CHAR.test(p));
    if (pieces.length > 1) {
      for (const piece of pieces) addWord(query, { ...token, value: piece }, problems);
      continue;
    }
    addWord(query, token, problems);
  }
  if (tooMany > 0) {
    problems.push(
      `too many words (${countWords() + tooMany}); use at most ${MAX_SEARCH_TERMS} words and phrases`,
    );
  }
  if (week !== null) {
    const parsed = parseWeek(week);
    if (!parsed.ok) problems.push(`week: ${parsed.reason}`);
    else if (query.since !== null || query.until !== null) {
      problems.push('week: cannot be combined with since: or until:');
    } else {
      const monday = mondayOf(parsed.week);
      const nextMonday = new Date(Date.UTC(monday.year, monday.month - 1, monday.day + 7));
      query.since = formatIsoDate(monday);
      query.until = nextMonday.toISOString().slice(0, 10);
    }
  }
  if (query.since !== null && query.until !== null && query.since >= query.until) {
    problems.push(`since:${query.since} is not before until:${query.until} (until: is exclusive)`);
  }
  if (problems.length === 0 && isEmptySearch(query)) {
    problems.push('nothing to search for; type some words or a filter such as theme:carter');
  }
  return { query, problems };
}

function addWord(query: SearchQuery, token: RawToken, problems: string[]): void {
  const isPrefix = token.value.endsWith('*');
  const word = token.value.replace(EDGE_PUNCTUATION, '');
  if (!HAS_WORD_CHAR.test(word)) return;
  if (token.negated) {
    pushUnique(query.excluded, word);
  } else if (isPrefix) {
    if ([...word].length < MIN_PREFIX_CHARS) {
      problems.push(
        `'${word}*' is too short to search by prefix; type at least ${MIN_PREFIX_CHARS} letters before *`,
      );
    } else pushUnique(query.prefixes, word);
  } else if (word !== 'AND') {
    // AND is dropped (words are all required anyway); other FTS operators stay plain words.
    pushUnique(query.terms, word);
  }
}

/** True when a query has neither words nor filters. */
export function isEmptySearch(query: SearchQuery): boolean {
  return (
    query.terms.length +
      query.phrases.length +
      query.excluded.length +
      query.prefixes.length +
      query.themes.length +
      query.sources.length +
      query.organisations.length ===
      0 &&
    query.since === null &&
    query.until === null
  );
}

/**
 * Problems with a parsed query against this deployment: unknown theme or source ids (with a
 * did-you-mean), and limits out of range. Ids compare case-insensitively.
 */
export function validateSearchQuery(
  query: SearchQuery,
  known: { themes: readonly string[]; sources: readonly string[] },
): string[] {
  const problems: string[] = [];
  const check = (kind: 'theme' | 'source', values: readonly string[], ids: readonly string[]) => {
    const lower = new Set(ids.map((id) => id.toLowerCase()));
    for (const value of values) {
      if (lower.has(value.toLowerCase())) continue;
      const list = ids.length <= 12 ? ` Known ${kind}s: ${ids.join(', ')}.` : '';
      const suggestion = didYouMean(value, ids) || '.';
      problems.push(`unknown ${kind} '${value.slice(0, 40)}'${suggestion}${list}`);
    }
  };
  check('theme', query.themes, known.themes);
  check('source', query.sources, known.sources);
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_SEARCH_LIMIT) {
    problems.push(`limit must be between 1 and ${MAX_SEARCH_LIMIT}`);
  }
  if (!Number.isInteger(query.offset) || query.offset < 0) {
    problems.push('offset must be 0 or more');
  }
  return problems;
}
