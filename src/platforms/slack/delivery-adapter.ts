// DeliveryAdapter for Slack: renders a digest for one subscription, posts each part with
// chat.postMessage, and finds parts already posted after a crash.
// Idempotency: every part carries message metadata
// `{ event_type: 'briefing_digest_part', event_payload: { key } }`
// (https://api.slack.com/metadata/using); findSent reads recent channel history (and the parent's
// thread for later parts) with include_all_metadata=true and returns the ts of a message with
// that key. Parts after the first are posted in part 0's thread (see render-digest.ts).
// Tokens: one client (SLACK_BOT_TOKEN), or in OAuth mode the client of the workspace each
// subscription belongs to (workspace-clients.ts).
// The Web API client from its own package, not Bolt's index, which would load Express (app.ts).
import { LogLevel, WebClient } from '@slack/web-api';
import type {
  DeliveryAdapter,
  OutboundPart,
  SendContext,
  SendOutcome,
} from '../../delivery/adapter.js';
import type { ChannelRef, Digest } from '../../domain.js';
import type { Logger } from '../../logging.js';
import type { SlackMessage } from './block-kit.js';
import { classifySlackError, slackErrorName } from './classify-slack-error.js';
import { renderSlackDigest } from './render-digest.js';
import { renderReminderMessage } from './render-deadlines.js';
import type { PaceClock, Pacer } from '../../delivery/pace.js';
import { choosePacers } from './slack-pace.js';
import { singleClient, type WorkspaceClients } from './workspace-clients.js';

export const DIGEST_EVENT_TYPE = 'briefing_digest_part';

export type SlackDeliveryOptions = SlackDeliverySettings &
  ({ client: WebClient } | { clients: WorkspaceClients });

interface SlackDeliverySettings {
  logger: Logger;
  commandName?: string;
  /** When given, each digest entry carries a "Correct themes" menu (render-corrections.ts). */
  themes?: readonly { id: string; label: string }[];
  /** How many recent messages findSent inspects (Slack allows up to 999 per call). */
  historyLimit?: number;
  /**
   * Paces chat.postMessage so a fan-out stays inside Slack's limits instead of provoking 429s
   * (which cost outbox attempts and, in a large fan-out, lost parts: see test/bench/fanout.ts).
   * Default: 1 message per second per channel, 5 per second in all (Slack publishes only
   * "several hundred per minute" per workspace for chat.postMessage). Slack counts these limits
   * per workspace, so in OAuth mode (`clients`) each workspace gets its own pacer at these
   * limits; a `pacer` given here is shared by every workspace instead.
   */
  pacer?: Pacer;
  /** The clock of the default pacers (tests drive it without sleeping). */
  paceClock?: PaceClock;
}

export { DEFAULT_SLACK_PACE } from './slack-pace.js';

/**
 * A WebClient for delivery: it never sleeps on a 429 itself (the outbox schedules the retry
 * from Retry-After) and does not retry internally, so one send is one attempt.
 */
