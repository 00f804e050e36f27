// Starts the Teams bot: the CloudAdapter, the messaging endpoint on TEAMS_HOST:TEAMS_PORT and the
// delivery adapter over the same CloudAdapter. The composition root passes CommandDeps built from
// the store; the bot never opens the database itself.
import type { INetworkModule } from '@azure/msal-node';
import type { CommandDeps } from '../../commands/types.js';
import type { Env } from '../../config/env.js';
import type { DeliveryAdapter } from '../../delivery/adapter.js';
import type { Pacer } from '../../delivery/pace.js';
import type { Logger } from '../../logging.js';
import { createBotAdapter } from './create-bot.js';
import { createTeamsDeliveryAdapter } from './delivery-adapter.js';
import { createTeamsLogic } from './handle-activity.js';
import { startTeamsServer } from './http-server.js';
import { readTeamsIdentity, TEAMS_COMMAND_PREFIX, type TeamsEnv } from './teams-env.js';

export interface StartTeamsOptions {
  env: TeamsEnv & Pick<Env, 'TEAMS_PORT' | 'TEAMS_HOST'>;
  commands: CommandDeps;
  timeZone: string;
  logger: Logger;
  /** Tests: the loopback fake of Entra (see create-bot.ts). */
  authority?: string;
  msal?: { authorityHost: string; networkClient: INetworkModule };
  pacer?: Pacer;
  now?: () => Date;
}

export interface RunningTeams {
  adapter: DeliveryAdapter;
  port: number;
  stop(): Promise<void>;
}

export async function startTeams(options: StartTeamsOptions): Promise<RunningTeams> {
  const identity = readTeamsIdentity(options.env);
  const bot = createBotAdapter(identity, {
    logger: options.logger,
    ...(options.authority ? { authority: options.authority } : {}),
    ...(options.msal ? { msal: options.msal } : {}),
  });
  const logic = createTeamsLogic({
    commands: options.commands,
    timeZone: options.timeZone,
    logger: options.logger,
    tenantId: identity.tenantId,
    commandPrefix: TEAMS_COMMAND_PREFIX,
    ...(options.now ? { now: options.now } : {}),
  });
  const server = await startTeamsServer({
    adapter: bot,
    logic,
    host: options.env.TEAMS_HOST,
    port: options.env.TEAMS_PORT,
    logger: options.logger,
  });
  const adapter = createTeamsDeliveryAdapter({
    adapter: bot,
    appId: identity.appId,
    serviceUrl: options.env.TEAMS_SERVICE_URL,
    commandPrefix: TEAMS_COMMAND_PREFIX,
    ...(options.pacer ? { pacer: options.pacer } : {}),
  });
  return { adapter, port: server.port, stop: () => server.close() };
}
