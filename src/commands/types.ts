// Platform-neutral chat commands: parsed requests in, plain result data out. Slack and Discord
// parse their own inputs into CommandRequest and render CommandResult into their own payloads.
// Nothing here does I/O: everything the commands need arrives in CommandDeps.
import type {
  Cadence,
  ChannelPlatform,
  ChannelRef,
  Digest,
  DigestDeadline,
  Entities,
  NearMiss,
  SearchPage,
  SearchQuery,
  SourceHealth,
  StoredStory,
  Subscription,
  Tag,
} from '../domain.js';
import type { EmailChatDeps, EmailRequest, EmailResult } from './email-types.js';

export type CommandName =
  | 'subscribe'
  | 'unsubscribe'
  | 'subscriptions'
  | 'search'
  | 'digest'
  | 'themes'
  | 'status'
  | 'explain'
  | 'deadlines'
  | 'correct'
  | 'corrections'
  | 'email'
  | 'help';

export type CommandRequest =
  | {
      command: 'subscribe';
      themes: string[] | 'all';
      organisations: string[];
      schedule: { day: number; time: string } | null;
      /** Absent: keep the channel's cadence (weekly for a new channel). */
      cadence?: Cadence;
      /** Absent: keep the channel's choice (off for a new channel). */
      alerts?: boolean;
      /** Absent: keep the channel's choice (off for a new channel). */
      offTopic?: boolean;
      /** Also send last week's catch-up now (`subscribe ... now`). */
      now?: boolean;
    }
  | { command: 'unsubscribe' }
  | { command: 'subscriptions' }
  | { command: 'search'; query: SearchQuery }
  /** `this` = the current week so far, `last` = the previous week, or an ISO week "2017-W07". */
  | { command: 'digest'; week: 'this' | 'last' | string }
  | { command: 'themes' }
  | { command: 'status' }
  /** `scores`: show the numbers behind the words (absent: words only). */
  | { command: 'explain'; target: string; scores?: boolean }
  | { command: 'deadlines'; scope: 'channel' | 'all' }
  /** Themes to add and remove for one story in the asking workspace, with an optional note. */
  | { command: 'correct'; target: string; add: string[]; remove: string[]; note: string | null }
  | { command: 'corrections' }
  | EmailRequest
  | { command: 'help'; topic: CommandName | null };

/** Who asked, where. `isAdmin` is decided by the platform (Slack admin, Discord permission). */
export interface Invocation {
  platform: ChannelPlatform;
  workspaceId: string;
  channelId: string;
  userId: string;
  isAdmin: boolean;
  now: Date;
}

export interface ThemeSummary {
  id: string;
  label: string;
  description: string;
  countThisWeek: number;
}

export interface DeliveryHealth {
  subscription: Subscription;
  lastDeliveredWeek: string | null;
  lastDeliveredAt: string | null;
  pendingParts: number;
  lastError: string | null;
  /** Parts marked as being sent (after a crash: left by a process that may be gone). */
  inFlight: InFlightPart[];
}

/** A digest part marked in flight, who claimed it and when it will be tried again. */
export interface InFlightPart {
  week: string;
  channel: ChannelRef;
  /** 0-based, as in the outbox. */
  index: number;
  total: number;
  attempts: number;
  /** The claiming process, when known (null: claimed before instances were recorded). */
  claimedBy: { instanceId: string; hostName: string; pid: number; heartbeatAt: string } | null;
  /** alive: it may still be sending; dead: it is gone; unknown: only the lease tells. */
  claimant: 'alive' | 'dead' | 'unknown';
  /** Why the claimant is judged so, e.g. "pid 4242 on bot-1 has exited". */
  claimantReason: string;
  /**
   * next-pass: due now, taken by the next delivery pass (which asks the platform first);
   * after-lease: at retryAt, unless the claimant records the outcome before then.
   */
  retry: 'next-pass' | 'after-lease';
  retryAt: string;
}

export type CommandResult =
  | { kind: 'error'; message: string; hint: string | null }
  | ({
      kind: 'subscribed';
      subscription: Subscription;
      created: boolean;
      /** When the channel's first (or, for an update, next) scheduled catch-up is due. */
      firstDigest?: FirstDigest;
      /** What happened to last week's catch-up when `now` was asked for. */
      catchUp?: CatchUpOutcome;
    } & SubscriptionWords)
  /** The "send last week's catch-up now" button. */
  | { kind: 'catch-up'; catchUp: CatchUpOutcome }
  | { kind: 'unsubscribed'; removed: boolean }
  | ({ kind: 'subscriptions'; subscriptions: Subscription[] } & SubscriptionWords)
  | { kind: 'search'; page: SearchPage }
  | { kind: 'digest'; digest: Digest; partial: boolean }
  | { kind: 'themes'; themes: ThemeSummary[]; week: string }
  | { kind: 'status'; sources: SourceHealth[]; deliveries: DeliveryHealth[] }
  | {
      kind: 'explain';
      story: StoredStory;
      tags: Tag[];
      nearMisses: NearMiss[];
      entities: Entities;
      /** Show the scores beside their words (asked for with `scores:true` / `--scores`). */
      showScores?: boolean;
      /** The asking workspace's corrections of this story, oldest first (absent: none). */
      corrections?: ThemeCorrection[];
    }
  | { kind: 'deadlines'; deadlines: DigestDeadline[]; themes: string[] | 'all' }
  | {
      kind: 'corrected';
      story: CorrectedStory;
      added: string[];
      removed: string[];
      /** Changes asked for that were already so (e.g. +procurement on a procurement story). */
      unchanged: string[];
      /** The story's themes in this workspace after the correction. */
      themes: string[];
      note: string | null;
    }
  | { kind: 'corrections'; corrections: CorrectionListItem[] }
  | EmailResult
  | { kind: 'help'; topic: CommandName | null; lines: HelpLine[] };