export function createSlackDeliveryClient(init: {
  token: string;
  apiUrl?: string;
  timeoutMs?: number;
}): WebClient {
  return new WebClient(init.token, {
    ...(init.apiUrl ? { slackApiUrl: withTrailingSlash(init.apiUrl) } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: init.timeoutMs ?? 30_000,
    logLevel: LogLevel.ERROR,
  });
}

function isRateLimit(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'slack_webapi_rate_limited_error';
}

export function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** What the adapter's steps share: the clients, the pace and a logger with platform: slack. */
interface Poster {
  clients: WorkspaceClients;
  log: Logger;
  /** The pacer of one workspace (the same one for all in single-token mode). */
  pacerOf: (workspaceId: string) => Pacer;
  historyLimit: number;
}

export function createSlackDeliveryAdapter(options: SlackDeliveryOptions): DeliveryAdapter {
  const poster: Poster = {
    clients: 'clients' in options ? options.clients : singleClient(options.client),
    log: options.logger.child({ platform: 'slack' }),
    pacerOf: choosePacers({
      ...(options.pacer ? { pacer: options.pacer } : {}),
      ...(options.paceClock ? { paceClock: options.paceClock } : {}),
      perWorkspace: 'clients' in options,
    }),
    historyLimit: options.historyLimit ?? 200,
  };
  return {
    platform: 'slack',
    render: (view) => renderParts(view, options.commandName, options.themes),
    renderReminder: (reminder) => {
      const message = renderReminderMessage(reminder);
      return [{ index: 0, total: 1, payload: message, text: message.text }];
    },
    send: (channel, part, context) => sendPart(poster, channel, part, context),
    findSent: (channel, context) => findSentPart(poster, channel, context),
  };
}

function renderParts(
  view: Digest,
  commandName: string | undefined,
  themes: SlackDeliveryOptions['themes'],
): OutboundPart[] {
  const messages = renderSlackDigest(view, { commandName, ...(themes ? { themes } : {}) });
  return messages.map<OutboundPart>((message, index) => ({
    index,
    total: messages.length,
    payload: message,
    text: message.text,
  }));
}

/** chat.postMessage once the pacer allows (it only prevents 429s; sendPart backs it off after one). */
async function postPaced(
  poster: Poster,
  client: WebClient,
  channel: ChannelRef,
  message: SlackMessage,
  key: string,
  threadTs: string | undefined,
) {
  const channelKey = channel.channelId;
  const pacer = poster.pacerOf(channel.workspaceId);
  await pacer.acquire(channelKey);
  try {
    return await client.chat.postMessage({
      channel: channel.channelId,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: message.unfurl_links,
      unfurl_media: message.unfurl_media,
      metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { key } },
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
  } finally {
    pacer.release(channelKey);
  }
}

async function sendPart(
  poster: Poster,
  channel: ChannelRef,
  part: OutboundPart,
  context: SendContext,
): Promise<SendOutcome> {
  const message = part.payload as SlackMessage;
  const threadTs = part.index > 0 ? (context.parentMessageId ?? undefined) : undefined;
  if (part.index > 0 && !threadTs) {
    poster.log.warn(
      { channel: channel.channelId, part: part.index },
      'slack: no parent message; posting part at top level',
    );
  }
  const lookup = poster.clients(channel.workspaceId);
  if (!lookup.ok) return logNotSent(poster, channel, part, lookup.outcome);
  try {
    const result = await postPaced(poster, lookup.client, channel, message, context.key, threadTs);
    if (typeof result.ts !== 'string') {
      return {
        status: 'retry',
        reason: 'Slack accepted the message without a ts',
        retryAfterMs: null,
      };
    }
    return { status: 'sent', messageId: result.ts };
  } catch (error) {
    // The parent was deleted: post the part on its own rather than lose it.
    if (threadTs && slackErrorName(error) === 'thread_not_found') {
      poster.log.warn(
        { channel: channel.channelId, part: part.index },
        'slack: parent message gone; posting part at top level',
      );
      return sendPart(poster, channel, part, { ...context, parentMessageId: null });
    }
    return classifySendFailure(poster, error, channel, part);
  }
}

function classifySendFailure(
  poster: Poster,
  error: unknown,
  channel: ChannelRef,
  part: OutboundPart,
): SendOutcome {
  const outcome = classifySlackError(error);
  if (!outcome) throw new Error('slack: chat.postMessage failed unexpectedly', { cause: error });
  // The outbox retries this part after Retry-After, and every channel's sends wait that long
  // too: the per-channel pace is already ours, so a 429 means the workspace-wide limit, which
  // the workspace's other channels would hit as well (other workspaces have their own).
  if (isRateLimit(error) && outcome.status === 'retry' && outcome.retryAfterMs !== null) {
    poster.pacerOf(channel.workspaceId).backOff(null, outcome.retryAfterMs);
  }
  return logNotSent(poster, channel, part, outcome);
}

function logNotSent(
  poster: Poster,
  channel: ChannelRef,
  part: OutboundPart,
  outcome: Exclude<SendOutcome, { status: 'sent' }>,
): SendOutcome {
  poster.log.warn(
    {
      channel: channel.channelId,
      part: part.index,
      status: outcome.status,
      reason: outcome.reason,
    },
    'slack: digest part not sent',
  );
  return outcome;
}

async function findSentPart(
  poster: Poster,
  channel: ChannelRef,
  context: SendContext,
): Promise<string | null> {
  const matches = (messages: unknown): string | null => findKey(messages, context.key);
  // No client (not installed, key cannot open the token): send() reports why, as an outcome.
  const lookup = poster.clients(channel.workspaceId);
  if (!lookup.ok) return null;
  const { client } = lookup;
  try {
    if (context.parentMessageId) {
      const parent = { channelId: channel.channelId, ts: context.parentMessageId };
      const found = await findInThread(client, parent, poster.historyLimit, matches);
      if (found) return found;
    }
    const history = await client.conversations.history({
      channel: channel.channelId,
      limit: poster.historyLimit,
      include_all_metadata: true,
    });
    return matches(history.messages);
  } catch (error) {
    const outcome = classifySlackError(error);
    // Permanent problems (channel gone, bot removed) surface again, with a reason, from send().
    if (outcome?.status === 'permanent') return null;
    throw new Error(
      `slack: could not read channel history (${outcome?.reason ?? 'unexpected error'})`,
      { cause: error },
    );
  }
}

/** The part in the parent's thread; a deleted parent means send() posted it at top level. */
async function findInThread(
  client: WebClient,
  parent: { channelId: string; ts: string },
  limit: number,
  matches: (messages: unknown) => string | null,
): Promise<string | null> {
  try {
    const replies = await client.conversations.replies({
      channel: parent.channelId,
      ts: parent.ts,
      limit,
      include_all_metadata: true,
    });
    return matches(replies.messages);
  } catch (error) {
    if (slackErrorName(error) === 'thread_not_found') return null;
    throw error;
  }
}

function findKey(messages: unknown, key: string): string | null {
  if (!Array.isArray(messages)) return null;
  for (const m of messages as {
    ts?: unknown;
    metadata?: { event_type?: unknown; event_payload?: { key?: unknown } };
  }[]) {
    if (
      m.metadata?.event_type === DIGEST_EVENT_TYPE &&
      m.metadata.event_payload?.key === key &&
      typeof m.ts === 'string'
    ) {
      return m.ts;
    }
  }
  return null;
}
