// The plug-in contract every platform folder implements, and that src/platforms/index.ts lists.
// The composition roots (main.ts, cli/) loop over the registry instead of naming platforms, so a
// new platform is one folder and one registry line. The descriptor is cheap to import; the
// platform's libraries (Bolt, discord.js, an SMTP client...) load only through `load()`.
// A platform may be delivery-only (no `start`: `run` posts through `createDeliveryAdapter`), have
// no chat commands, and may bring its own CLI subcommand (`briefing slack`, `briefing discord`).
import type { Writable } from 'node:stream';
import type { ParseArgsConfig } from 'node:util';
import type { CommandDeps } from '../commands/types.js';
import type { Env } from '../config/env.js';
import type { DeliveryAdapter } from '../delivery/adapter.js';
import type { ChannelRef, Digest, Platform } from '../domain.js';
import type { Logger } from '../logging.js';
import type { PlatformStores } from './installations.js';

/** Who may subscribe or unsubscribe a channel: `admins` makes the platform check its own role. */
export type SubscribeRule = 'anyone' | 'admins';

export interface PlatformPlugin {
  id: Platform;
  /** For operator lines: "Slack: connected (Socket Mode)." */
  label: string;
  /** Whether the environment asks for this platform (its token is set). */
  isConfigured(env: Env): boolean;
  subscribeRule(env: Env): SubscribeRule;
  /**
   * What in the env stops the platform from starting (a missing or conflicting variable), one
   * line each naming the variable; empty when it can start. Cheap (no platform library): `run`
   * checks it before anything starts, `briefing doctor` reports it.
   */
  configProblems?(env: Env): string[];
  /** The platform's code, loaded only when it is used. */
  load(): Promise<PlatformRuntime>;
  /**
   * For a platform whose channel is one self-contained value (a webhook URL): turns
   * `briefing subscribe --channel X` into the stored channel, so --workspace is not needed.
   */
  cliChannel?(
    channel: string,
  ): { ok: true; workspaceId: string; channelId: string } | { ok: false; message: string };
  /** The workspace id when the platform has only one (email): `subscribe` may then omit it. */
  fixedWorkspace?: string;
  /** The channel id as stored (an address in lower case), or null when it is not one. */
  normaliseChannel?(channelId: string): string | null;
  /** Present when a new channel must confirm before its first digest (runtime.requestOptIn). */
  optIn?: { pausedReason: string };
  /** Its own `briefing <id>` subcommand, if it has one. */
  cli?: { summary: string; load(): Promise<PlatformCliCommand> };
}

export interface PlatformRuntime {
  /**
   * Posting only, no live connection (no Socket Mode, no gateway): one-shot `deliver` and
   * `digest --post`, and `run` for a platform without `start`.
   */
  createDeliveryAdapter(env: Env, logger: Logger, stores?: PlatformStores): DeliveryAdapter;
  /** `briefing digest --format <id>`: the platform's payloads for a digest, as JSON text. */
  renderPreview(digest: Digest, env: Env): string;
  /** Connects to answer chat commands (`briefing run`); absent on a delivery-only platform. */
  start?(init: PlatformStartInit): Promise<StartedPlatform>;
  /**
   * Double opt-in (email): sends the confirmation request for a channel the subscriber has just
   * paused with the plug-in's `optIn.pausedReason`.
   */
  requestOptIn?(channel: ChannelRef, env: Env, logger: Logger): Promise<OptInOutcome>;
  /**
   * `briefing doctor`: whether the token works and the bot can post in each subscribed channel
   * (one line per check, with the fix). Absent: doctor says the platform has no check.
   */
  checkAccess?(
    env: Env,
    channelIds: readonly string[],
    logger: Logger,
    stores?: PlatformStores,
  ): Promise<AccessCheck[]>;
}

/** One `briefing doctor` line. */
export interface AccessCheck {
  name: string;
  status: 'ok' | 'warn' | 'fail';
  detail: string;
  /** What to do about a warn or fail. */
  fix?: string;
}

export type OptInOutcome = { status: 'sent' } | { status: 'failed'; reason: string };

export interface PlatformStartInit {
  env: Env;
  /** Built by the composition root with the registry's subscribe rules; platforms never open the store. */
  commands: CommandDeps;
  /** settings.yaml timeZone, for dates in replies. */
  timeZone: string;
  logger: Logger;
  /** What the root opened for platforms (Slack's OAuth installations); absent in tests. */
  stores?: PlatformStores;
}

export interface StartedPlatform {
  adapter: DeliveryAdapter;
  /** The operator line after the label: "connected (Socket Mode)", "connected to the gateway". */
  connected: string;
  stop(): Promise<void>;
}

/** What a platform's own subcommand gets: no store, no config files, only what it needs. */
export interface PlatformCliContext {
  env: Env;
  logger: Logger;
  stdout: Writable;
  stderr: Writable;
  /** CommandDeps over the store and config (opened on first call), with the registry's rules. */
  commands(): CommandDeps;
  timeZone(): string;
  /** Slack's OAuth installations and the like, over the store (opened on first call). */
  stores(): PlatformStores;
  /** Lifts a channel's pause and requeues what it held (opt-in confirmed); false if not paused. */
  resumeChannel(channel: ChannelRef): boolean;
  /** Resolves on SIGINT or SIGTERM. */
  untilStopped(): Promise<void>;
}

export interface PlatformCliArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

export interface PlatformCliCommand {
  /** Usage and option descriptions for `briefing <id> --help`. */
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Returns the exit code; a user's mistake throws PlatformUsageError (exit 2). */
  run(ctx: PlatformCliContext, args: PlatformCliArgs): Promise<number>;
}

/** A user-facing mistake in a platform subcommand: one line, exit 2 (like the CLI's UsageError). */
export class PlatformUsageError extends Error {
  override readonly name = 'PlatformUsageError';
}
