// `briefing doctor` for the Teams bot: the app's credentials get a Bot Connector token from the
// configured Entra login endpoint (the same MSAL client-credentials request proactive posts make,
// scope https://api.botframework.com/.default; nothing is posted), and every subscribed
// conversation has a service URL to post to. Proactive posts go to TEAMS_SERVICE_URL (Microsoft's
// documented endpoint for them; see delivery-adapter.ts), so it must be an https URL (http only
// on loopback, for tests). The Bot Connector has no read-only call that proves the bot is still
// in a conversation: a removed bot shows on the next post (the channel is then paused).
import { problemText } from '../../config/config-error.js';
import type { INetworkModule } from '@azure/msal-node';
import type { AccessCheck } from '../plugin.js';
import { createMsalClient } from './msal-client.js';
import { readTeamsIdentity, type TeamsEnv } from './teams-env.js';
import type { TeamsIdentity } from './create-bot.js';

/** Tests: MSAL pointed at a loopback fake of Entra (production: login.microsoftonline.com). */
export interface TeamsAccessOptions {
  msal?: { authorityHost: string; networkClient: INetworkModule };
}

const BOT_CONNECTOR_SCOPE = 'https://api.botframework.com/.default';

export async function checkTeamsAccess(
  env: TeamsEnv,
  conversationIds: readonly string[],
  options: TeamsAccessOptions = {},
): Promise<AccessCheck[]> {
  let identity: TeamsIdentity;
  try {
    identity = readTeamsIdentity(env);
  } catch (error) {
    return [
      {
        name: 'teams credentials',
        status: 'fail',
        detail: problemText(error).replace(/^teams: /, ''),
        fix: 'set TEAMS_APP_ID, TEAMS_TENANT_ID and TEAMS_APP_PASSWORD (or TEAMS_CERT_FILE and TEAMS_CERT_KEY_FILE)',
      },
    ];
  }
  const token = await checkToken(identity, options);
  const service = checkServiceUrl(env.TEAMS_SERVICE_URL);
  const conversations = conversationIds.map((id): AccessCheck =>
    service.ok
      ? { name: `teams conversation ${id}`, status: 'ok', detail: `posts through ${service.url}` }
      : {
          name: `teams conversation ${id}`,
          status: 'fail',
          detail: `no usable service URL (${service.reason})`,
          fix: 'set TEAMS_SERVICE_URL to https://smba.trafficmanager.net/teams/ (the default)',
        },
  );
  return [token, ...conversations];
}

async function checkToken(
  identity: TeamsIdentity,
  options: TeamsAccessOptions,
): Promise<AccessCheck> {
  const name = 'teams token';
  try {
    const msal = createMsalClient({ ...identity, ...(options.msal ?? {}) });
    const result = await msal.acquireTokenByClientCredential({ scopes: [BOT_CONNECTOR_SCOPE] });
    if (!result?.accessToken) throw new Error('Entra returned no access token');
    return {
      name,
      status: 'ok',
      detail: `Entra issued a Bot Connector token for app ${identity.appId} (tenant ${identity.tenantId})`,
    };
  } catch (error) {
    const e = error as { errorCode?: string; message?: string };
    const said = `${e.errorCode ?? ''} ${e.message ?? String(error)}`.replace(/\s+/g, ' ').trim();
    const refused =
      /invalid_client|unauthorized_client|AADSTS7000215|AADSTS700016|AADSTS90002|401/.test(said);
    return {
      name,
      status: 'fail',
      detail: `${refused ? 'Entra refused the app credentials' : 'could not get a token from Entra'} (${said.slice(0, 200)})`,
      fix: refused
        ? 'check TEAMS_APP_ID, TEAMS_TENANT_ID and the secret (TEAMS_APP_PASSWORD) or certificate against the app registration in Entra'
        : 'check the network and HTTPS_PROXY: login.microsoftonline.com must be reachable',
    };
  }
}

function checkServiceUrl(raw: string): { ok: true; url: string } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'TEAMS_SERVICE_URL is not a URL' };
  }
  const loopback =
    url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback))
    return { ok: true, url: url.href };
  return { ok: false, reason: `TEAMS_SERVICE_URL must be https, not ${url.protocol}` };
}
