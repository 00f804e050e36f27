// `subscribe`: sets what this channel's catch-up contains (themes or all, organisations to
// follow), optionally its own day and time, its cadence (weekly or daily) and alerts. Re-checks
// the request, whoever built it (Slack, Discord or the CLI), resolves organisation names to
// canonical ids, then upserts. The answer says when the first catch-up arrives; with `now`, last
// week's catch-up is also queued at once (the scheduled first one then is the one after it).
import { checkSubscribePermission } from './check-permission.js';
import { commandError, quoteInput, unknownChoice } from './command-error.js';
import { splitSuccession } from './organisation-succession.js';
import { unknownOrganisation } from './unknown-organisation.js';
import { collectSubscriptionWords } from './subscriptions.js';
import type {
  CatchUpOutcome,
  CommandDeps,
  CommandRequest,
  CommandResult,
  FirstDigest,
  Invocation,
} from './types.js';
import type { Subscription } from '../domain.js';

type SubscribeRequest = Extract<CommandRequest, { command: 'subscribe' }>;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function runSubscribe(
  request: SubscribeRequest,
  invocation: Invocation,
  deps: CommandDeps,
): CommandResult {
  const denied = checkSubscribePermission(invocation, deps);
  if (denied) return denied;
  const ids = deps.themes().map((t) => t.id);
  if (request.themes !== 'all') {
    for (const theme of request.themes) {
      if (!ids.includes(theme)) {
        return commandError(
          unknownChoice('theme', theme, ids),
          'Try `subscribe carter stp` or `subscribe all`.',
        );
      }
    }
    if (request.themes.length === 0 && request.organisations.length === 0) {
      return commandError('say which themes this channel should follow', 'Try `subscribe all`.');
    }
  }
  const schedule = request.schedule;
  if (
    schedule !== null &&
    (!Number.isInteger(schedule.day) ||
      schedule.day < 0 ||
      schedule.day > 6 ||
      !HHMM.test(schedule.time))
  ) {
    return commandError('that digest day or time is not valid', 'Use `day:monday time:08:30`.');
  }
  const organisations: string[] = [];
  for (const typed of request.organisations) {
    const { name, follow } = splitSuccession(typed);
    const resolved = deps.resolveOrganisation(name);
    if (resolved.length === 0) {
      return unknownOrganisation(name, deps);
    }
    if (resolved.length > 1) {
      const shown = resolved
        .slice(0, 5)
        .map((id) => {
          const full = deps.organisationName?.(id);
          return full ? `${full} (${id})` : id;
        })
        .join('; ');
      return commandError(
        `${quoteInput(name)} matches ${resolved.length} organisations: ${shown}`,
        'Give a fuller name, or one of the codes shown: `org:RNA`.',
      );
    }
    // `+succession` follows the organisation into what it became (and what it came from).
    const line = follow ? (deps.organisationSuccession?.(resolved[0]!) ?? resolved) : resolved;
    for (const id of line) if (!organisations.includes(id)) organisations.push(id);
  }
  const { subscription, created } = deps.subscriptions.upsert(
    {
      platform: invocation.platform,
      workspaceId: invocation.workspaceId,
      channelId: invocation.channelId,
      themes: request.themes === 'all' ? 'all' : [...request.themes],
      organisations,
      schedule: schedule === null ? null : { ...schedule },
      createdBy: invocation.userId,
      ...(request.cadence ? { cadence: request.cadence } : {}),
      ...(request.alerts !== undefined ? { alerts: request.alerts } : {}),
      ...(request.offTopic !== undefined ? { includeOffTopic: request.offTopic } : {}),
    },
    invocation.now,
  );
  const catchUp = request.now ? catchUpNow(subscription, invocation.now, deps) : undefined;
  const firstDigest = firstScheduled(subscription, invocation.now, catchUp, deps);
  return {
    kind: 'subscribed',
    subscription,
    created,
    ...(firstDigest ? { firstDigest } : {}),
    ...(catchUp ? { catchUp } : {}),
    ...collectSubscriptionWords([subscription], deps),
  };
}

/** Last week's catch-up now, or why it cannot be sent from here. */
export function catchUpNow(
  subscription: Subscription,
  now: Date,
  deps: CommandDeps,
): CatchUpOutcome {
  if (deps.sendCatchUpNow) return deps.sendCatchUpNow(subscription, now);
  return { status: 'unavailable', week: '', reason: 'this process does not post to channels' };
}

/**
 * The first scheduled catch-up due from now. When `now` just queued the same week (subscribing on
 * a Monday before the digest time), the scheduled one is the week after: the week goes out once.
 */
function firstScheduled(
  subscription: Subscription,
  now: Date,
  catchUp: CatchUpOutcome | undefined,
  deps: CommandDeps,
): FirstDigest | null {
  if (!deps.nextDigest) return null;
  const first = deps.nextDigest(subscription, now);
  if (catchUp?.status === 'unavailable' || catchUp?.week !== first.label) return first;
  return deps.nextDigest(subscription, new Date(Date.parse(first.at) + 1));
}
