// A fake Discord REST API on loopback, speaking the v10 wire format closely enough for the real
// discord.js / @discordjs/rest: command registration (PUT global and guild), channel messages
// (POST with nonce + enforce_nonce, GET recent without nonce as Discord does after a few
// minutes), interaction callbacks (no Authorization), webhook edits of @original (path arrives
// percent-encoded), follow-ups, rate-limit headers, and scripted failures (429 with retry_after,
// JSON error codes such as 50013 Missing Permissions and 10003 Unknown Channel, 5xx).
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createMessage,
  FAKE_BOT_USER,
  nextSnowflake,
  toWire,
  type FakeMessage,
} from './discord-wire.js';

export { FAKE_BOT_USER, nextSnowflake, type FakeMessage } from './discord-wire.js';

export interface RecordedRequest {
  method: string;
  /** Decoded path below /api/v10, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  query: URLSearchParams;
  authorization: string | null;
  body: unknown;
  at: number;
}

export interface ScriptedFailure {
  status: number;
  /** Discord JSON error code (e.g. 50013); omitted for 429 and plain 5xx. */
  code?: number;
  message?: string;
  /** Seconds, for 429. */
  retryAfter?: number;
  global?: boolean;
  /** Perform the request first (e.g. store the message), then answer with the failure: a lost response. */
  afterCommit?: boolean;
}

export interface FakeDiscordRest {
  /** Base to give discord.js as `rest.api`, e.g. `http://127.0.0.1:1234/api`. */
  apiUrl: string;
  requests: RecordedRequest[];
  /** Registered commands by scope: `global` or the guild id. */
  commands: Map<string, unknown[]>;
  /** Channel messages (newest last), by channel id. */
  messages: Map<string, FakeMessage[]>;
  /** The next requests matching `method path` (path regex on the decoded path) fail as scripted. */
  script(method: string, path: RegExp, ...failures: ScriptedFailure[]): void;
  /** Resolves with the first recorded (past or future) request matching the predicate. */
  waitFor(predicate: (r: RecordedRequest) => boolean): Promise<RecordedRequest>;
  setGatewayUrl(url: string): void;
  close(): Promise<void>;
}

