// A loopback fake of the Microsoft endpoints a Teams bot talks to, for tests only:
// - Entra's key discovery (GET /{tenant}/discovery/v2.0/keys) with an RSA key generated per run,
//   and `signToken` to issue the JWTs Teams would send the bot (Entra-style issuer
//   `{origin}/{tenant}/v2.0`, so the Agents SDK's real validation fetches keys from here);
// - Entra's OpenID metadata and token endpoint for MSAL's client-credentials flow, under the
//   https host name ENTRA_HOST that `networkClient` maps to this server (MSAL wants https);
// - the Bot Connector: POST /v3/conversations/{id}/activities[/{replyToId}], recording each
//   activity, answering with scripted failures first (429 with Retry-After and so on).
import { generateKeyPair, randomUUID, X509Certificate, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INetworkModule, NetworkResponse } from '@azure/msal-node';
import jwt from 'jsonwebtoken';

export const ENTRA_HOST = 'login.fake-entra.test';
export const APP_ID = '00000000-0000-4000-8000-0000000000a1';
export const APP_PASSWORD = 'fake-client-secret';
export const TENANT_ID = '00000000-0000-4000-8000-0000000000b1';

export interface PostedActivity {
  conversationId: string;
  replyToId: string | null;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

export interface ScriptedFailure {
  status: number;
  headers?: Record<string, string>;
}

export interface FakeTeams {
  origin: string;
  issuer: string;
  activities: PostedActivity[];
  tokenRequests: URLSearchParams[];
  /** Accepts client assertions signed by this certificate's key (as if uploaded to the app). */
  trustCertificate(pem: string): void;
  /** Answers the next Bot Connector posts with these failures, in order. */
  failNext(...failures: ScriptedFailure[]): void;
  signToken(claims: Record<string, unknown>, options?: SignOptions): string;
  networkClient: INetworkModule;
  close(): Promise<void>;
}

export interface SignOptions {
  /** Another key than the published one (a forged signature). */
  key?: KeyObject;
  expiresInSeconds?: number;
}

export async function startFakeTeams(): Promise<FakeTeams> {
  const { publicKey, privateKey } = await generateRsaKey();
  const kid = `kid-${randomUUID()}`;
  const activities: PostedActivity[] = [];
  const tokenRequests: URLSearchParams[] = [];
  const failures: ScriptedFailure[] = [];
  const certificates: X509Certificate[] = [];
  let origin = '';
  let issued = 0;

  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (req.method === 'GET' && path === `/${TENANT_ID}/discovery/v2.0/keys`) {
        const jwk = publicKey.export({ format: 'jwk' });
        return json(res, 200, { keys: [{ ...jwk, kid, use: 'sig', alg: 'RS256' }] });
      }
      if (req.method === 'GET' && path === `/${TENANT_ID}/v2.0/.well-known/openid-configuration`) {
        const base = `https://${ENTRA_HOST}/${TENANT_ID}`;
        return json(res, 200, {
          issuer: `${base}/v2.0`,
          authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
          token_endpoint: `${base}/oauth2/v2.0/token`,
          end_session_endpoint: `${base}/oauth2/v2.0/logout`,
          jwks_uri: `${base}/discovery/v2.0/keys`,
        });
      }
      if (req.method === 'POST' && path === `/${TENANT_ID}/oauth2/v2.0/token`) {
        const form = new URLSearchParams(body);
        tokenRequests.push(form);
        if (!checkClient(form, certificates, `https://${ENTRA_HOST}${path}`))
          return json(res, 401, { error: 'invalid_client' });
        issued += 1;
        return json(res, 200, {
          token_type: 'Bearer',
          expires_in: 3600,
          ext_expires_in: 3600,
          access_token: `outbound-token-${issued}`,
        });
      }
      const post = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
      if (req.method === 'POST' && post) {
        const failure = failures.shift();
        if (failure)
          return json(res, failure.status, { error: { code: 'Scripted' } }, failure.headers);
        activities.push({
          conversationId: decodeURIComponent(post[1]!),
          replyToId: post[2] ? decodeURIComponent(post[2]) : null,
          authorization: req.headers.authorization,
          body: JSON.parse(body) as Record<string, unknown>,
        });
        return json(res, 201, { id: `msg-${activities.length}` });
      }
      json(res, 404, { error: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    issuer: `${origin}/${TENANT_ID}/v2.0`,
    activities,
    tokenRequests,
    failNext: (...more) => void failures.push(...more),
    trustCertificate: (pem) => void certificates.push(new X509Certificate(pem)),
    signToken(claims, options = {}) {
      return jwt.sign(
        { iss: `${origin}/${TENANT_ID}/v2.0`, aud: APP_ID, serviceurl: origin, ...claims },
        (options.key ?? privateKey).export({ format: 'pem', type: 'pkcs8' }),
        { algorithm: 'RS256', keyid: kid, expiresIn: options.expiresInSeconds ?? 600 },
      );
    },
    networkClient: createNetworkClient(() => origin),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The client-credentials caller: the app's secret, or a client assertion (a JWT for this token
 * endpoint, issued by the app, signed by a trusted certificate's key: what MSAL sends for a
 * certificate credential).
 */
function checkClient(form: URLSearchParams, trusted: X509Certificate[], endpoint: string): boolean {
  if (form.get('client_id') !== APP_ID) return false;
  const assertion = form.get('client_assertion');
  if (assertion === null) return form.get('client_secret') === APP_PASSWORD;
  if (
    form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
  )
    return false;
  return trusted.some((cert) => {
    try {
      jwt.verify(assertion, cert.publicKey, {
        algorithms: ['RS256', 'PS256'],
        audience: endpoint,
        issuer: APP_ID,
        subject: APP_ID,
        // Entra allows clock skew; MSAL's `nbf` can be a fraction of a second ahead of ours.
        clockTolerance: 300,
      });
      return true;
    } catch {
      return false;
    }
  });
}

/** A 2048-bit RSA key pair (the smallest jsonwebtoken accepts for RS256), made off the main thread. */
export function generateRsaKey(): Promise<{ publicKey: KeyObject; privateKey: KeyObject }> {
  return promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
}

/** MSAL's network client for tests: https://ENTRA_HOST/... goes to the fake, anything else fails. */
function createNetworkClient(origin: () => string): INetworkModule {
  const send = async <T>(
    method: 'GET' | 'POST',
    url: string,
    options?: { headers?: Record<string, string>; body?: string },
  ): Promise<NetworkResponse<T>> => {
    const target = new URL(url);
    if (target.protocol !== 'https:' || target.host !== ENTRA_HOST)
      throw new Error(`fake-teams: MSAL tried to reach ${target.origin}, which is not the fake`);
    const response = await fetch(`${origin()}${target.pathname}${target.search}`, {
      method,
      headers: options?.headers ?? {},
      ...(options?.body !== undefined ? { body: options.body } : {}),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key] = value));
    return { status: response.status, headers, body: (await response.json()) as T };
  };
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
