// `briefing doctor` for Slack: the bot token (auth.test names the workspace and bot user) and,
// for each subscribed channel, whether the bot can post there (conversations.info: member, not
// archived). Read-only calls; a public channel the bot is not in is reported, not joined.
// OAuth mode: each installed workspace's bot token instead (auth.test), one line per workspace;
// its channels are not checked (doctor is given channel ids without their workspace).
import { problemText } from '../../config/config-error.js';
import type { webApi } from '@slack/bolt';
import type { Env } from '../../config/env.js';
import type { PlatformStores, WorkspaceInstallations } from '../installations.js';
import type { AccessCheck } from '../plugin.js';
import { slackErrorName } from './classify-slack-error.js';
import { createSlackDeliveryClient } from './delivery-adapter.js';
import { chooseSlackAuth, wantsSlackOAuth } from './oauth-env.js';
import { authEnv } from './slack-env.js';

const SCOPES_FIX = 'reinstall the app with the scopes in config/slack-manifest.yaml';

async function checkChannel(client: webApi.WebClient, channelId: string): Promise<AccessCheck> {
  const name = `slack channel ${channelId}`;
  try {
    const { channel } = await client.conversations.info({ channel: channelId });
    if (channel?.is_archived) {
      return {
        name,
        status: 'fail',
        detail: 'archived',
        fix: 'unsubscribe it: /briefing unsubscribe',
      };
    }
    if (channel?.is_member === false) {
      return {
        name,
        status: 'warn',
        detail: `#${channel.name ?? channelId}: the bot is not a member`,
        fix: `invite it: /invite @briefing in #${channel.name ?? channelId} (public channels are joined on the next post)`,
      };
    }
    return { name, status: 'ok', detail: `#${channel?.name ?? channelId}: the bot can post` };
  } catch (error) {
    const reason = slackErrorName(error) ?? String(error);
    const fix =
      reason === 'channel_not_found'
        ? 'the channel was deleted or is private without the bot: invite the bot or unsubscribe'
        : reason === 'missing_scope'
          ? SCOPES_FIX
          : 'check the token and the network';
    return { name, status: 'fail', detail: `Slack answered ${reason}`, fix };
  }
}

export async function checkSlackAccess(
  env: Pick<Env, 'SLACK_BOT_TOKEN' | 'SLACK_API_URL'> & Partial<Env>,
  channelIds: readonly string[],
  stores: PlatformStores = {},
): Promise<AccessCheck[]> {
  if (wantsSlackOAuth(env)) {
    try {
      const auth = chooseSlackAuth(authEnv(env), stores);
      if (auth.mode === 'oauth') return await checkInstallations(auth.installations, env);
    } catch (error) {
      return [{ name: 'slack oauth', status: 'fail', detail: problemText(error) }];
    }
  }
  if (!env.SLACK_BOT_TOKEN) {
    return [{ name: 'slack token', status: 'fail', detail: 'SLACK_BOT_TOKEN is not set' }];
  }
  const client = createSlackDeliveryClient({
    token: env.SLACK_BOT_TOKEN,
    ...(env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL } : {}),
    timeoutMs: 10_000,
  });
  try {
    const auth = await client.auth.test();
    const token: AccessCheck = {
      name: 'slack token',
      status: 'ok',
      detail: `valid for workspace ${auth.team ?? auth.team_id ?? '?'} as ${auth.user ?? auth.user_id ?? '?'}`,
    };
    return [token, ...(await Promise.all(channelIds.map((id) => checkChannel(client, id))))];
  } catch (error) {
    const reason = slackErrorName(error) ?? String(error);
    return [
      {
        name: 'slack token',
        status: 'fail',
        detail: `Slack refused it or could not be reached (${reason})`,
        fix: 'copy the Bot User OAuth Token (xoxb-...) from the app settings into SLACK_BOT_TOKEN',
      },
    ];
  }
}

/** OAuth mode: auth.test with each installed workspace's bot token. */
async function checkInstallations(
  installations: WorkspaceInstallations,
  env: Pick<Env, 'SLACK_API_URL'>,
): Promise<AccessCheck[]> {
  const listed = installations.list();
  if (listed.length === 0) {
    return [
      {
        name: 'slack installations',
        status: 'warn',
        detail: 'no workspace has installed the app yet',
        fix: 'open https://<your host>/slack/install and choose a workspace',
      },
    ];
  }
  const checks: AccessCheck[] = [];
  for (const { workspaceId, workspaceName } of listed) {
    const name = `slack workspace ${workspaceName ?? workspaceId} (${workspaceId})`;
    const found = installations.find(workspaceId);
    const token = found.status === 'found' ? found.installation.secrets.bot : undefined;
    if (found.status === 'unreadable' || token === undefined) {
      const detail = found.status === 'unreadable' ? found.reason : 'no bot token stored';
      checks.push({ name, status: 'fail', detail, fix: 'check SLACK_INSTALL_KEY, or reinstall' });
      continue;
    }
    const client = createSlackDeliveryClient({
      token,
      ...(env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL } : {}),
      timeoutMs: 10_000,
    });
    try {
      const auth = await client.auth.test();
      checks.push({
        name,
        status: 'ok',
        detail: `token valid as ${auth.user ?? auth.user_id ?? '?'}`,
      });
    } catch (error) {
      const reason = slackErrorName(error) ?? String(error);
      const fix = 'install the app in that workspace again (Add to Slack)';
      checks.push({ name, status: 'fail', detail: `Slack refused the token (${reason})`, fix });
    }
  }
  return checks;
}
