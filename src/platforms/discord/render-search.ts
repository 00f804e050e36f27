// A search page as an ephemeral reply: one embed listing the hits (linked title, source, date,
// themes, snippet) and a row with Prev/Next buttons whose custom_id names the cached query and
// the offset of the page they open (search-paging.ts). Pure apart from remembering the query.
import { describeQuery } from '../../commands/describe-query.js';
import { ButtonStyle, ComponentType } from 'discord.js';
import type { SearchPage } from '../../domain.js';
import { fitMarkdown, formatCode, formatHighlighted, formatLink } from './discord-markdown.js';
import {
  describeExpansions,
  describeSearchCount,
  describeSpelling,
} from '../../commands/search-notes.js';
import { searchPageNeedles } from '../../text/highlight-words.js';
import { storyRef } from '../../text/story-ref.js';
import { DISCORD_LIMITS } from './discord-message.js';
import { formatDay } from '../../text/format-dates.js';
import { createReply, packLines, type DiscordReply } from './reply-text.js';
import { encodePageButton, type SearchQueryCache } from './search-paging.js';

const SEARCH_COLOUR = 0x41b6e6;

export function renderSearchPage(
  page: SearchPage,
  cache: SearchQueryCache,
  timeZone: string,
): DiscordReply {
  const { query, hits, total } = page;
  const first = query.offset + 1;
  const last = query.offset + hits.length;
  const title =
    total === 0 ? 'No stories found' : `${describeSearchCount(page)} · showing ${first}–${last}`;
  const needles = searchPageNeedles(page);
  // Each result: headline, source · date · themes · short reference (for `explain` and
  // corrections), other outlets' copies, and the snippet with the query's words in bold.
  const lines = hits.map((hit) => {
    const meta = [
      fitMarkdown(hit.source, 80),
      formatDay(hit.publishedAt, timeZone, true),
      hit.themes.length > 0 ? fitMarkdown(hit.themes.join(', '), 120) : '',
      formatCode(storyRef(hit.id), 20),
    ].filter((s) => s !== '');
    const copies = (hit.also ?? []).slice(0, 5);
    const also =
      copies.length === 0
        ? ''
        : `\nalso: ${copies.map((c) => formatLink(c.url, c.source, 60)).join(', ')}`;
    const snippet =
      hit.snippet.trim() === '' ? '' : `\n${formatHighlighted(hit.snippet, needles, 240)}`;
    return `**${formatLink(hit.url, hit.title || 'Untitled', 200)}**\n${meta.join(' · ')}${also}${snippet}\n`;
  });
  const notes = [describeSpelling(page), describeExpansions(page)]
    .filter((n) => n !== null)
    .map((n) => `*${fitMarkdown(n, 400)}*`);
  const description =
    total === 0
      ? [
          `Nothing in the archive matches ${fitMarkdown(describeQuery(query), 600)}.`,
          ...notes,
          'Try fewer words, another theme, or a wider date range.',
        ].join('\n')
      : packLines([...notes, ...lines]);
  const reply = createReply({
    ephemeral: true,
    embeds: [
      {
        title: title.slice(0, DISCORD_LIMITS.title),
        description,
        color: SEARCH_COLOUR,
        footer: { text: fitMarkdown(`Search: ${describeQuery(query)}`, 300) },
      },
    ],
  });
  // Grouping folds copies into one result, so compare pages, not the raw total with the hits.
  if (page.nextOffset !== null || query.offset > 0) {
    const key = cache.remember(query);
    const prevOffset = Math.max(0, query.offset - query.limit);
    reply.components = [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: 'Prev',
            custom_id: encodePageButton(key, prevOffset),
            disabled: query.offset === 0,
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: 'Next',
            // Distinct ids in one row: Discord rejects duplicates, so a disabled Next gets its own.
            custom_id: encodePageButton(key, page.nextOffset ?? query.offset + query.limit),
            disabled: page.nextOffset === null,
          },
        ],
      },
    ];
  }
  return reply;
}
