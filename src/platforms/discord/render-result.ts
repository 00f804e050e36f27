// CommandResult -> interaction replies. Pure (apart from the search LRU): the platform-neutral
// result data become embeds and buttons. The first reply answers the interaction; any more are
// follow-ups (a digest preview longer than one message). Lookups (search, themes, status,
// explain, help, errors) are ephemeral; subscription changes are public so the channel sees them.
import type { APIEmbed } from 'discord.js';
import type { CommandResult, DeliveryHealth } from '../../commands/types.js';
import { fitMarkdown, fitPlain, formatCode } from './discord-markdown.js';
import { DISCORD_LIMITS } from './discord-message.js';
import { formatDay } from '../../text/format-dates.js';
import { renderDiscordDigest } from './render-digest.js';
import { renderExplain } from './render-explain.js';
import { renderDeadlinesResult } from './render-deadlines.js';
import { pickStoryRow, renderCorrected, renderCorrectionList } from './render-corrections.js';
import { renderInFlightLines } from './render-status.js';
import { renderSearchPage } from './render-search.js';
import { renderCatchUp, renderSubscribed } from './render-subscribed.js';
import { describeSubscription } from '../../commands/describe-subscription.js';
import { describeEmailResult } from '../../commands/describe-email.js';
import { createReply, packLines, renderCommandText, type DiscordReply } from './reply-text.js';
import type { SearchQueryCache } from './search-paging.js';

export interface ResultRenderContext {
  cache: SearchQueryCache;
  timeZone: string;
  commandName?: string;
}

const COLOUR = 0x005eb8;

export function renderResult(result: CommandResult, ctx: ResultRenderContext): DiscordReply[] {
  const command = ctx.commandName ?? '/briefing';
  switch (result.kind) {
    case 'error':
      return [renderError(result.message, result.hint)];
    case 'subscribed':
      return [
        renderSubscribed(
          result,
          `${result.created ? 'Subscribed' : 'Updated'}: this channel gets ${describeSubscription(result.subscription, result, ctx.timeZone)}.`,
          { timeZone: ctx.timeZone, command },
        ),
      ];
    case 'catch-up':
      return [renderCatchUp(result.catchUp)];
    case 'unsubscribed':
      return [
        createReply({
          ephemeral: !result.removed,
          content: result.removed
            ? 'Unsubscribed: this channel will no longer get the weekly catch-up.'
            : `This channel had no subscription. Use ${formatCode(`${command} subscribe`, 60)} to start one.`,
        }),
      ];
    case 'subscriptions':
      return [renderSubscriptions(result, command, ctx.timeZone)];
    case 'search':
      return [
        withPickStory(renderSearchPage(result.page, ctx.cache, ctx.timeZone), result.page.hits),
      ];
    case 'digest':
      return renderDigestPreview(result, command);
    case 'themes':
      return [renderThemes(result)];
    case 'status':
      return [renderStatus(result, ctx.timeZone)];
    case 'explain':
      return [renderExplain(result, ctx.timeZone)];
    case 'deadlines':
      return [renderDeadlinesResult(result, ctx.timeZone, command)];
    case 'corrected':
      return [renderCorrected(result)];
    case 'corrections':
      return [renderCorrectionList(result, ctx.timeZone)];
    case 'email-added':
    case 'email-removed':
    case 'email-list': {
      const answer = describeEmailResult(result, ctx.timeZone);
      const lines = answer.lines.map((l) => fitMarkdown(l, 1000));
      return [
        createReply({
          ephemeral: !answer.public,
          embeds: [
            {
              title: fitPlain(answer.title, DISCORD_LIMITS.title),
              description: packLines(lines),
              color: COLOUR,
            },
          ],
        }),
      ];
    }
    case 'help':
      return [renderHelp(result, command)];
  }
}

/** Adds the "Correct a story's themes" select under a search page or digest (Discord: 5 rows). */
function withPickStory(
  reply: DiscordReply,
  stories: readonly { id: string; title: string }[],
): DiscordReply {
  const row = pickStoryRow(stories);
  if (row === null || reply.components.length >= 5) return reply;
  return { ...reply, components: [...reply.components, row] };
}

function renderDigestPreview(
  result: Extract<CommandResult, { kind: 'digest' }>,
  command: string,
): DiscordReply[] {
  const messages = renderDiscordDigest(result.digest, { commandName: command });
  const leads = result.digest.sections.flatMap((s) =>
    s.entries.flatMap((e) => (e.storyIds[0] ? [{ id: e.storyIds[0], title: e.title }] : [])),
  );
  const replies = messages.map((m, i) =>
    createReply({
      ephemeral: true,
      embeds: m.embeds,
      ...(i === 0
        ? { content: result.partial ? 'Preview: this week so far.' : (m.content ?? '') }
        : {}),
    }),
  );
  // The unique leads, in digest order: a story shown in two sections is offered once.
  const unique = [...new Map(leads.map((l) => [l.id, l])).values()];
  const last = replies.length - 1;
  return replies.map((r, i) => (i === last ? withPickStory(r, unique) : r));
}

