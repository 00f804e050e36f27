// Composition: builds the real CommandDeps (commands/types.ts) from an open database and the
// loaded configuration. main.ts, the CLI and the platform adapters' tests all use this, so chat
// commands run against exactly the store, tagging and digest code the bot runs.
// Themes and the organisation gazetteer are compiled once here; `explain` re-tags and re-extracts
// with them, so it shows what the current rules decide, not what was stored. Clocks: methods that
// need "now" take it, except search ranking and unsubscribe bookkeeping, which use `now()`
// (injectable). `buildDigest` is the weekly job's own builder, so a preview matches the post.
import type { CommandDeps } from '../commands/types.js';
import type { EmailChatDeps } from '../commands/email-types.js';
import type { AppConfig } from '../config/load.js';
import { formatWeek, parseWeekOrThrow, weekOf, weekRange } from '../time/week.js';
import type { ChannelPlatform, ChannelRef, Platform, StoredStory } from '../domain.js';
import { canonicaliseUrl } from '../ingest/canonical-url.js';
import { buildWeekDigest } from './build-week-digest.js';
import { searchArchive } from './search-archive.js';
import { searchVocabularyOf } from './search-vocabulary-of.js';
import { listUpcomingDeadlines, searchLookups } from './lookup-deps.js';
import { correctionLookups, correctionsOfStory, searchInWorkspace } from './correction-deps.js';
import { nextScheduledDigest, queueCatchUpNow } from './catch-up-now.js';
import type { DeliveryAdapters } from '../delivery/adapter.js';
import type { Logger } from '../logging.js';
import type { Db } from '../store/database.js';
import { listThemeOverrides } from '../store/corrections.js';
import { listSourceHealth } from '../store/source-state.js';
import { listDeliveryHealth } from '../delivery/delivery-health.js';
import { getStory, getStoryByRef } from '../store/stories.js';
import { isStoryRef } from '../text/story-ref.js';
import {
  getSubscription,
  listSubscriptions,
  removeSubscription,
  upsertSubscription,
} from '../store/subscriptions.js';
import { countByThemeBetween } from '../store/tags.js';
import { compileThemes } from '../tagging/compile-themes.js';
import { annotateStory } from '../tagging/annotate-story.js';
import { compileGazetteer } from '../tagging/organisations.js';

/**
 * Who may change subscriptions, per platform: the composition roots pass the registry's rules
 * (platforms/index.ts subscribeRules(env)); the defaults are the rules with an empty env.
 */
export type SubscribePermission = Partial<Record<Platform, 'anyone' | 'admins'>>;

const DEFAULT_PERMISSION: Required<SubscribePermission> = {
  slack: 'anyone',
  discord: 'admins',
  teams: 'anyone',
  // Webhook channels have no chat: only the CLI (an admin) subscribes them.
  'teams-webhook': 'admins',
  email: 'admins',
};

export interface CommandDepsInit {
  db: Db;
  config: AppConfig;
  logger?: Logger;
  /** Clock for search ranking and unsubscribe bookkeeping; defaults to the wall clock. */
  now?: () => Date;
  subscribePermission?: SubscribePermission;
  /**
   * Where `subscribe ... now` queues last week's catch-up: the delivery adapters (main.ts passes
   * its map, filled as platforms start) and the digests folder. Without it, `now` says it cannot.
   */
  delivery?: { adapters: DeliveryAdapters; digestsDir: string };
  /** The chat `email` command's store and opt-in (email-chat-deps.ts); absent: not set up. */
  email?: EmailChatDeps;
  /** EMAIL_CHAT_PERMISSION; absent means admins (mail reaches people outside the channel). */
  emailPermission?: 'anyone' | 'admins';
}

