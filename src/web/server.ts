// The bot's small HTTP server (off unless WEB_PORT is set): health for load balancers and
// container runtimes, Prometheus metrics, and the web archive (pages/). Fastify, bound to
// 127.0.0.1 unless WEB_HOST says otherwise; it refuses to listen on any other interface
// without sign-in (WEB_TOKEN or WEB_USERS, sign-in.ts), because the metrics and pages describe
// the team's channels. /healthz, /readyz and the stylesheet never need sign-in (probes carry no
// credentials), nor do the email links, whose signed token is the credential. Every answer
// carries a strict Content-Security-Policy: the pages need no script and no inline style.
import { ConfigError } from '../config/config-error.js';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { registerEmailRoutes } from './email-routes.js';
import { registerAssets, registerFeed } from './pages/feed.js';
import { sendProblem } from './pages/replies.js';
import { registerSearchPages } from './pages/search.js';
import { registerSourcePages } from './pages/sources.js';
import { registerStoryPages } from './pages/story.js';
import { registerWeekPages } from './pages/weeks.js';
import { createSignIn, type SignIn } from './sign-in.js';
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
  const signIn = options.access.token !== null || (options.access.users?.length ?? 0) > 0;
  if (LOOPBACK.has(options.host) || signIn) return null;
  return (
    `web: refusing to listen on ${options.host} without sign-in; set WEB_TOKEN or WEB_USERS ` +
    '(or WEB_HOST=127.0.0.1 behind a reverse proxy that signs people in)'
  );
}

/** CSP Level 3: nothing but the site's own stylesheet and images; no script, no framing. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const PUBLIC_ROUTES = new Set(['/healthz', '/readyz', '/assets/site.css']);

function isPublic(request: FastifyRequest, deps: WebDeps): boolean {
  // The matched route's pattern, not the raw URL: "/%68ealthz" or "/healthz/../metrics" cannot
  // pass for a public path.
  const route = request.routeOptions.url ?? '';
  return PUBLIC_ROUTES.has(route) || (deps.emailToken !== undefined && route.startsWith('/email/'));
}

function setSecurityHeaders(reply: FastifyReply): void {
  reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-frame-options', 'DENY');
  reply.header('cache-control', 'no-store');
}

function addSignInHook(app: FastifyInstance, deps: WebDeps, signIn: SignIn): void {
  app.addHook('onRequest', async (request, reply) => {
    setSecurityHeaders(reply);
    if (!signIn.required || isPublic(request, deps)) return;
    if (await signIn.check(request.headers.authorization)) return;
    await reply.code(401).header('www-authenticate', signIn.challenges).send({
      error: 'sign in: a WEB_USERS name and password, or Authorization: Bearer <WEB_TOKEN>',
    });
  });
}

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

export function buildWebServer(deps: WebDeps, access: WebAccess): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: 16 * 1024,
    // A path with malformed percent-encoding ("/stories/%E0%A4%A") is a 400 page, not a crash.
    frameworkErrors: (error, request, reply) => {
      setSecurityHeaders(reply);
      return sendProblem(reply, isApi(request), {
        status: 400,
        message: `This address cannot be read (${error.code ?? 'bad request'}).`,
        hint: 'Check the link: part of it is not valid percent-encoding.',
      });
    },
  });
  addSignInHook(app, deps, createSignIn(access));
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
  registerAssets(app);
  if (deps.emailToken) registerEmailRoutes(app, deps.emailToken);
  if (deps.archive) {
    registerWeekPages(app, deps.archive);
    registerSearchPages(app, deps.archive);
    registerStoryPages(app, deps.archive);
    registerSourcePages(app, deps.archive);
    registerFeed(app, deps.archive);
  }
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, isApi(request), {
      status: 404,
      message: 'There is no page at this address.',
      hint: null,
    }),
  );
  return app;
}

/** Starts listening; throws with the reason when the bind is unsafe or the port is taken. */
export async function startWebServer(
  deps: WebDeps,
  options: WebServerOptions,
): Promise<{ app: FastifyInstance; url: string }> {
  const refusal = refuseUnsafeBind(options);
  // A configuration mistake (WEB_HOST without sign-in), reported as one and exit 78.
  if (refusal !== null) throw new ConfigError([refusal]);
  const app = buildWebServer(deps, options.access);
  const url = await app.listen({ host: options.host, port: options.port });
  return { app, url };
}
