// The contract between platform-neutral delivery (outbox, scheduler) and each chat platform.
// A platform folder implements DeliveryAdapter; delivery never sees Block Kit or embeds.
// Selecting a channel's sections is neutral and happens once, before render (enqueue-digest.ts):
// an adapter only lays out what it is given.
import type { ChannelPlatform, ChannelRef, DeadlineReminder, Digest } from '../domain.js';

/** One message of a rendered digest. `payload` is the platform's own body (opaque here). */
export interface OutboundPart {
  /** 0-based position; part 0 is the main message. */
  index: number;
  total: number;
  payload: unknown;
  /** Plain-text fallback / preview (also what the in-memory adapter records). */
  text: string;
}

export type SendOutcome =
  | { status: 'sent'; messageId: string }
  /** Transient: rate limit, 5xx, network. `retryAfterMs` from Retry-After when the platform gave one. */
  | {
      status: 'retry';
      reason: string;
      retryAfterMs: number | null;
      /** The platform answered 429 (counted by the metrics endpoint). */
      rateLimited?: boolean;
    }
  /** Permanent for this channel: channel gone, bot removed, missing permission. Pauses the subscription. */
  | { status: 'permanent'; reason: string };

export interface SendContext {
  /**
   * Idempotency key for this (digest, channel, part). Adapters attach it where the platform keeps
   * it (Slack message metadata, Discord nonce) so a resend after a crash can be detected.
   */
  key: string;
  /** Platform message id of part 0 once sent (Slack posts later parts in its thread). */
  parentMessageId: string | null;
  /**
   * The previous attempt was claimed and never recorded (the process died or its lease ran out
   * while sending), as opposed to one that ended in a recorded retry. A platform that cannot be
   * asked what it received (SMTP) decides on this alone in findSent.
   */
  interrupted?: boolean;
  /** The digest's ISO week (email builds its Message-ID from it). */
  week?: string;
}

export interface DeliveryAdapter {
  platform: ChannelPlatform;
  /**
   * Pure: a digest already cut down to one channel's sections (selectForSubscription), as
   * platform messages within the platform's limits.
   */
  render(view: Digest): OutboundPart[];
  /**
   * Pure: a deadline reminder (pipeline/run-reminder-job.ts) as one short message. Optional so a
   * platform can ship without it; the reminder job skips channels whose adapter has none.
   */
  renderReminder?(reminder: DeadlineReminder): OutboundPart[];
  send(channel: ChannelRef, part: OutboundPart, context: SendContext): Promise<SendOutcome>;
  /**
   * Asks the platform whether a message with this key is already in the channel (after a crash
   * between the platform accepting a message and the outbox recording it). Returns its id or null.
   */
  findSent(channel: ChannelRef, context: SendContext): Promise<string | null>;
}

/** The adapters a delivery pass may use, by the platform of the channel they post to. */
export type DeliveryAdapters = ReadonlyMap<ChannelPlatform, DeliveryAdapter>;
