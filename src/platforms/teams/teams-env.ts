// Teams settings read from the env in one place, so `run` and the one-shot commands (`deliver`,
// `digest --post`) build the same adapter. The command prefix in hints is "@Briefing", the bot's
// name in config/teams/manifest.json.
import type { Env } from '../../config/env.js';
import type { DeliveryAdapter } from '../../delivery/adapter.js';
import type { Logger } from '../../logging.js';
import { createBotAdapter, type TeamsIdentity } from './create-bot.js';
import { createTeamsDeliveryAdapter } from './delivery-adapter.js';

export const TEAMS_COMMAND_PREFIX = '@Briefing';

export type TeamsEnv = Pick<
  Env,
  'TEAMS_APP_ID' | 'TEAMS_APP_PASSWORD' | 'TEAMS_TENANT_ID' | 'TEAMS_SERVICE_URL'
>;

export function readTeamsIdentity(env: TeamsEnv): TeamsIdentity {
  const missing = (['TEAMS_APP_ID', 'TEAMS_APP_PASSWORD', 'TEAMS_TENANT_ID'] as const).filter(
    (key) => env[key] === undefined,
  );
  if (missing.length > 0) throw new Error(`teams: set ${missing.join(', ')}`);
  return {
    appId: env.TEAMS_APP_ID!,
    password: env.TEAMS_APP_PASSWORD!,
    tenantId: env.TEAMS_TENANT_ID!,
  };
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
