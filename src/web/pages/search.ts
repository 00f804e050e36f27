// Routes: `/search?q=...&offset=N` and its JSON mirror `/api/search`. The text is parsed by the
// chat commands' own parser (commands/search-request.ts buildSearchQuery) and run by runSearch,
// so the query language, filters, limits and error messages are chat's. A search longer than
// MAX_SEARCH_CHARS is refused with 400 before any parsing; so is a malformed offset.
import type { FastifyInstance } from 'fastify';
import { MAX_SEARCH_CHARS } from '../../commands/parse-search-query.js';
import { runSearch } from '../../commands/search.js';
import { buildSearchQuery, SEARCH_PAGE_SIZE } from '../../commands/search-request.js';
import type { SearchPage } from '../../domain.js';
import { storyRef } from '../../text/story-ref.js';
import {
  MAX_TRAIL,
  renderSearchPage,
  SEARCH_HELP,
  type SearchOutcome,
} from '../html/search-page.js';
import type { ArchiveDeps } from '../web-deps.js';
import { sendHtml, sendJson } from './replies.js';

const MAX_OFFSET = 10_000;

type SearchQueryString = {
  q?: string | string[];
  offset?: string | string[];
  back?: string | string[];
};

/**
 * The offsets of the pages before this one, from `back` (written by our own "Next page" links).
 * Navigation only: anything that is not an ascending list of offsets below this page's is ignored
 * (the page then offers "First page" instead of "Previous page").
 */
export function parseTrail(backText: string | null, offsetText: string | null): number[] {
  if (backText === null || backText.length > MAX_TRAIL * 7) return [];
  const offset = Number(offsetText ?? '0');
  const parts = backText.split(',');
  if (parts.length > MAX_TRAIL || !parts.every((p) => /^\d{1,6}$/.test(p))) return [];
  const trail = parts.map(Number);
  const ascending = trail.every((n, i) => n < (trail[i + 1] ?? offset));
  return ascending ? trail : [];
}

function one(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

/** The outcome of a search request; `status` 400 for a request that cannot be searched. */
export function runWebSearch(
  archive: ArchiveDeps,
  text: string,
  offsetText: string | null,
): { status: 200 | 400; outcome: SearchOutcome } {
  if (text.trim() === '') return { status: 200, outcome: { kind: 'form' } };
  if (text.length > MAX_SEARCH_CHARS) {
    const message = `The search is too long (${text.length} characters); keep it under ${MAX_SEARCH_CHARS}.`;
    return { status: 400, outcome: { kind: 'error', message, hint: null } };
  }
  const offset = offsetText === null ? 0 : Number(offsetText);
  if (!/^\d{1,6}$/.test(offsetText ?? '0') || offset > MAX_OFFSET) {
    const message = `offset must be a whole number from 0 to ${MAX_OFFSET}.`;
    return { status: 400, outcome: { kind: 'error', message, hint: null } };
  }
  const built = buildSearchQuery(
    text,
    { limit: SEARCH_PAGE_SIZE, offset },
    archive.commands,
    SEARCH_HELP,
  );
  if (!built.ok) return { status: 400, outcome: built.error };
  if (built.request.command !== 'search') throw new Error('web: search request expected');
  const result = runSearch(built.request, archive.commands);
  if (result.kind === 'error') return { status: 400, outcome: result };
  if (result.kind !== 'search') throw new Error(`web: unexpected ${result.kind} answer to search`);
  return { status: 200, outcome: { kind: 'results', page: result.page } };
}

/** The JSON mirror: the page as chat gets it, each hit (and copy) with its short reference. */
function pageJson(page: SearchPage) {
  return {
    ...page,
    hits: page.hits.map((hit) => ({
      ...hit,
      ref: storyRef(hit.id),
      ...(hit.also ? { also: hit.also.map((c) => ({ ...c, ref: storyRef(c.id) })) } : {}),
    })),
  };
}

export function registerSearchPages(app: FastifyInstance, archive: ArchiveDeps): void {
  app.get<{ Querystring: SearchQueryString }>('/search', async (request, reply) => {
    const text = one(request.query.q) ?? '';
    const offsetText = one(request.query.offset);
    const { status, outcome } = runWebSearch(archive, text, offsetText);
    const trail = parseTrail(one(request.query.back), offsetText);
    return sendHtml(reply, renderSearchPage(text, outcome, archive.timeZone, trail), status);
  });
  app.get<{ Querystring: SearchQueryString }>('/api/search', async (request, reply) => {
    const text = one(request.query.q) ?? '';
    const { status, outcome } = runWebSearch(archive, text, one(request.query.offset));
    if (outcome.kind === 'results') return sendJson(reply, pageJson(outcome.page));
    if (outcome.kind === 'error') {
      return sendJson(reply, { error: outcome.message, hint: outcome.hint }, status);
    }
    return sendJson(
      reply,
      { error: 'q is empty: give some words or a filter', hint: SEARCH_HELP },
      400,
    );
  });
}
