// Who may change what a channel receives. The platform decides `isAdmin` (a Slack workspace admin,
// a Discord member with the configured permission); the deployment decides whether it matters.
import { commandError, type CommandError } from './command-error.js';
import type { CommandDeps, Invocation } from './types.js';

export function checkSubscribePermission(
  invocation: Invocation,
  deps: CommandDeps,
): CommandError | null {
  if (!deps.subscribeNeedsAdmin(invocation.platform) || invocation.isAdmin) return null;
  const who =
    invocation.platform === 'discord'
      ? 'members with the permission this bot is configured to require (Manage Channels by default)'
      : 'workspace admins';
  return commandError(
    `only ${who} can change this channel's subscription`,
    'Ask one of them to run it; `subscriptions` shows what this channel follows now.',
  );
}
