// The filters of a search (theme:, source:, org:, since:, until:, week:) applied to a SearchQuery
// as parse-search-query.ts reads them. Pure; problems are returned as text for the person typing.
import type { SearchQuery } from '../domain.js';
import { didYouMean } from '../text/suggest-closest.js';

const MAX_VALUE_CHARS = 120;
const FILTER_KEYS = ['theme', 'source', 'org', 'since', 'until', 'week'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
const FILTER_HELP = 'use theme:, source:, org:, since:, until: or week:';
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Adds `value` unless the list already holds it (compared case-insensitively). */
export function pushUnique(list: string[], value: string): void {
  if (!list.some((v) => v.toLowerCase() === value.toLowerCase())) list.push(value);
}

/** A calendar date YYYY-MM-DD that exists (no 30 February), from 1970. */
export function isRealDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1970 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/** Applies key:value to the query; returns a problem, 'week' (resolved later) or null. */
export function applySearchFilter(
  query: SearchQuery,
  key: string,
  rawValue: string,
): string | null {
  if (!(FILTER_KEYS as readonly string[]).includes(key)) {
    return `unknown filter '${key.slice(0, 32)}:'${didYouMean(key, FILTER_KEYS)}; ${FILTER_HELP}`;
  }
  const filter = key as FilterKey;
  const value = rawValue.trim().slice(0, MAX_VALUE_CHARS);
  if (value === '') return `${filter}: needs a value, e.g. ${example(filter)}`;
  switch (filter) {
    case 'theme':
    case 'source':
    case 'org': {
      const list =
        filter === 'theme'
          ? query.themes
          : filter === 'source'
            ? query.sources
            : query.organisations;
      for (const part of value.split(',')) {
        const item = part.trim();
        if (item !== '' && HAS_WORD_CHAR.test(item)) pushUnique(list, item);
      }
      return null;
    }
    case 'since':
    case 'until':
      if (!isRealDate(value)) {
        return notADate(filter, value, example(filter).slice(filter.length + 1));
      }
      query[filter] = value;
      return null;
    case 'week':
      return 'week';
  }
}

function example(filter: FilterKey): string {
  const examples: Record<FilterKey, string> = {
    theme: 'theme:carter',
    source: 'source:nhs-england',
    org: 'org:"Dudley Group"',
    since: 'since:2017-02-13',
    until: 'until:2017-02-20',
    week: 'week:2017-W07',
  };
  return examples[filter];
}

/** "since: expects a date such as 2017-02-13, not '2017-13-01'": one wording for a bad date. */
export function notADate(name: string, value: string, example = '2017-02-13'): string {
  return `${name}: expects a date such as ${example}, not '${value.slice(0, 40)}'`;
}