export async function startFakeDiscordRest(
  init: { gatewayUrl?: string } = {},
): Promise<FakeDiscordRest> {
  let gatewayUrl = init.gatewayUrl ?? 'ws://127.0.0.1:9';
  const requests: RecordedRequest[] = [];
  const commands = new Map<string, unknown[]>();
  const messages = new Map<string, FakeMessage[]>();
  const scripts: { method: string; path: RegExp; failure: ScriptedFailure }[] = [];
  const waiters: {
    predicate: (r: RecordedRequest) => boolean;
    resolve: (r: RecordedRequest) => void;
  }[] = [];

  const record = (r: RecordedRequest): void => {
    requests.push(r);
    for (const w of [...waiters]) {
      if (w.predicate(r)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(r);
      }
    }
  };

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      send(res, 500, { message: `fake: ${String(error)}`, code: 0 });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    let body: unknown = null;
    if (raw !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const request: RecordedRequest = {
      method,
      path,
      query: url.searchParams,
      authorization: req.headers.authorization ?? null,
      body,
      at: Date.now(),
    };
    record(request);

    const scripted = scripts.find((s) => s.method === method && s.path.test(path));
    if (scripted) {
      scripts.splice(scripts.indexOf(scripted), 1);
      if (scripted.failure.afterCommit) route(request, null);
      return sendFailure(res, scripted.failure);
    }
    return route(request, res);
  }

  /** Handles a request; with `res` null the effects happen but nothing is answered. */
  function route(r: RecordedRequest, out: ServerResponse | null): void {
    const res = out ?? nullResponse();
    const { method, path } = r;
    let m: RegExpMatchArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      return send(res, 200, {
        url: gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (method === 'GET' && path === '/users/@me') return send(res, 200, FAKE_BOT_USER);
    if (
      (m = path.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/)) &&
      method === 'PUT'
    ) {
      const scope = m[2] ?? 'global';
      const list = (Array.isArray(r.body) ? r.body : []).map((c: Record<string, unknown>) => ({
        ...c,
        id: nextSnowflake(),
        application_id: m![1],
        version: nextSnowflake(),
        ...(m![2] ? { guild_id: m![2] } : {}),
      }));
      commands.set(scope, list);
      return send(res, 200, list);
    }
    if ((m = path.match(/^\/channels\/(\d+)\/messages$/))) {
      const channelId = m[1]!;
      const list = messages.get(channelId) ?? [];
      if (method === 'GET') {
        const limit = Math.min(100, Number(r.query.get('limit') ?? 50));
        // Newest first, and without nonce: Discord only echoes a nonce briefly.
        const recent = list
          .slice(-limit)
          .reverse()
          .map((msg) => toWire({ ...msg, nonce: null }));
        return send(res, 200, recent);
      }
      if (method === 'POST') {
        const b = (r.body ?? {}) as Record<string, unknown>;
        const nonce =
          typeof b.nonce === 'string' || typeof b.nonce === 'number' ? String(b.nonce) : null;
        if (nonce !== null && nonce.length > 25) {
          return send(res, 400, { message: 'Invalid Form Body', code: 50035 });
        }
        const existing =
          b.enforce_nonce === true && nonce !== null
            ? list.find((x) => x.nonce === nonce)
            : undefined;
        if (existing) return send(res, 200, toWire(existing));
        const msg = createMessage(channelId, b, nonce);
        list.push(msg);
        messages.set(channelId, list);
        return send(res, 200, toWire(msg));
      }
    }
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      res.writeHead(204);
      res.end();
      return;
    }
    if ((m = path.match(/^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/))) {
      const b = (r.body ?? {}) as Record<string, unknown>;
      return send(res, 200, toWire(createMessage('700000000000000001', b, null)));
    }
    if ((m = path.match(/^\/webhooks\/(\d+)\/([^/]+)$/)) && method === 'POST') {
      const b = (r.body ?? {}) as Record<string, unknown>;
      return send(res, 200, toWire(createMessage('700000000000000001', b, null)));
    }
    send(res, 404, { message: '404: Not Found', code: 0 });
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    requests,
    commands,
    messages,
    script(method, path, ...failures) {
      for (const failure of failures) scripts.push({ method: method.toUpperCase(), path, failure });
    },
    waitFor(predicate) {
      const seen = requests.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
    setGatewayUrl(url) {
      gatewayUrl = url;
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close').catch(() => undefined);
    },
  };
}

function nullResponse(): ServerResponse {
  return { writeHead: () => undefined, end: () => undefined } as unknown as ServerResponse;
}

function rateLimitHeaders(): Record<string, string> {
  return {
    'x-ratelimit-limit': '5',
    'x-ratelimit-remaining': '4',
    'x-ratelimit-reset-after': '0.001',
    'x-ratelimit-bucket': 'fakebucket',
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', ...rateLimitHeaders() });
  res.end(JSON.stringify(body));
}

function sendFailure(res: ServerResponse, f: ScriptedFailure): void {
  if (f.status === 429) {
    const retryAfter = f.retryAfter ?? 1;
    res.writeHead(429, {
      'content-type': 'application/json',
      'retry-after': String(retryAfter),
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset-after': String(retryAfter),
      'x-ratelimit-bucket': 'fakebucket',
      'x-ratelimit-scope': 'user',
      ...(f.global ? { 'x-ratelimit-global': 'true' } : {}),
    });
    res.end(
      JSON.stringify({
        message: 'You are being rate limited.',
        retry_after: retryAfter,
        global: f.global ?? false,
      }),
    );
    return;
  }
  send(res, f.status, { message: f.message ?? `scripted ${f.status}`, code: f.code ?? 0 });
}