function renderThemes(result: Extract<CommandResult, { kind: 'themes' }>): DiscordReply {
  const lines = result.themes.map(
    (t) =>
      `**${fitMarkdown(t.label, 100)}** ${formatCode(t.id, 40)} · ${t.countThisWeek} this week\n${fitMarkdown(t.description, 300)}`,
  );
  return createReply({
    ephemeral: true,
    embeds: [
      {
        title: fitPlain(`Themes · week ${result.week}`, DISCORD_LIMITS.title),
        description: packLines(lines) || 'No themes are configured.',
        color: COLOUR,
      },
    ],
  });
}

function renderHelp(
  result: Extract<CommandResult, { kind: 'help' }>,
  command: string,
): DiscordReply {
  const lines = result.lines.map(
    (l) => `${formatCode(`${command} ${l.usage}`, 200)} — ${renderCommandText(l.description, 400)}`,
  );
  return createReply({
    ephemeral: true,
    embeds: [
      {
        title: result.topic ? `Help: ${result.topic}` : 'Briefing commands',
        description: packLines(lines),
        color: COLOUR,
      },
    ],
  });
}

export function renderError(message: string, hint: string | null): DiscordReply {
  const text = `⚠️ ${renderCommandText(message, 900)}${hint ? `\n${renderCommandText(hint, 900)}` : ''}`;
  return createReply({ ephemeral: true, content: text });
}

function channelMention(channelId: string): string {
  return /^\d{1,20}$/.test(channelId) ? `<#${channelId}>` : fitMarkdown(channelId, 40);
}

function renderSubscriptions(
  result: Extract<CommandResult, { kind: 'subscriptions' }>,
  command: string,
  timeZone: string,
): DiscordReply {
  const subscriptions = result.subscriptions;
  if (subscriptions.length === 0) {
    return createReply({
      ephemeral: true,
      content: `No channel in this server is subscribed yet. Use ${formatCode(`${command} subscribe`, 60)} in a channel.`,
    });
  }
  const lines = subscriptions.map((s) => {
    const paused = s.pausedReason ? ` — ⏸ paused: ${fitMarkdown(s.pausedReason, 200)}` : '';
    return `${channelMention(s.channelId)}: ${fitMarkdown(describeSubscription(s, result, timeZone), 700)}${paused}`;
  });
  return createReply({
    ephemeral: true,
    embeds: [
      { title: 'Subscriptions in this server', description: packLines(lines), color: COLOUR },
    ],
  });
}

function renderStatus(
  result: Extract<CommandResult, { kind: 'status' }>,
  timeZone: string,
): DiscordReply {
  const failing = result.sources.filter((s) => s.consecutiveFailures > 0 || s.lastError);
  const healthy = result.sources.length - failing.length;
  const sourceLines = failing.map((s) => {
    const since = s.lastSuccessAt
      ? `last worked ${formatDay(s.lastSuccessAt, timeZone, true)}`
      : 'never worked';
    return `❌ **${fitMarkdown(s.name, 80)}** — ${fitMarkdown(s.lastError ?? 'failing', 200)} (${s.consecutiveFailures}× , ${since})`;
  });
  const embeds: APIEmbed[] = [
    {
      title: 'Sources',
      description: packLines(
        [`✅ ${healthy} of ${result.sources.length} sources are healthy.`, ...sourceLines],
        3000,
      ),
      color: COLOUR,
    },
  ];
  embeds.push({
    title: 'Deliveries',
    description:
      packLines(
        result.deliveries.flatMap((d) => [
          renderDelivery(d, timeZone),
          ...renderInFlightLines(d, timeZone),
        ]),
        2500,
      ) || 'No subscription here yet.',
    color: COLOUR,
  });
  return createReply({ ephemeral: true, embeds });
}

function renderDelivery(d: DeliveryHealth, timeZone: string): string {
  const last = d.lastDeliveredWeek
    ? `last digest ${d.lastDeliveredWeek}${d.lastDeliveredAt ? ` (${formatDay(d.lastDeliveredAt, timeZone, true)})` : ''}`
    : 'no digest delivered yet';
  const pending = d.pendingParts > 0 ? `, ${d.pendingParts} part(s) pending` : '';
  const paused = d.subscription.pausedReason
    ? `, ⏸ paused: ${fitMarkdown(d.subscription.pausedReason, 200)} (fix that, then subscribe again to resume)`
    : '';
  // A paused channel's last error is the pause reason, already shown.
  const error =
    d.lastError && paused === '' ? `, last error: ${fitMarkdown(d.lastError, 200)}` : '';
  return `${channelMention(d.subscription.channelId)}: ${last}${pending}${paused}${error}`;
}
