// Uninstall and token revocation (OAuth mode), from the Events API: Slack sends `app_uninstalled`
// when a workspace removes the app and `tokens_revoked` (with the user ids whose bot or user
// tokens died) when tokens are revoked; their order is not guaranteed
// (https://docs.slack.dev/reference/events/app_uninstalled, .../tokens_revoked). Bolt skips
// authorization for these two (the tokens are gone) but still verifies the request signature.
// Either way the bot can no longer post, so the installation is deleted and the workspace's
// channels are paused with a reason `status` shows; "Add to Slack" again resumes them.
// A revoked user token alone changes nothing for digests: only that token is dropped.
// Each event ends in one log line, `slack: install event handled`.
import type { App } from '@slack/bolt';
import type { Logger } from '../../logging.js';
import type { WorkspaceInstallations } from '../installations.js';
import { TOKEN_REVOKED_REASON, UNINSTALLED_REASON } from './install-pauses.js';

interface EventContext {
  installations: WorkspaceInstallations;
  logger: Logger;
  now: () => Date;
}

type Outcome = { removed: boolean; paused: number } | { userTokenDropped: boolean };

export function registerInstallEvents(app: App, ctx: EventContext): void {
  app.event('app_uninstalled', async ({ context, body }) => {
    const teamId = context.teamId ?? body.team_id;
    if (!teamId) return;
    logHandled(ctx, 'app_uninstalled', teamId, stopWorkspace(ctx, teamId, UNINSTALLED_REASON));
  });
  app.event('tokens_revoked', async ({ context, body, event }) => {
    const teamId = context.teamId ?? body.team_id;
    if (!teamId) return;
    const outcome =
      (event.tokens.bot ?? []).length > 0
        ? stopWorkspace(ctx, teamId, TOKEN_REVOKED_REASON)
        : { userTokenDropped: dropUserToken(ctx, teamId) };
    logHandled(ctx, 'tokens_revoked', teamId, outcome);
  });
}

function stopWorkspace(ctx: EventContext, teamId: string, reason: string): Outcome {
  const now = ctx.now();
  const removed = ctx.installations.remove(teamId);
  return { removed, paused: ctx.installations.pauseWorkspace(teamId, reason, now) };
}

function dropUserToken(ctx: EventContext, teamId: string): boolean {
  const found = ctx.installations.find(teamId);
  if (found.status !== 'found' || found.installation.secrets.user === undefined) return false;
  const { user: _user, userRefresh: _refresh, ...rest } = found.installation.secrets;
  ctx.installations.save({ ...found.installation, secrets: rest }, ctx.now());
  return true;
}

function logHandled(ctx: EventContext, event: string, teamId: string, outcome: Outcome): void {
  ctx.logger.info(
    { platform: 'slack', team: teamId, event, ...outcome },
    'slack: install event handled',
  );
}