export function buildCommandDeps(init: CommandDepsInit): CommandDeps {
  const { db, config } = init;
  const clock = init.now ?? (() => new Date());
  // The in-memory channels of tests and the demo are not a Platform: anyone may subscribe them.
  const permission: Partial<Record<ChannelPlatform, 'anyone' | 'admins'>> = {
    ...DEFAULT_PERMISSION,
    ...init.subscribePermission,
  };
  const timeZone = config.settings.timeZone;
  const sourceNames = new Map(config.sources.map((s) => [s.id, s.name]));
  const channel = (
    platform: ChannelPlatform,
    workspaceId: string,
    channelId: string,
  ): ChannelRef => ({ platform, workspaceId, channelId });

  const findStory = (target: string) => {
    const direct = getStory(db, target);
    if (direct !== null) return direct;
    if (isStoryRef(target)) return getStoryByRef(db, target);
    const canonical = canonicaliseUrl(target);
    return canonical !== null && canonical !== target ? getStory(db, canonical) : null;
  };

  return {
    // Theme and source names, the default schedule and the organisation lookups.
    ...searchLookups(db, config),
    search: (query, workspace) =>
      searchArchive(db, query, clock(), {
        timeZone,
        sourceNames,
        vocabulary: searchVocabularyOf(config),
        // The asking workspace's theme corrections apply to the theme filter and hit themes.
        searchStore: (q, options) => searchInWorkspace(db, q, clock(), options, workspace),
      }),
    explain: explainLookup(db, config, findStory),
    corrections: correctionLookups(db, findStory),
    countByThemeInWeek: (week) => {
      const { startsAt, endsAt } = weekRange(parseWeekOrThrow(week), timeZone);
      return countByThemeBetween(db, startsAt.toISOString(), endsAt.toISOString());
    },
    // The same builder the weekly job posts with, so a preview matches what the channel gets.
    // With a workspace, its corrections file stories as the channel's digest will.
    buildDigest: digestBuilder(db, config),
    currentWeek: (now) => formatWeek(weekOf(now, timeZone)),
    upcomingDeadlines: (now) => listUpcomingDeadlines(db, now),
    subscriptions: {
      get: (platform, workspaceId, channelId) =>
        getSubscription(db, channel(platform, workspaceId, channelId)),
      upsert: (input, now) => upsertSubscription(db, input, now),
      remove: (platform, workspaceId, channelId) =>
        removeSubscription(db, channel(platform, workspaceId, channelId), clock()),
      list: (platform, workspaceId) => listSubscriptions(db, platform, workspaceId),
    },
    sourceHealth: () => listSourceHealth(db, config.sources),
    // Pause reasons and weeks skipped after downtime come first as the channel's last error.
    deliveryHealth: (platform, workspaceId, channelId) =>
      listDeliveryHealth(db, platform, workspaceId, channelId, clock()),
    subscribeNeedsAdmin: (platform) => permission[platform] === 'admins',
    emailNeedsAdmin: (platform) =>
      (init.emailPermission ?? 'admins') === 'admins' || permission[platform] === 'admins',
    nextDigest: (subscription, from) => nextScheduledDigest(config, subscription, from),
    ...(init.email ? { email: init.email } : {}),
    ...(init.delivery ? { sendCatchUpNow: catchUpSender(init, init.delivery) } : {}),
    reportError: (error, request, invocation) => {
      init.logger?.error(
        {
          err: error,
          command: request.command,
          platform: invocation.platform,
          workspace: invocation.workspaceId,
          channel: invocation.channelId,
        },
        'command failed',
      );
    },
  };
}

/** The week's digest, with a workspace's corrections filing its stories when one is given. */
function digestBuilder(db: Db, config: AppConfig): CommandDeps['buildDigest'] {
  return (week, now, workspace) => {
    const overrides = workspace ? listThemeOverrides(db, workspace) : undefined;
    return buildWeekDigest(db, config, parseWeekOrThrow(week), now, undefined, overrides);
  };
}

/** `explain`: the story re-tagged with the current rules, and the workspace's corrections. */
function explainLookup(
  db: Db,
  config: AppConfig,
  findStory: (target: string) => StoredStory | null,
): CommandDeps['explain'] {
  // Compiled on the first explain, not when the deps are built: most commands never explain.
  let compiled: ReturnType<typeof compileThemes> | undefined;
  let gazetteer: ReturnType<typeof compileGazetteer> | undefined;
  return (target, workspace) => {
    const story = findStory(target);
    if (story === null) return null;
    compiled ??= compileThemes(config.themes);
    gazetteer ??= compileGazetteer(config.organisations);
    const corrections = correctionsOfStory(db, workspace, story.id);
    return {
      story,
      ...annotateStory(story, compiled, gazetteer),
      ...(corrections.length > 0 ? { corrections } : {}),
    };
  };
}

function catchUpSender(
  init: CommandDepsInit,
  delivery: NonNullable<CommandDepsInit['delivery']>,
): NonNullable<CommandDeps['sendCatchUpNow']> {
  const deps = { db: init.db, config: init.config, ...delivery };
  return (subscription, now) =>
    queueCatchUpNow(init.logger ? { ...deps, logger: init.logger } : deps, subscription, now);
}
