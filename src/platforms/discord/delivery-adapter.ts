// DeliveryAdapter for Discord: renders the digest as embeds (render-digest.ts) and posts each part
// with POST /channels/{id}/messages, `allowed_mentions: { parse: [] }`, a nonce with
// `enforce_nonce` and a footer ref (delivery-ref.ts) so a resend after a crash is detected.
// Errors become SendOutcome values:
// - 429: @discordjs/rest queues by bucket and waits out short limits itself; a limit longer than
//   `maxInlineRateLimitMs` is rejected (rejectOnRateLimit) and returned as `retry` with its
//   retry_after, so the outbox reschedules instead of blocking the job;
// - 50013 Missing Permissions, 50001 Missing Access, 10003 Unknown Channel, 403/404 and other
//   4xx: `permanent` with a readable reason (pauses the subscription);
// - 401 (token rejected), 5xx after the REST retries, timeouts and network errors: `retry`.
// https://discord.com/developers/docs/topics/opcodes-and-status-codes#json
import {
  DiscordAPIError,
  HTTPError,
  RateLimitError,
  REST,
  Routes,
  type APIEmbed,
} from 'discord.js';
import type { DeliveryAdapter, OutboundPart, SendOutcome } from '../../delivery/adapter.js';
import type { Digest } from '../../domain.js';
import type { DiscordMessage } from './discord-message.js';
import { findMessageWithRef, nonceFor, refFor, withRef } from './delivery-ref.js';
import { renderDiscordDigest } from './render-digest.js';
import { pickStoryRow } from './render-corrections.js';

export interface DiscordRestInput {
  token: string;
  apiUrl?: string;
  /** Rate limits longer than this are returned to the outbox as `retry` (default 10 s). */
  maxInlineRateLimitMs?: number;
  /** REST timeout per request (default 15 s). */
  timeoutMs?: number;
}

/** A REST client for posting: bucket queueing on, long rate limits rejected (see header). */
export function createDeliveryRest(input: DiscordRestInput): REST {
  const maxWait = input.maxInlineRateLimitMs ?? 10_000;
  const rest = new REST({
    version: '10',
    retries: 2,
    timeout: input.timeoutMs ?? 15_000,
    ...(input.apiUrl ? { api: input.apiUrl } : {}),
    rejectOnRateLimit: (data) => data.retryAfter > maxWait || data.timeToReset > maxWait,
  });
  return rest.setToken(input.token);
}

export interface DiscordDeliveryOptions {
  commandName?: string;
  /**
   * Put the "Correct a story's themes" select under each digest's last part: only when the bot
   * is running to answer it (start.ts), not for delivery-only use.
   */
  correctMenu?: boolean;
}

const PERMANENT_CODES: Record<number, string> = {
  10003: 'the channel no longer exists (Unknown Channel)',
  50001: 'the bot cannot see this channel (Missing Access): give it View Channel',
  50013:
    'the bot lacks permission in this channel (Missing Permissions): give it Send Messages and Embed Links',
  10004: 'the bot is no longer in this server (Unknown Guild)',
  50007: 'Discord will not let the bot message this channel',
};

export function createDiscordDeliveryAdapter(
  rest: REST,
  options: DiscordDeliveryOptions = {},
): DeliveryAdapter {
  return {
    platform: 'discord',
    render(view: Digest): OutboundPart[] {
      const messages = withCorrectMenu(view, renderDiscordDigest(view, options), options);
      return messages.map((payload, index) => ({
        index,
        total: messages.length,
        payload,
        text: describePart(view, payload, index, messages.length),
      }));
    },
    async send(channel, part, context): Promise<SendOutcome> {
      const payload = part.payload as DiscordMessage;
      const body = {
        ...(payload.content ? { content: payload.content } : {}),
        embeds: withRef(payload.embeds, refFor(context.key)),
        ...(payload.components ? { components: payload.components } : {}),
        allowed_mentions: { parse: [] },
        nonce: nonceFor(context.key),
        enforce_nonce: true,
      };
      try {
        const message = (await rest.post(Routes.channelMessages(channel.channelId), { body })) as {
          id: string;
        };
        return { status: 'sent', messageId: message.id };
      } catch (error) {
        return classifySendError(error);
      }
    },
    async findSent(channel, context): Promise<string | null> {
      try {
        const recent = (await rest.get(Routes.channelMessages(channel.channelId), {
          query: new URLSearchParams({ limit: '50' }),
        })) as Parameters<typeof findMessageWithRef>[0];
        return findMessageWithRef(recent, context.key);
      } catch (error) {
        const outcome = classifySendError(error);
        // A gone channel holds no message; send() will then report it as permanent.
        if (outcome.status === 'permanent') return null;
        throw new Error(`discord: could not read recent messages: ${outcome.reason}`, {
          cause: error,
        });
      }
    },
  };
}

function withCorrectMenu(
  view: Digest,
  messages: DiscordMessage[],
  options: DiscordDeliveryOptions,
): DiscordMessage[] {
  if (!options.correctMenu || messages.length === 0) return messages;
  const leads = new Map<string, { id: string; title: string }>();
  for (const entry of view.sections.flatMap((s) => s.entries)) {
    const id = entry.storyIds[0];
    if (id !== undefined && !leads.has(id)) leads.set(id, { id, title: entry.title });
  }
  const row = pickStoryRow([...leads.values()]);
  if (row === null) return messages;
  const last = messages.length - 1;
  return messages.map((m, i) => (i === last ? { ...m, components: [row] } : m));
}

function describePart(
  digest: Digest,
  payload: DiscordMessage,
  index: number,
  total: number,
): string {
  const labels = payload.embeds
    .map((e: APIEmbed) => e.title ?? '')
    .filter((t, i) => t !== '' && !(index === 0 && i === 0));
  const head = total > 1 ? `${digest.title} (part ${index + 1} of ${total})` : digest.title;
  return labels.length > 0 ? `${head}: ${labels.join(', ')}` : head;
}

export function classifySendError(error: unknown): Exclude<SendOutcome, { status: 'sent' }> {
  if (error instanceof RateLimitError) {
    const wait = Math.max(error.retryAfter, error.timeToReset);
    return {
      status: 'retry',
      reason: `rate limited by Discord for ${Math.ceil(wait / 1000)} s`,
      retryAfterMs: wait,
      rateLimited: true,
    };
  }
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : Number(error.code);
    const known = PERMANENT_CODES[code];
    if (known) return { status: 'permanent', reason: `${known} (Discord code ${code})` };
    if (error.status === 401) {
      return {
        status: 'retry',
        reason: 'Discord rejected the bot token (401): check DISCORD_TOKEN',
        retryAfterMs: 15 * 60_000,
      };
    }
    if (error.status === 429)
      return {
        status: 'retry',
        reason: 'rate limited by Discord',
        retryAfterMs: null,
        rateLimited: true,
      };
    return {
      status: 'permanent',
      reason: `Discord refused the message (${error.status}, code ${String(error.code)}): ${error.message.slice(0, 200)}`,
    };
  }
  if (error instanceof HTTPError) {
    return { status: 'retry', reason: `Discord answered ${error.status}`, retryAfterMs: null };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    status: 'retry',
    reason: `could not reach Discord: ${message.slice(0, 200)}`,
    retryAfterMs: null,
  };
}
