// Who may change what a channel receives. The platform decides `isAdmin` (a Slack workspace admin,
// a Discord member with the configured permission); the deployment decides whether it matters.
// Corrections change what the whole workspace's searches and digests show, so they follow the
// same setting as subscribing (one switch: SLACK_SUBSCRIBE_PERMISSION / DISCORD_...).
import { commandError, type CommandError } from './command-error.js';
import type { CommandDeps, Invocation } from './types.js';

export function checkSubscribePermission(
  invocation: Invocation,
  deps: CommandDeps,
): CommandError | null {
  if (!deps.subscribeNeedsAdmin(invocation.platform) || invocation.isAdmin) return null;
  return commandError(
    `only ${describeAdmins(invocation)} can change this channel's subscription`,
    'Ask one of them to run it; `subscriptions` shows what this channel follows now.',
  );
}

export function checkCorrectPermission(
  invocation: Invocation,
  deps: CommandDeps,
): CommandError | null {
  if (!deps.subscribeNeedsAdmin(invocation.platform) || invocation.isAdmin) return null;
  return commandError(
    `only ${describeAdmins(invocation)} can correct themes here`,
    'Ask one of them to run it; `corrections` shows the corrections made here so far.',
  );
}

/** `email add|remove`: the same switch as subscribing on the platform the command came from. */
export function checkEmailPermission(
  invocation: Invocation,
  deps: CommandDeps,
): CommandError | null {
  if (!deps.emailNeedsAdmin(invocation.platform) || invocation.isAdmin) return null;
  if (invocation.platform === 'teams') {
    // Teams shows a bot no owner or admin role, so "admins only" leaves only the CLI.
    return commandError(
      'in Teams, email addresses are added from the command line (`briefing subscribe --platform email`)',
      "Or the bot's operator sets EMAIL_CHAT_PERMISSION=anyone to let anyone in a channel add them.",
    );
  }
  return commandError(
    `only ${describeAdmins(invocation)} can add or remove email addresses here`,
    'Ask one of them to run it; `email list` shows the addresses added here.',
  );
}

function describeAdmins(invocation: Invocation): string {
  return invocation.platform === 'discord'
    ? 'members with the permission this bot is configured to require (Manage Channels by default)'
    : 'workspace admins';
}
