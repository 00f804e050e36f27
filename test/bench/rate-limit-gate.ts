// Loopback rate-limit gates for the fan-out benchmark: an HTTP front that enforces a platform's
// posting limits and forwards allowed requests to the fake behind it (test/fakes/slack-api.ts,
// test/fakes/discord-rest.ts), so the fakes stay simple and the limits live in one place.
//
// Slack (chat.postMessage only): at most 1 message per channel in any `perChannelMs` window and
// `globalPerSecond` messages a second for the whole token (token bucket, one second of burst). Beyond either:
// HTTP 429 with Retry-After in whole seconds, as Slack does.
// https://api.slack.com/methods/chat.postMessage#rate_limiting, https://api.slack.com/apis/rate-limits
//
// Discord (POST /channels/{id}/messages): a per-channel bucket of `bucketLimit` messages per
// `bucketWindowMs` (fixed window from the first request, reported in X-RateLimit-* headers on
// every answer, like Discord) and a global `globalPerSecond` (token bucket, one second of burst;
// 429 with `global: true`). https://discord.com/developers/docs/topics/rate-limits
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';

export interface GateCounts {
  forwarded: number;
  /** 429s answered, by reason. */
  perChannel429: number;
  global429: number;
}

export interface RateLimitGate {
  /** The gate's origin, e.g. http://127.0.0.1:1234; same paths as the fake behind it. */
  origin: string;
  counts: GateCounts;
  close(): Promise<void>;
}

export interface SlackGateLimits {
  perChannelMs: number;
  globalPerSecond: number;
}

export interface DiscordGateLimits {
  bucketLimit: number;
  bucketWindowMs: number;
  globalPerSecond: number;
}

type Decision =
  | { allow: true; headers?: Record<string, string> }
  | {
      allow: false;
      status: number;
      headers: Record<string, string>;
      body: string;
      global: boolean;
    };

type Decide = (method: string, path: string, body: string, now: number) => Decision;

/**
 * Token bucket: `perSecond` tokens a second, holding at most `perSecond` (a full second's burst),
 * the usual reading of "N requests per second" (GCRA). tryTake spends one token when there is one.
 */
function createTokenBucket(perSecond: number): {
  tryTake(now: number): boolean;
  retryAfterMs(now: number): number;
} {
  let tokens = perSecond;
  let updated = -1;
  const refill = (now: number): void => {
    if (updated >= 0) tokens = Math.min(perSecond, tokens + ((now - updated) * perSecond) / 1000);
    updated = now;
  };
  return {
    tryTake(now) {
      refill(now);
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    retryAfterMs(now) {
      refill(now);
      return Math.max(1, ((1 - tokens) * 1000) / perSecond);
    },
  };
}

export function slackDecider(limits: SlackGateLimits): Decide {
  const lastByChannel = new Map<string, number>();
  const global = createTokenBucket(limits.globalPerSecond);
  return (method, path, body, now): Decision => {
    if (method !== 'POST' || !path.endsWith('/chat.postMessage')) return { allow: true };
    const channel = new URLSearchParams(body).get('channel') ?? '';
    const last = lastByChannel.get(channel);
    const tooSoon = last !== undefined && now - last < limits.perChannelMs;
    if (tooSoon || !global.tryTake(now)) {
      const waitMs = tooSoon ? last + limits.perChannelMs - now : global.retryAfterMs(now);
      return {
        allow: false,
        status: 429,
        headers: { 'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))) },
        body: JSON.stringify({ ok: false, error: 'ratelimited' }),
        global: !tooSoon,
      };
    }
    lastByChannel.set(channel, now);
    return { allow: true };
  };
}

export function discordDecider(limits: DiscordGateLimits): Decide {
  const buckets = new Map<string, { resetAt: number; used: number }>();
  const global = createTokenBucket(limits.globalPerSecond);
  const BUCKET = 'bench-channel-messages';
  return (method, path, _body, now): Decision => {
    const match = /\/channels\/(\d+)\/messages$/.exec(path);
    if (method !== 'POST' || !match) return { allow: true };
    let bucket = buckets.get(match[1]!);
    if (!bucket || now >= bucket.resetAt) {
      bucket = { resetAt: now + limits.bucketWindowMs, used: 0 };
      buckets.set(match[1]!, bucket);
    }
    const resetAfter = (bucket.resetAt - now) / 1000;
    const headers = (remaining: number): Record<string, string> => ({
      'x-ratelimit-limit': String(limits.bucketLimit),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': String(bucket.resetAt / 1000),
      'x-ratelimit-reset-after': resetAfter.toFixed(3),
      'x-ratelimit-bucket': BUCKET,
    });
    if (bucket.used >= limits.bucketLimit) {
      return {
        allow: false,
        status: 429,
        headers: {
          ...headers(0),
          'retry-after': String(Math.ceil(resetAfter)),
          'x-ratelimit-scope': 'user',
        },
        body: JSON.stringify({
          message: 'You are being rate limited.',
          retry_after: resetAfter,
          global: false,
        }),
        global: false,
      };
    }
    if (!global.tryTake(now)) {
      const retry = global.retryAfterMs(now) / 1000;
      return {
        allow: false,
        status: 429,
        headers: {
          'retry-after': String(Math.ceil(retry)),
          'x-ratelimit-global': 'true',
          'x-ratelimit-scope': 'global',
        },
        body: JSON.stringify({
          message: 'You are being rate limited.',
          retry_after: retry,
          global: true,
        }),
        global: true,
      };
    }
    bucket.used++;
    return { allow: true, headers: headers(limits.bucketLimit - bucket.used) };
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Starts a gate on 127.0.0.1:0 in front of `upstream` (an origin such as http://127.0.0.1:5678). */
export async function startRateLimitGate(upstream: string, decide: Decide): Promise<RateLimitGate> {
  const counts: GateCounts = { forwarded: 0, perChannel429: 0, global429: 0 };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    const method = (req.method ?? 'GET').toUpperCase();
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://gate').pathname);
    const decision = decide(method, path, body.toString('utf8'), Date.now());
    if (!decision.allow) {
      if (decision.global) counts.global429++;
      else counts.perChannel429++;
      res.writeHead(decision.status, { 'content-type': 'application/json', ...decision.headers });
      res.end(decision.body);
      return;
    }
    counts.forwarded++;
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && key !== 'host' && key !== 'connection') headers[key] = value;
    }
    const answer = await request(`${upstream}${req.url ?? '/'}`, {
      method: method as 'GET',
      headers,
      body: body.length > 0 ? body : undefined,
    });
    const payload = Buffer.from(await answer.body.arrayBuffer());
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(answer.headers)) {
      if (
        typeof value === 'string' &&
        !['connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(key)
      ) {
        out[key] = value;
      }
    }
    res.writeHead(answer.statusCode, {
      ...out,
      ...decision.headers,
      'content-length': String(payload.length),
    });
    res.end(payload);
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`gate: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
