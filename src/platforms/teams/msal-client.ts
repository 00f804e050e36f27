// The bot's outbound identity: a real @azure/msal-node ConfidentialClientApplication (client
// credentials with a client secret, or a certificate: MSAL then signs a client assertion with the
// private key and sends the certificate's SHA-256 thumbprint) that gets the token the Bot Connector wants
// (scope https://api.botframework.com/.default). We build it ourselves instead of letting the
// Agents SDK build one so that tests can point it at a loopback fake: MSAL refuses http
// authorities and runs instance discovery on the internet for unknown ones, so tests give an
// https authority on the fake's host, list that host in knownAuthorities (no discovery) and pass
// a network client that only talks to the fake (fake-entra.ts in the tests). Production uses
// MSAL's own network client and https://login.microsoftonline.com/<tenant>.
import { X509Certificate } from 'node:crypto';
import { ConfidentialClientApplication, type INetworkModule } from '@azure/msal-node';
import type { AuthConfiguration, AuthProvider, Connections } from '@microsoft/agents-hosting';

/** How the app proves who it is to Entra: a client secret or a certificate (PEM). */
export type TeamsCredential =
  | { kind: 'secret'; password: string }
  | { kind: 'certificate'; certificatePem: string; privateKeyPem: string };

export interface MsalClientInit {
  appId: string;
  tenantId: string;
  credential: TeamsCredential;
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
      ...credentialOptions(init.credential),
      authority: `https://${host}/${init.tenantId}`,
      ...(init.authorityHost ? { knownAuthorities: [host] } : {}),
    },
    ...(init.networkClient ? { system: { networkClient: init.networkClient } } : {}),
  });
}

function credentialOptions(credential: TeamsCredential) {
  if (credential.kind === 'secret') return { clientSecret: credential.password };
  let thumbprint: string;
  try {
    thumbprint = new X509Certificate(credential.certificatePem).fingerprint256.replace(/:/g, '');
  } catch (error) {
    throw new Error('teams: TEAMS_CERT_FILE is not a PEM certificate', { cause: error });
  }
  return {
    clientCertificate: { thumbprintSha256: thumbprint, privateKey: credential.privateKeyPem },
  };
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