/** The first scheduled catch-up after a subscribe: its period label and due instant (ISO). */
export interface FirstDigest {
  cadence: Cadence;
  /** "2026-W49" or, for a daily channel, "2026-12-07". */
  label: string;
  at: string;
}

/**
 * Last week's catch-up, asked for now: queued (the delivery job posts it within a minute),
 * already queued or sent to this channel before, or unavailable (with the reason).
 */
export type CatchUpOutcome =
  | { status: 'queued' | 'already'; week: string }
  | { status: 'unavailable'; week: string; reason: string };

/** What a subscription answer needs to be read in plain words (commands/plain-words.ts). */
export interface SubscriptionWords {
  /** Full names of the organisations followed, by id (an id without a known name is absent). */
  organisationNames?: Readonly<Record<string, string>>;
  /** The configured day and time, for subscriptions without their own schedule. */
  defaultSchedule?: { day: number; time: string } | null;
}

export type {
  CorrectedStory,
  CorrectionListItem,
  ThemeCorrection,
  WorkspaceRef,
} from './correction-types.js';
import type {
  CorrectedStory,
  CorrectionListItem,
  ThemeCorrection,
  WorkspaceRef,
} from './correction-types.js';

export interface HelpLine {
  usage: string;
  description: string;
}

/**
 * What the commands may ask of the rest of the system. Built by the composition root from the
 * store, tagging and digest modules; tests build it the same way over a real database.
 */
export interface CommandDeps {
  themes(): readonly { id: string; label: string; description: string }[];
  sourceIds(): readonly string[];
  /** Resolves a typed organisation name or id to canonical ids (empty when unknown). */
  resolveOrganisation(text: string): string[];
  /** Theme filters and hit themes follow `workspace`'s corrections when it is given. */
  search(query: SearchQuery, workspace?: WorkspaceRef): SearchPage;
  /**
   * Story by id, reference or URL, with a fresh tagging decision (tags and near misses) for
   * explanation, and `workspace`'s corrections of it when given.
   */
  explain(
    target: string,
    workspace?: WorkspaceRef,
  ): {
    story: StoredStory;
    tags: Tag[];
    nearMisses: NearMiss[];
    entities: Entities;
    corrections?: ThemeCorrection[];
  } | null;
  countByThemeInWeek(week: string): Record<string, number>;
  /**
   * The digest of a week (ISO week string), built from the archive, with `workspace`'s corrections
   * applied to its theme sections when given.
   */
  buildDigest(week: string, now: Date, workspace?: WorkspaceRef): Digest;
  corrections: {
    /** The story an id, reference or link names, with its themes as `workspace` sees them. */
    find(
      target: string,
      workspace: WorkspaceRef,
    ): { story: CorrectedStory; themes: string[] } | null;
    record(
      input: WorkspaceRef & {
        storyId: string;
        added: readonly string[];
        removed: readonly string[];
        userId: string;
        channelId: string;
        note: string | null;
      },
      now: Date,
    ): ThemeCorrection[];
    /** The workspace's corrections, newest first. */
    recent(workspace: WorkspaceRef, limit: number): CorrectionListItem[];
  };
  /** ISO week strings in the configured time zone. */
  currentWeek(now: Date): string;
  subscriptions: {
    get(platform: ChannelPlatform, workspaceId: string, channelId: string): Subscription | null;
    upsert(
      input: Omit<Subscription, 'id' | 'createdAt' | 'pausedReason'>,
      now: Date,
    ): { subscription: Subscription; created: boolean };
    remove(platform: ChannelPlatform, workspaceId: string, channelId: string): boolean;
    list(platform: ChannelPlatform, workspaceId: string): Subscription[];
  };
  sourceHealth(): SourceHealth[];
  deliveryHealth(
    platform: ChannelPlatform,
    workspaceId: string,
    channelId: string | null,
  ): DeliveryHealth[];
  /** The chat `email` command's store and opt-in (absent: email is not set up here). */
  email?: EmailChatDeps;
  /** Whether subscribe/unsubscribe require isAdmin on this platform. */
  subscribeNeedsAdmin(platform: ChannelPlatform): boolean;
  /** Whether `email add`/`remove` require isAdmin (EMAIL_CHAT_PERMISSION, never looser). */
  emailNeedsAdmin(platform: ChannelPlatform): boolean;
  /** Canonical display name of an organisation id, for messages (null when unknown). */
  organisationName?(id: string): string | null;
  /**
   * An organisation's line of succession (itself, what it became, what it came from), for
   * `org:<name>+succession`; absent means only the organisation itself.
   */
  organisationSuccession?(id: string): string[];
  /** Ids of organisations spelt close to text that resolved to nothing, best first (few). */
  suggestOrganisations?(text: string): string[];
  /** The configured digest day and time, used when `subscribe` gives only one of day/time. */
  defaultSchedule?(): { day: number; time: string };
  upcomingDeadlines?(now: Date): DigestDeadline[];
  /** The channel's first scheduled catch-up due at or after `from`. */
  nextDigest?(subscription: Subscription, from: Date): FirstDigest;
  /**
   * Queues last week's catch-up for the channel now, through the outbox (once per channel and
   * week). Absent where this process cannot post (no delivery adapters).
   */
  sendCatchUpNow?(subscription: Subscription, now: Date): CatchUpOutcome;
  /** Called with unexpected errors that runCommand turned into a generic error result. */
  reportError?(error: unknown, request: CommandRequest, invocation: Invocation): void;
}
