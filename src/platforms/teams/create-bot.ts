// Builds the Agents SDK CloudAdapter for our one bot identity: inbound JWT validation settings
// (audience = TEAMS_APP_ID, issuer checked, keys from the issuer's JWKS) and the outbound token
// client (msal-client.ts). Tests pass `authority` (a loopback fake of Entra's discovery and key
// endpoints) and `msal` (MSAL pointed at the same fake); production leaves both to the defaults:
// https://login.microsoftonline.com/<tenant>, and Bot Framework-issued tokens validated against
// Microsoft's published keys by the SDK.
import type { INetworkModule } from '@azure/msal-node';
import { CloudAdapter, type AuthConfiguration } from '@microsoft/agents-hosting';
import type { Logger } from '../../logging.js';
import { createConnections, createMsalClient, type TeamsCredential } from './msal-client.js';

export interface TeamsIdentity {
  appId: string;
  tenantId: string;
  credential: TeamsCredential;
}

export interface CreateBotOptions {
  /** Entra authority origin for JWKS discovery (tests: the fake's http origin). */
  authority?: string;
  /** Outbound MSAL settings for tests: an https host name served by the fake, and its client. */
  msal?: { authorityHost: string; networkClient: INetworkModule };
  logger: Logger;
}

export function createBotAdapter(identity: TeamsIdentity, options: CreateBotOptions): CloudAdapter {
  const settings: AuthConfiguration = {
    clientId: identity.appId,
    tenantId: identity.tenantId,
    validateIssuer: true,
    ...(options.authority ? { authority: options.authority } : {}),
  };
  const adapter = new CloudAdapter(settings);
  const msal = createMsalClient({
    ...identity,
    ...(options.msal ?? {}),
  });
  adapter.connectionManager = createConnections(msal, settings);
  // The SDK's default posts "please fix the source code" into the conversation; our handlers
  // catch their own errors, so whatever reaches here is only logged.
  adapter.onTurnError = (_context, error) => {
    options.logger.error({ err: error }, 'teams: turn failed');
    return Promise.resolve();
  };
  return adapter;
}
