// A search query restated as a reader could type it again ("league table" theme:carter
// since:2017-01-01), for "Nothing matches ..." and "Search: ..." lines. Pure; the caller escapes.
import type { SearchQuery } from '../domain.js';

export function describeQuery(query: SearchQuery): string {
  const parts = [
    ...query.terms,
    ...query.phrases.map((p) => `"${p}"`),
    ...query.excluded.map((w) => `-${w}`),
    ...query.prefixes.map((w) => `${w}*`),
    ...query.themes.map((t) => `theme:${t}`),
    ...query.sources.map((s) => `source:${s}`),
    ...query.organisations.map((o) => `org:"${o}"`),
    ...(query.since ? [`since:${query.since.slice(0, 10)}`] : []),
    ...(query.until ? [`until:${query.until.slice(0, 10)}`] : []),
  ];
  return parts.length === 0 ? 'everything' : parts.join(' ');
}
