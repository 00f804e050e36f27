// Teams settings read from the env in one place, so `run` and the one-shot commands (`deliver`,
// `digest --post`) build the same adapter. The command prefix in hints is "@Briefing", the bot's
// name in config/teams/manifest.json.
import { readFileSync } from 'node:fs';
import type { Env } from '../../config/env.js';
import type { DeliveryAdapter } from '../../delivery/adapter.js';
import type { Logger } from '../../logging.js';
import { createBotAdapter, type TeamsIdentity } from './create-bot.js';
import { createTeamsDeliveryAdapter } from './delivery-adapter.js';
import type { TeamsCredential } from './msal-client.js';

export const TEAMS_COMMAND_PREFIX = '@Briefing';

export type TeamsEnv = Pick<
  Env,
  | 'TEAMS_APP_ID'
  | 'TEAMS_APP_PASSWORD'
  | 'TEAMS_CERT_FILE'
  | 'TEAMS_CERT_KEY_FILE'
  | 'TEAMS_TENANT_ID'
  | 'TEAMS_SERVICE_URL'
>;

/** The app id, tenant and credential: a certificate when both TEAMS_CERT_* are set, else the secret. */
export function readTeamsIdentity(env: TeamsEnv): TeamsIdentity {
  const missing = (['TEAMS_APP_ID', 'TEAMS_TENANT_ID'] as const).filter(
    (k) => env[k] === undefined,
  );
  if (missing.length > 0) throw new Error(`teams: set ${missing.join(', ')}`);
  return {
    appId: env.TEAMS_APP_ID!,
    tenantId: env.TEAMS_TENANT_ID!,
    credential: readCredential(env),
  };
}

function readCredential(env: TeamsEnv): TeamsCredential {
  const certFile = env.TEAMS_CERT_FILE;
  const keyFile = env.TEAMS_CERT_KEY_FILE;
  if (certFile !== undefined || keyFile !== undefined) {
    if (certFile === undefined || keyFile === undefined)
      throw new Error('teams: set both TEAMS_CERT_FILE and TEAMS_CERT_KEY_FILE');
    return {
      kind: 'certificate',
      certificatePem: readPem(certFile, 'TEAMS_CERT_FILE'),
      privateKeyPem: readPem(keyFile, 'TEAMS_CERT_KEY_FILE'),
    };
  }
  if (env.TEAMS_APP_PASSWORD === undefined)
    throw new Error('teams: set TEAMS_APP_PASSWORD (or TEAMS_CERT_FILE and TEAMS_CERT_KEY_FILE)');
  return { kind: 'secret', password: env.TEAMS_APP_PASSWORD };
}

function readPem(path: string, name: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`teams: cannot read ${name} (${path})`, { cause: error });
  }
}

/** The posting adapter (no HTTP listener): proactive posts only. */
export function createTeamsAdapterFromEnv(env: TeamsEnv, logger: Logger): DeliveryAdapter {
  const identity = readTeamsIdentity(env);
  return createTeamsDeliveryAdapter({
    adapter: createBotAdapter(identity, { logger }),
    appId: identity.appId,
    serviceUrl: env.TEAMS_SERVICE_URL,
    commandPrefix: TEAMS_COMMAND_PREFIX,
  });
}
