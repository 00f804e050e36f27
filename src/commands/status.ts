// `status`: the health of every source (last success, last error, back-off) and of deliveries to
// this channel (last digest delivered, parts pending, last error, a pause and its reason).
import type { CommandDeps, CommandResult, Invocation } from './types.js';

export function runStatus(invocation: Invocation, deps: CommandDeps): CommandResult {
  return {
    kind: 'status',
    sources: deps.sourceHealth(),
    deliveries: deps.deliveryHealth(
      invocation.platform,
      invocation.workspaceId,
      invocation.channelId,
    ),
  };
}
