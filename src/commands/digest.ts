// `digest`: this week so far (partial), last week, or a past ISO week, as this channel would get
// it (selectForSubscription: its themes, plus the organisations it follows; everything when the
// channel has no subscription). Weeks after the current one are
// an error (there is nothing to show yet, and a typo like 2071 should say so).
import { commandError } from './command-error.js';
import { selectForSubscription } from '../digest/select-for-subscription.js';
import { compareWeeks, formatWeek, parseWeek, previousWeek } from '../time/week.js';
import type { CommandDeps, CommandRequest, CommandResult, Invocation } from './types.js';

type DigestRequest = Extract<CommandRequest, { command: 'digest' }>;

export function runDigest(
  request: DigestRequest,
  invocation: Invocation,
  deps: CommandDeps,
): CommandResult {
  const currentLabel = deps.currentWeek(invocation.now);
  const current = parseWeek(currentLabel);
  if (!current.ok) throw new Error(`commands: currentWeek returned ${currentLabel}`);
  let week = current.week;
  if (request.week === 'last') week = previousWeek(current.week);
  else if (request.week !== 'this') {
    const parsed = parseWeek(request.week);
    if (!parsed.ok) {
      return commandError(
        parsed.reason.slice(0, 120),
        'Use `digest`, `digest last` or `digest 2017-W07`.',
      );
    }
    week = parsed.week;
  }
  const label = formatWeek(week);
  if (compareWeeks(week, current.week) > 0) {
    return commandError(
      `${label} has not happened yet (this is ${formatWeek(current.week)})`,
      'Use `digest` for this week so far, or a past week such as `digest last`.',
    );
  }
  const digest = deps.buildDigest(label, invocation.now);
  const subscription = deps.subscriptions.get(
    invocation.platform,
    invocation.workspaceId,
    invocation.channelId,
  );
  const view = subscription === null ? digest : selectForSubscription(digest, subscription);
  return { kind: 'digest', digest: view, partial: compareWeeks(week, current.week) === 0 };
}
