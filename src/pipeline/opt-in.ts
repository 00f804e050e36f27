// Double opt-in on a platform that asks for it (email), for `briefing subscribe` and the chat
// `email add` alike: a new channel, or one still unconfirmed, is paused with the platform's reason
// right after the subscribe (before any catch-up is posted, so the outbox holds it) and the
// confirmation request is sent. Subscribing again while unconfirmed sends the request again; it
// never lifts the pause by itself.
import type { Env } from '../config/env.js';
import type { ChannelRef, Subscription } from '../domain.js';
import type { Logger } from '../logging.js';
import { findPlatform } from '../platforms/index.js';
import type { OptInOutcome, PlatformRuntime } from '../platforms/plugin.js';
import type { Db } from '../store/database.js';
import { pauseSubscription } from '../store/subscriptions.js';

export interface OptInGate {
  pausedReason: string;
  request: NonNullable<PlatformRuntime['requestOptIn']>;
}

/** The platform's opt-in gate, or null when it has none (or is the demo's memory channel). */
export async function loadOptInGate(platform: string): Promise<OptInGate | null> {
  const plugin = findPlatform(platform);
  if (!plugin?.optIn) return null;
  const runtime = await plugin.load();
  if (!runtime.requestOptIn)
    throw new Error(`pipeline: platform ${platform} has optIn but no requestOptIn`);
  return { pausedReason: plugin.optIn.pausedReason, request: runtime.requestOptIn };
}

/** Whether the channel must (still) confirm: new, or paused awaiting confirmation. */
export function needsOptIn(gate: OptInGate, before: Subscription | null): boolean {
  return before === null || before.pausedReason === gate.pausedReason;
}

/**
 * Pauses the channel awaiting confirmation (at once, before any await) and sends the request.
 */
export async function requestOptIn(
  gate: OptInGate,
  db: Db,
  channel: ChannelRef,
  env: Env,
  logger: Logger,
): Promise<OptInOutcome> {
  pauseSubscription(db, channel, gate.pausedReason, new Date());
  return gate.request(channel, env, logger);
}

/** Pauses the channel awaiting confirmation and sends the request; the line to print. */
export async function startOptIn(
  gate: OptInGate,
  db: Db,
  channel: ChannelRef,
  env: Env,
  logger: Logger,
): Promise<string> {
  const outcome = await requestOptIn(gate, db, channel, env, logger);
  return outcome.status === 'sent'
    ? `A confirmation mail went to ${channel.channelId}; nothing else is sent until it is confirmed.`
    : `Could not send the confirmation mail (${outcome.reason}); run the subscribe again to retry. Nothing is sent until it is confirmed.`;
}
