// The bot's small HTTP server (off unless WEB_PORT is set): health for load balancers and
// container runtimes, Prometheus metrics, and later the archive pages. Fastify, bound to
// 127.0.0.1 unless WEB_HOST says otherwise; it refuses to listen on any other interface
// without sign-in (WEB_TOKEN), because the metrics and pages describe the team's channels.
// /healthz and /readyz never need sign-in: probes carry no credentials.
import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { registerEmailRoutes } from './email-routes.js';
import type { WebAccess, WebDeps } from './web-deps.js';

export interface WebServerOptions {
  host: string;
  port: number;
  access: WebAccess;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Why this host/port/access combination must not start, or null. */
export function refuseUnsafeBind(
  options: Pick<WebServerOptions, 'host' | 'access'>,
): string | null {
  if (LOOPBACK.has(options.host) || options.access.token !== null) return null;
  return (
    `web: refusing to listen on ${options.host} without sign-in; set WEB_TOKEN ` +
    '(or WEB_HOST=127.0.0.1 behind a reverse proxy that signs people in)'
  );
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function signedIn(request: FastifyRequest, access: WebAccess): boolean {
  if (access.token === null) return true;
  const header = request.headers.authorization ?? '';
  // The scheme name is case-insensitive (RFC 9110 section 11.1); the token is compared exactly.
  const match = /^Bearer ([^\s]+)$/i.exec(header);
  return match !== null && sameSecret(match[1]!, access.token);
}

const PUBLIC_PATHS = new Set(['/healthz', '/readyz']);

export function buildWebServer(deps: WebDeps, access: WebAccess): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 16 * 1024 });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('cache-control', 'no-store');
    const path = request.url.split('?')[0] ?? '';
    // /email/...: the signed token in the path is the credential (email-routes.ts).
    if (PUBLIC_PATHS.has(path) || (deps.emailToken && path.startsWith('/email/'))) return;
    if (!signedIn(request, access)) {
      await reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="nhs-briefing-bot"')
        .send({ error: 'sign in with Authorization: Bearer <WEB_TOKEN>' });
    }
  });
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const checks = deps.readiness();
    const ready = checks.every((c) => c.ok);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks });
  });
  app.get('/metrics', async (_request, reply) => {
    const { contentType, body } = await deps.metrics();
    return reply.header('content-type', contentType).send(body);
  });
  if (deps.emailToken) registerEmailRoutes(app, deps.emailToken);
  return app;
}

/** Starts listening; throws with the reason when the bind is unsafe or the port is taken. */
export async function startWebServer(
  deps: WebDeps,
  options: WebServerOptions,
): Promise<{ app: FastifyInstance; url: string }> {
  const refusal = refuseUnsafeBind(options);
  if (refusal !== null) throw new Error(refusal);
  const app = buildWebServer(deps, options.access);
  const url = await app.listen({ host: options.host, port: options.port });
  return { app, url };
}
