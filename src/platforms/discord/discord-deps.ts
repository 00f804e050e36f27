// What the Discord bot needs from the rest of the system. Built by the composition root (main,
// cli); the bot never opens the store itself (lint rule), it only calls these.
import type { CommandDeps } from '../../commands/types.js';

export interface DiscordDeps {
  commands: CommandDeps;
  /**
   * Permission bits a member needs for subscribe/unsubscribe (DISCORD_SUBSCRIBE_PERMISSION,
   * default 16 = Manage Channels; 0 lets everyone). Only matters when
   * `commands.subscribeNeedsAdmin('discord')` is true.
   */
  subscribePermission: bigint;
  /** Time zone for dates in replies (settings.yaml timeZone). */
  timeZone: string;
  /** Injected clock for tests; default `new Date()`. */
  now?: () => Date;
}

/** Parses DISCORD_SUBSCRIBE_PERMISSION (a decimal bit string); falls back to Manage Channels. */
export function parsePermissionBits(text: string | undefined): bigint {
  if (text === undefined || !/^\d{1,20}$/.test(text.trim())) return MANAGE_CHANNELS;
  return BigInt(text.trim());
}

export const MANAGE_CHANNELS = 1n << 4n;
