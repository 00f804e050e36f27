// Search results as an ephemeral Block Kit reply, with a "More results" button whose value carries
// the parsed query and the next offset (Slack caps a button value at 2000 characters; when the
// query is too long to fit, the button is left out and the user is asked to narrow the search).
// The value comes back to us in block_actions; decodeMoreResultsValue validates it like any input.
import { z } from 'zod';
import type { SearchHit, SearchPage, SearchQuery } from '../../domain.js';
import { SLACK_LIMITS, type SlackBlock, type SlackResponse } from './block-kit.js';
import { formatDay } from '../../text/format-dates.js';
import { fitMrkdwn, formatCode, formatHighlighted, formatLink } from './mrkdwn.js';
import {
  describeExpansions,
  describeSearchCount,
  describeSpelling,
} from '../../commands/search-notes.js';
import { searchPageNeedles, type HighlightNeedles } from '../../text/highlight-words.js';
import { storyRef } from '../../text/story-ref.js';
import { correctMenu, type MenuTheme } from './render-corrections.js';

export const MORE_RESULTS_ACTION_ID = 'briefing_search_more';

/** Hits per reply never exceed this, whatever the query's limit, so the 50-block cap holds. */
const MAX_HITS_SHOWN = 20;

export interface SearchRenderOptions {
  timeZone: string;
  /** The configured themes: when given, each hit carries a "Correct themes" menu. */
  themes?: readonly MenuTheme[];
}

export function renderSearchPage(page: SearchPage, options: SearchRenderOptions): SlackResponse {
  const described = describeQuery(page.query);
  const hits = page.hits.slice(0, MAX_HITS_SHOWN);
  const blocks: SlackBlock[] = [];
  const notes = [describeSpelling(page), describeExpansions(page)].filter((n) => n !== null);
  const needles = searchPageNeedles(page);
  if (hits.length === 0) {
    const text =
      page.query.offset > 0
        ? `No more results for ${formatCode(described)}.`
        : `No stories found for ${formatCode(described)}. Try fewer words, a prefix like \`integrat*\`, or drop a filter.`;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text } });
    pushNotes(blocks, notes);
  } else {
    const first = page.query.offset + 1;
    const last = page.query.offset + hits.length;
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*Search* ${formatCode(described)}: ${describeSearchCount(page)} · showing ${first}–${last}`,
      },
    });
    pushNotes(blocks, notes);
    for (const hit of hits) {
      const menu = options.themes ? correctMenu(hit.id, hit.themes, options.themes) : null;
      blocks.push({
        type: 'section',
        text: { type: 'mrkdwn', text: renderHit(hit, options.timeZone, needles) },
        ...(menu ? { accessory: menu } : {}),
      });
    }
  }
  const nextOffset =
    page.hits.length > hits.length ? page.query.offset + hits.length : page.nextOffset;
  if (nextOffset !== null && hits.length > 0) {
    const value = encodeMoreResultsValue({ ...page.query, offset: nextOffset });
    if (value !== null) {
      blocks.push({
        type: 'actions',
        elements: [
          {
            type: 'button',
            text: { type: 'plain_text', text: 'More results' },
            action_id: MORE_RESULTS_ACTION_ID,
            value,
          },
        ],
      });
    } else {
      blocks.push({
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: 'More results exist: narrow the search to page through them.' },
        ],
      });
    }
  }
  const text =
    hits.length === 0
      ? `No stories found for ${described}`
      : `${describeSearchCount(page)} for ${described}`;
  return {
    response_type: 'ephemeral',
    text: fitMrkdwn(text, 500),
    blocks,
    unfurl_links: false,
    unfurl_media: false,
  };
}

/** Spelling and expansion notes as one context block (plain text, escaped). */
function pushNotes(blocks: SlackBlock[], notes: string[]): void {
  if (notes.length === 0) return;
  blocks.push({
    type: 'context',
    elements: notes.map((note) => ({ type: 'mrkdwn', text: fitMrkdwn(note, 500) })),
  });
}

/**
 * Headline, then source · date · themes · the story's short reference (for `explain` and
 * corrections), other outlets' copies ("also: HSJ, Pulse"), and the snippet with the query's
 * words in bold.
 */
function renderHit(hit: SearchHit, timeZone: string, needles: HighlightNeedles): string {
  const meta = [hit.source, formatDay(hit.publishedAt, timeZone, true), hit.themes.join(', ')]
    .filter((s) => s !== '')
    .join(' · ');
  const lines = [
    `*${formatLink(hit.url, hit.title, 300)}*`,
    `${fitMrkdwn(meta, 300)} · ${formatCode(storyRef(hit.id), 40)}`,
  ];
  const also = (hit.also ?? []).slice(0, 5);
  if (also.length > 0) {
    lines.push(`also: ${also.map((copy) => formatLink(copy.url, copy.source, 60)).join(', ')}`);
  }
  const room = SLACK_LIMITS.sectionText - lines.join('\n').length - 1;
  if (hit.snippet.trim() !== '' && room > 20)
    lines.push(formatHighlighted(hit.snippet, needles, Math.min(600, room)));
  return lines.filter((l) => l !== '').join('\n');
}

/** The query as the user could type it again (for echoing back; escaped by the caller). */
export function describeQuery(q: SearchQuery): string {
  const parts = [
    ...q.terms,
    ...q.phrases.map((p) => `"${p}"`),
    ...q.prefixes.map((p) => `${p}*`),
    ...q.excluded.map((e) => `-${e}`),
    ...q.themes.map((t) => `theme:${t}`),
    ...q.sources.map((s) => `source:${s}`),
    ...q.organisations.map((o) => (/\s/.test(o) ? `org:"${o}"` : `org:${o}`)),
    ...(q.since ? [`since:${q.since}`] : []),
    ...(q.until ? [`until:${q.until}`] : []),
  ];
  return parts.join(' ') || '(everything)';
}

const queryValueSchema = z.object({
  v: z.literal(1),
  q: z.object({
    terms: z.array(z.string()),
    phrases: z.array(z.string()),
    excluded: z.array(z.string()),
    prefixes: z.array(z.string()),
    themes: z.array(z.string()),
    sources: z.array(z.string()),
    organisations: z.array(z.string()),
    since: z.string().nullable(),
    until: z.string().nullable(),
    limit: z.number().int().min(1).max(100),
    offset: z.number().int().min(0).max(100_000),
  }),
});

/** JSON of the query for the button, or null when it would exceed Slack's 2000-character cap. */
export function encodeMoreResultsValue(query: SearchQuery): string | null {
  const value = JSON.stringify({ v: 1, q: query });
  return value.length <= SLACK_LIMITS.buttonValue ? value : null;
}

export function decodeMoreResultsValue(value: unknown): SearchQuery | null {
  if (typeof value !== 'string' || value.length > SLACK_LIMITS.buttonValue) return null;
  try {
    const parsed = queryValueSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data.q : null;
  } catch {
    return null;
  }
}
