// `subscriptions`: every subscription in this workspace or server, for anyone to read.
import type { CommandDeps, CommandResult, Invocation } from './types.js';

export function runSubscriptions(invocation: Invocation, deps: CommandDeps): CommandResult {
  return {
    kind: 'subscriptions',
    subscriptions: deps.subscriptions.list(invocation.platform, invocation.workspaceId),
  };
}
