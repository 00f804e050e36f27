// Uninstall and token revocation (OAuth mode), from the Events API: Slack sends `app_uninstalled`
// when a workspace removes the app and `tokens_revoked` (with the user ids whose bot or user
// tokens died) when tokens are revoked; their order is not guaranteed
// (https://docs.slack.dev/reference/events/app_uninstalled, .../tokens_revoked). Bolt skips
// authorization for these two (the tokens are gone) but still verifies the request signature.
// Either way the bot can no longer post, so the installation is deleted and the workspace's
// channels are paused with a reason `status` shows; "Add to Slack" again resumes them.
// A revoked user token alone changes nothing for digests: only that token is dropped.
import type { App } from '@slack/bolt';
import type { Logger } from '../../logging.js';
import type { WorkspaceInstallations } from '../installations.js';
import { TOKEN_REVOKED_REASON, UNINSTALLED_REASON } from './install-pauses.js';

interface EventContext {
  installations: WorkspaceInstallations;
  logger: Logger;
  now: () => Date;
}

export function registerInstallEvents(app: App, ctx: EventContext): void {
  app.event('app_uninstalled', async ({ context, body }) => {
    const teamId = context.teamId ?? body.team_id;
    if (teamId) stopWorkspace(ctx, teamId, UNINSTALLED_REASON, 'app_uninstalled');
  });
  app.event('tokens_revoked', async ({ context, body, event }) => {
    const teamId = context.teamId ?? body.team_id;
    if (!teamId) return;
    if ((event.tokens.bot ?? []).length > 0) {
      stopWorkspace(ctx, teamId, TOKEN_REVOKED_REASON, 'tokens_revoked');
      return;
    }
    if ((event.tokens.oauth ?? []).length > 0) dropUserToken(ctx, teamId);
  });
}

function stopWorkspace(ctx: EventContext, teamId: string, reason: string, event: string): void {
  const now = ctx.now();
  const removed = ctx.installations.remove(teamId);
  const paused = ctx.installations.pauseWorkspace(teamId, reason, now);
  ctx.logger.info(
    { platform: 'slack', team: teamId, event, removed, paused },
    'slack: workspace can no longer be posted to; its channels are paused',
  );
}

function dropUserToken(ctx: EventContext, teamId: string): void {
  const found = ctx.installations.find(teamId);
  if (found.status !== 'found' || found.installation.secrets.user === undefined) return;
  const { user: _user, userRefresh: _refresh, ...rest } = found.installation.secrets;
  ctx.installations.save({ ...found.installation, secrets: rest }, ctx.now());
  ctx.logger.info({ platform: 'slack', team: teamId }, 'slack: user token revoked; dropped');
}
