// The bot's outbound identity: a real @azure/msal-node ConfidentialClientApplication (client
// credentials, client secret) that gets the token the Bot Connector wants
// (scope https://api.botframework.com/.default). We build it ourselves instead of letting the
// Agents SDK build one so that tests can point it at a loopback fake: MSAL refuses http
// authorities and runs instance discovery on the internet for unknown ones, so tests give an
// https authority on the fake's host, list that host in knownAuthorities (no discovery) and pass
// a network client that only talks to the fake (fake-entra.ts in the tests). Production uses
// MSAL's own network client and https://login.microsoftonline.com/<tenant>.
import { ConfidentialClientApplication, type INetworkModule } from '@azure/msal-node';
import type { AuthConfiguration, AuthProvider, Connections } from '@microsoft/agents-hosting';

export interface MsalClientInit {
  appId: string;
  password: string;
  tenantId: string;
  /** https authority host, default login.microsoftonline.com. */
  authorityHost?: string;
  /** Tests: a network client that reaches only the loopback fake. */
  networkClient?: INetworkModule;
}

export function createMsalClient(init: MsalClientInit): ConfidentialClientApplication {
  const host = init.authorityHost ?? 'login.microsoftonline.com';
  return new ConfidentialClientApplication({
    auth: {
      clientId: init.appId,
      clientSecret: init.password,
      authority: `https://${host}/${init.tenantId}`,
      ...(init.authorityHost ? { knownAuthorities: [host] } : {}),
    },
    ...(init.networkClient ? { system: { networkClient: init.networkClient } } : {}),
  });
}

/**
 * The SDK's Connections (which token provider serves which request) over one MSAL client: a
 * single-tenant bot has one identity, used for replies and proactive posts alike.
 */
export function createConnections(
  msal: ConfidentialClientApplication,
  settings: AuthConfiguration,
): Connections {
  const unsupported = (what: string) => () =>
    Promise.reject(new Error(`teams: ${what} is not supported by this bot`));
  const provider: AuthProvider = {
    connectionSettings: settings,
    async getAccessToken(configOrScope: AuthConfiguration | string, maybeScope?: string) {
      const scope = typeof configOrScope === 'string' ? configOrScope : (maybeScope ?? '');
      const result = await msal.acquireTokenByClientCredential({ scopes: [`${scope}/.default`] });
      if (!result?.accessToken) throw new Error('teams: Entra returned no access token');
      return result.accessToken;
    },
    getAgenticApplicationToken: unsupported('agentic identity'),
    getAgenticInstanceToken: unsupported('agentic identity'),
    getAgenticUserToken: unsupported('agentic identity'),
    acquireTokenOnBehalfOf: unsupported('on-behalf-of tokens'),
  } as AuthProvider;
  return {
    getConnection: () => provider,
    getDefaultConnection: () => provider,
    getTokenProvider: () => provider,
    getTokenProviderFromActivity: () => provider,
    getDefaultConnectionConfiguration: () => settings,
  };
}
