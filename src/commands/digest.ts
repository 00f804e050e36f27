// `digest`: this week so far (partial), last week, or a past ISO week, as this channel would get
// it (selectForSubscription: its themes, plus the organisations it follows; everything when the
// channel has no subscription). Weeks after the current one are
// an error (there is nothing to show yet, and a typo like 2071 should say so).
import { commandError, type CommandError } from './command-error.js';
import type { IsoWeek } from '../domain.js';
import { viewForChannel } from '../digest/view-for-channel.js';
import { compareWeeks, formatWeek, parseWeek, previousWeek } from '../time/week.js';
import type { CommandDeps, CommandRequest, CommandResult, Invocation } from './types.js';

type DigestRequest = Extract<CommandRequest, { command: 'digest' }>;

export function runDigest(
  request: DigestRequest,
  invocation: Invocation,
  deps: CommandDeps,
): CommandResult {
  const chosen = resolveDigestWeek(request.week, deps.currentWeek(invocation.now));
  if (!chosen.ok) return chosen.error;
  const label = formatWeek(chosen.week);
  // The workspace's corrections apply, as they will to the digest the channel receives.
  const digest = deps.buildDigest(label, invocation.now, {
    platform: invocation.platform,
    workspaceId: invocation.workspaceId,
  });
  const subscription = deps.subscriptions.get(
    invocation.platform,
    invocation.workspaceId,
    invocation.channelId,
  );
  // The same view the channel is sent (everything, when it has no subscription).
  const view = viewForChannel(digest, subscription);
  return { kind: 'digest', digest: view, partial: chosen.partial };
}

/**
 * The week a digest request means, given the current week's label; an error for a week that does
 * not exist or has not started. `briefing digest --week` uses it too, so the answers match.
 */
export function resolveDigestWeek(
  requested: DigestRequest['week'],
  currentLabel: string,
): { ok: true; week: IsoWeek; partial: boolean } | { ok: false; error: CommandError } {
  const current = parseWeek(currentLabel);
  if (!current.ok) throw new Error(`commands: currentWeek returned ${currentLabel}`);
  let week = current.week;
  if (requested === 'last') week = previousWeek(current.week);
  else if (requested !== 'this') {
    const parsed = parseWeek(requested);
    if (!parsed.ok) {
      const error = commandError(
        parsed.reason.slice(0, 120),
        'Use `digest`, `digest last` or `digest 2017-W07`.',
      );
      return { ok: false, error };
    }
    week = parsed.week;
  }
  if (compareWeeks(week, current.week) > 0) {
    const error = commandError(
      `${formatWeek(week)} has not happened yet (this is ${formatWeek(current.week)})`,
      'Use `digest` for this week so far, or a past week such as `digest last`.',
    );
    return { ok: false, error };
  }
  return { ok: true, week, partial: compareWeeks(week, current.week) === 0 };
}
