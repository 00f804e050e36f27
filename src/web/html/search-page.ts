// The search page: a GET form (labelled, prefilled) and one page of results as chat shows them
// (commands/search.ts over the same archive search): one result per story cluster with the other
// outlets as "also", the short story reference linking to the story page, the query's words
// marked with <mark> (text/highlight-words.ts, each span escaped first), and the notes chat adds:
// words also searched, and a spelling suggestion.
import { describeQuery } from '../../commands/describe-query.js';
import { describeExpansions, describeSpelling } from '../../commands/search-notes.js';
import type { SearchHit, SearchPage } from '../../domain.js';
import { cleanText } from '../../text/clean-text.js';
import { escapeHtml, escapeHtmlChars, linkHtml } from '../../text/escape-html.js';
import { formatDay } from '../../text/format-dates.js';
import {
  renderHighlights,
  searchPageNeedles,
  type HighlightNeedles,
} from '../../text/highlight-words.js';
import { storyRef } from '../../text/story-ref.js';
import { renderPage } from './layout.js';
import { storyPath } from './week-pages.js';

export const SEARCH_HELP =
  'Words are all required; "quoted phrases", -excluded, prefix* and these filters work as in chat: theme:carter, source:hsj, org:"NHS England", since:2020-01-01, until:2021-01-01, week:2017-W07.';

function renderForm(text: string): string {
  return [
    '<form class="search-form" method="get" action="/search" role="search">',
    '<label for="q">Words and filters</label>',
    `<input type="search" id="q" name="q" value="${escapeHtml(text)}" maxlength="1000" aria-describedby="search-help">`,
    '<button type="submit">Search</button>',
    '</form>',
    `<p id="search-help" class="muted">${escapeHtml(SEARCH_HELP)}</p>`,
  ].join('\n');
}

/** The text cleaned once as a whole, then each span escaped, the matching words in <mark>. */
function mark(text: string, needles: HighlightNeedles): string {
  const mark = (escaped: string) => `<mark>${escaped}</mark>`;
  return renderHighlights(cleanText(text), needles, escapeHtmlChars, mark);
}

function renderHit(hit: SearchHit, needles: HighlightNeedles, timeZone: string): string {
  const ref = storyRef(hit.id);
  const meta = [
    escapeHtml(hit.source),
    escapeHtml(formatDay(hit.publishedAt, timeZone, true)),
    hit.themes.length > 0 ? escapeHtml(hit.themes.join(', ')) : '',
    `<a class="ref" href="${escapeHtml(storyPath(hit.id))}">${escapeHtml(ref)}</a>`,
  ].filter((p) => p !== '');
  const also = (hit.also ?? []).map((c) => linkHtml(c.source, c.url, '', ' class="host"'));
  const title = linkHtml(hit.title || 'Untitled', hit.url, '', ' class="host"');
  return [
    '<li>',
    `<h2 class="hit-title">${title}</h2>`,
    `<p class="muted">${meta.join(' · ')}</p>`,
    also.length > 0 ? `<p class="muted">also: ${also.join(', ')}</p>` : '',
    hit.snippet.trim() !== '' ? `<p>${mark(hit.snippet, needles)}</p>` : '',
    '</li>',
  ].join('');
}

/** How many earlier pages a link remembers (so a URL stays short). */
export const MAX_TRAIL = 50;

function pageHref(text: string, offset: number, trail: readonly number[]): string {
  const params = new URLSearchParams({ q: text });
  if (offset > 0) params.set('offset', String(offset));
  if (trail.length > 0) params.set('back', trail.join(','));
  return `/search?${params.toString()}`;
}

/**
 * Pages hold one result per cluster, so offsets are not a fixed stride: each page's link carries
 * the offsets of the pages before it (`back`), and "Previous page" pops the last of them. Without
 * a trail (a hand-made link) only the first page can be reached backwards.
 */
function renderPager(text: string, page: SearchPage, trail: readonly number[]): string[] {
  const { offset } = page.query;
  const previous = trail.at(-1);
  const links: string[] = [];
  if (offset > 0 && previous === undefined) {
    links.push(`<a href="${escapeHtml(pageHref(text, 0, []))}">First page</a>`);
  }
  if (offset > 0 && previous !== undefined) {
    if (previous > 0) links.push(`<a href="${escapeHtml(pageHref(text, 0, []))}">First page</a>`);
    const href = pageHref(text, previous, trail.slice(0, -1));
    links.push(`<a href="${escapeHtml(href)}" rel="prev">Previous page</a>`);
  }
  if (page.nextOffset !== null) {
    const back = [...trail, offset].slice(-MAX_TRAIL);
    const href = pageHref(text, page.nextOffset, back);
    links.push(`<a href="${escapeHtml(href)}" rel="next">Next page</a>`);
  }
  return links;
}

function renderResults(
  text: string,
  page: SearchPage,
  timeZone: string,
  trail: readonly number[],
): string {
  const { query, hits, total } = page;
  const notes = [describeSpelling(page), describeExpansions(page)]
    .filter((n) => n !== null)
    .map((n) => `<p class="note">${escapeHtml(n)}</p>`);
  if (total === 0 || hits.length === 0) {
    return [
      ...notes,
      `<p>Nothing in the archive matches ${escapeHtml(describeQuery(query))}. Try fewer words, another theme, or a wider date range.</p>`,
    ].join('\n');
  }
  const first = query.offset + 1;
  const count = `${total}${page.totalIsLowerBound ? '+' : ''} ${total === 1 ? 'story' : 'stories'}`;
  const needles = searchPageNeedles(page);
  const pager = renderPager(text, page, trail);
  return [
    `<p>${count} · showing from ${first} · ${escapeHtml(describeQuery(query))}</p>`,
    ...notes,
    `<ol class="hits">${hits.map((h) => renderHit(h, needles, timeZone)).join('')}</ol>`,
    pager.length > 0 ? `<nav class="pager" aria-label="Result pages">${pager.join('')}</nav>` : '',
  ].join('\n');
}

export type SearchOutcome =
  | { kind: 'form' }
  | { kind: 'error'; message: string; hint: string | null }
  | { kind: 'results'; page: SearchPage };

export function renderSearchPage(
  text: string,
  outcome: SearchOutcome,
  timeZone: string,
  trail: readonly number[] = [],
): string {
  const parts = ['<h1>Search the archive</h1>', renderForm(text)];
  if (outcome.kind === 'error') {
    parts.push(
      `<div class="error" role="alert"><p>${escapeHtml(outcome.message)}</p>${
        outcome.hint ? `<p>${escapeHtml(outcome.hint)}</p>` : ''
      }</div>`,
    );
  } else if (outcome.kind === 'results') {
    parts.push(
      `<section aria-label="Results">${renderResults(text, outcome.page, timeZone, trail)}</section>`,
    );
  }
  const title = outcome.kind === 'form' ? 'Search' : `Search: ${text.slice(0, 80)}`;
  return renderPage({ title, body: parts.join('\n'), current: 'search' });
}
