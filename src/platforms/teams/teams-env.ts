// Teams settings read from the env in one place, so `run` and the one-shot commands (`deliver`,
// `digest --post`) build the same adapter. The command prefix in hints is "@Briefing", the bot's
// name in config/teams/manifest.json.
import { readFileSync } from 'node:fs';
import { ConfigError } from '../../config/config-error.js';
import type { Env } from '../../config/env.js';
import type { DeliveryAdapter } from '../../delivery/adapter.js';
import type { Logger } from '../../logging.js';
import { createBotAdapter, type TeamsIdentity } from './create-bot.js';
import { createTeamsDeliveryAdapter } from './delivery-adapter.js';
import type { TeamsCredential } from './msal-client.js';
import { teamsConfigProblems, type TeamsIdentityEnv } from './teams-env-problems.js';

export const TEAMS_COMMAND_PREFIX = '@Briefing';

export type TeamsEnv = TeamsIdentityEnv & Pick<Env, 'TEAMS_SERVICE_URL'>;

/** The app id, tenant and credential: a certificate when both TEAMS_CERT_* are set, else the secret. */
export function readTeamsIdentity(env: TeamsEnv): TeamsIdentity {
  const problems = teamsConfigProblems(env);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    appId: env.TEAMS_APP_ID!,
    tenantId: env.TEAMS_TENANT_ID!,
    credential: readCredential(env),
  };
}

function readCredential(env: TeamsEnv): TeamsCredential {
  const certFile = env.TEAMS_CERT_FILE;
  const keyFile = env.TEAMS_CERT_KEY_FILE;
  if (certFile !== undefined && keyFile !== undefined) {
    return {
      kind: 'certificate',
      certificatePem: readPem(certFile, 'TEAMS_CERT_FILE'),
      privateKeyPem: readPem(keyFile, 'TEAMS_CERT_KEY_FILE'),
    };
  }
  // teamsConfigProblems has checked that one of the two is complete.
  return { kind: 'secret', password: env.TEAMS_APP_PASSWORD! };
}

function readPem(path: string, name: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError([`teams: cannot read ${name} (${path}: ${code})`]);
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
