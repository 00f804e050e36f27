// The "send last week's catch-up now" button beside a subscribe answer (Slack and Discord): the
// same permission as subscribe (it posts to the channel), and the channel must be subscribed.
import { checkSubscribePermission } from './check-permission.js';
import { commandError } from './command-error.js';
import { catchUpNow } from './subscribe.js';
import type { CommandDeps, CommandResult, Invocation } from './types.js';

export function runCatchUp(invocation: Invocation, deps: CommandDeps): CommandResult {
  const denied = checkSubscribePermission(invocation, deps);
  if (denied) return denied;
  const subscription = deps.subscriptions.get(
    invocation.platform,
    invocation.workspaceId,
    invocation.channelId,
  );
  if (subscription === null) {
    return commandError(
      'this channel is not subscribed',
      'Use `subscribe all now` to subscribe and get last week’s catch-up at once.',
    );
  }
  return { kind: 'catch-up', catchUp: catchUpNow(subscription, invocation.now, deps) };
}
