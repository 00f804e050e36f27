// Why a Slack workspace's channels are paused when the app cannot post there any more, in words
// `status` shows, and which pauses a new install of the app lifts: its own (uninstalled, token
// revoked, not installed) and delivery failures that meant the same thing
// (classify-slack-error.ts names them in brackets). Other pauses (archived channel, bot removed
// from a channel) stay: an install does not fix them.

export const UNINSTALLED_REASON =
  'the app was removed from this Slack workspace; install it again (Add to Slack) to resume';

export const TOKEN_REVOKED_REASON =
  "the app's Slack bot token was revoked; install the app again (Add to Slack) to resume";

export const NOT_INSTALLED_REASON =
  'Slack: the app is not installed in this workspace; install it (Add to Slack) to resume [not_installed]';

const AUTH_ERRORS =
  /\[(token_revoked|token_expired|invalid_auth|account_inactive|not_authed|not_installed)\]$/;

export function isInstallPause(reason: string): boolean {
  return (
    reason === UNINSTALLED_REASON || reason === TOKEN_REVOKED_REASON || AUTH_ERRORS.test(reason)
  );
}
