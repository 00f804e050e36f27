// The "Add to Slack" half of the Bolt App's options (OAuth mode). Bolt's HTTP receiver then
// serves GET /slack/install (sets the signed state cookie and redirects to Slack's authorize
// page: directInstall, no intermediate page) and GET /slack/oauth_redirect (checks the state
// against the cookie, exchanges the code with oauth.v2.access, stores the installation through
// our InstallationStore), and authorizes every request with the workspace's stored bot token
// (https://docs.slack.dev/tools/bolt-js/concepts/authenticating-oauth). `apiUrl` points the
// code exchange at SLACK_API_URL too (GovSlack, tests).
import type { AppOptions } from '@slack/bolt';
import type { Logger } from '../../logging.js';
import type { WorkspaceInstallations } from '../installations.js';
import { createInstallationStore } from './installation-store.js';
import { SLACK_BOT_SCOPES } from './scopes.js';

export interface SlackOAuthOptions {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  installations: WorkspaceInstallations;
}

export function oauthAppOptions(
  oauth: SlackOAuthOptions,
  slackApiUrl: string | undefined,
  logger: Logger,
  now: () => Date,
): Partial<AppOptions> {
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: [...SLACK_BOT_SCOPES],
    installationStore: createInstallationStore(oauth.installations, logger, now),
    installerOptions: {
      directInstall: true,
      clientOptions: slackApiUrl ? { slackApiUrl } : {},
      callbackOptions: {
        success: (_installation, _options, _req, res) => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(
            pageHtml(
              'Installed',
              'The NHS briefing bot is installed. Use /briefing help in a channel to start.',
            ),
          );
        },
        failure: (error, _options, _req, res) => {
          logger.warn({ platform: 'slack', err: error }, 'slack: install failed');
          res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
          res.end(
            pageHtml(
              'Not installed',
              'The installation did not complete. Start again from the install link.',
            ),
          );
        },
      },
    },
  };
}

/** A minimal page (fixed text only: nothing from the request is echoed). */
function pageHtml(title: string, text: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`;
}
