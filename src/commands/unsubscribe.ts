// `unsubscribe`: stops this channel's weekly catch-up. Saying so when there was nothing to stop.
import { checkSubscribePermission } from './check-permission.js';
import type { CommandDeps, CommandResult, Invocation } from './types.js';

export function runUnsubscribe(invocation: Invocation, deps: CommandDeps): CommandResult {
  const denied = checkSubscribePermission(invocation, deps);
  if (denied) return denied;
  const removed = deps.subscriptions.remove(
    invocation.platform,
    invocation.workspaceId,
    invocation.channelId,
  );
  return { kind: 'unsubscribed', removed };
}
