// Bolt's InstallationStore (@slack/oauth) over our WorkspaceInstallations: Bolt calls
// storeInstallation after "Add to Slack" succeeds and fetchInstallation to authorize every
// incoming request (https://docs.slack.dev/tools/node-slack-sdk/reference/oauth/interfaces/InstallationStore).
// The tokens travel apart from the rest of the record, so the store can seal them; a new
// install lifts the pauses an uninstall or revocation left on the workspace's channels.
// Org-wide (Enterprise Grid) installs are refused: subscriptions are kept per workspace.
import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { Logger } from '../../logging.js';
import type { WorkspaceInstallation, WorkspaceInstallations } from '../installations.js';
import { isInstallPause } from './install-pauses.js';

type AnyInstallation = Installation<'v1' | 'v2', boolean>;

export function createInstallationStore(
  installations: WorkspaceInstallations,
  logger: Logger,
  now: () => Date = () => new Date(),
): InstallationStore {
  const log = logger.child({ platform: 'slack' });
  return {
    async storeInstallation(installation) {
      const record = splitSecrets(installation);
      installations.save(record, now());
      const resumed = installations.resumeWorkspace(record.workspaceId, isInstallPause, now());
      log.info({ team: record.workspaceId, resumed }, 'slack: app installed in a workspace');
    },
    async fetchInstallation(query) {
      const found = installations.find(teamOf(query));
      if (found.status === 'found') return joinSecrets(found.installation);
      // Bolt turns this into an AuthorizationError and answers nothing for the request.
      throw new Error(
        found.status === 'missing'
          ? `slack: the app is not installed in workspace ${teamOf(query)}`
          : `slack: ${found.reason}`,
      );
    },
    async deleteInstallation(query) {
      installations.remove(teamOf(query));
    },
  };
}

function teamOf(query: InstallationQuery<boolean>): string {
  if (query.isEnterpriseInstall || !query.teamId)
    throw new Error('slack: org-wide (Enterprise Grid) installs are not supported');
  return query.teamId;
}

/** The record without tokens, and the tokens on their own (bot, and user if any). */
export function splitSecrets(installation: AnyInstallation): WorkspaceInstallation {
  if (installation.isEnterpriseInstall || !installation.team?.id) {
    throw new Error(
      'slack: org-wide (Enterprise Grid) installs are not supported; install the app in each workspace',
    );
  }
  const secrets: Record<string, string> = {};
  const details = structuredClone(installation) as AnyInstallation;
  if (details.bot) {
    secrets.bot = details.bot.token;
    if (details.bot.refreshToken) secrets.botRefresh = details.bot.refreshToken;
    details.bot = { ...details.bot, token: '', refreshToken: undefined };
  }
  if (details.user.token) {
    secrets.user = details.user.token;
    if (details.user.refreshToken) secrets.userRefresh = details.user.refreshToken;
    details.user = { ...details.user, token: undefined as never, refreshToken: undefined };
  }
  return {
    workspaceId: installation.team.id,
    enterpriseId: installation.enterprise?.id ?? null,
    workspaceName: installation.team.name ?? null,
    details: JSON.parse(JSON.stringify(details)) as Record<string, unknown>,
    secrets,
  };
}

export function joinSecrets(record: WorkspaceInstallation): AnyInstallation {
  const installation = structuredClone(record.details) as unknown as AnyInstallation;
  const { bot, botRefresh, user, userRefresh } = record.secrets;
  if (installation.bot && bot !== undefined) {
    installation.bot.token = bot;
    if (botRefresh !== undefined) installation.bot.refreshToken = botRefresh;
  } else {
    // A record whose bot token was revoked: no bot (Bolt then authorizes nothing as the bot).
    delete installation.bot;
  }
  if (user !== undefined) {
    installation.user.token = user;
    if (userRefresh !== undefined) installation.user.refreshToken = userRefresh;
  }
  return installation;
}
