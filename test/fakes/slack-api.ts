// A fake Slack Web API on loopback that checks what Slack checks, so the real @slack/web-api and
// Bolt can be driven without Slack. Calls arrive as `POST /api/<method>` (form-encoded, `blocks`
// and `metadata` as JSON strings inside the form, token as `Authorization: Bearer`).
// Checked like Slack: token (invalid_auth / token_revoked / not_allowed_token_type), channel
// existence (channel_not_found, also for private channels the bot is not in), membership
// (not_in_channel), archived channels (is_archived), block limits (invalid_blocks), text length
// (msg_too_long). Stricter than Slack on purpose: a message without a `text` fallback is refused
// (`no_text`), so every message we send is proven to carry one.
// Scripted faults: 429 with Retry-After, HTTP 5xx, any `{ ok: false, error }`, or a lost response
// (the call takes effect, the answer is a 5xx), for the next N calls.
// response_url endpoints (POST /respond/<id>) record JSON bodies and allow 5 uses, like Slack.
// OAuth (oauth.v2.access, per-workspace tokens, auth.revoke): `installs`, see slack-oauth.ts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as methods from './slack-api-methods.js';
import { parseParams, readBody } from './slack-request-body.js';
import { FakeSlackInstalls } from './slack-oauth.js';

export interface FakeChannel {
  id: string;
  name: string;
  isPrivate: boolean;
  archived: boolean;
  members: Set<string>;
  messages: FakeMessage[];
}

export interface FakeMessage {
  ts: string;
  threadTs: string | null;
  user: string;
  text: string;
  blocks: unknown[];
  metadata: { event_type: string; event_payload: Record<string, unknown> } | null;
}

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  token: string | null;
}

export interface ScriptedFault {
  /** 429 with Retry-After (seconds) */
  retryAfter?: number;
  /** Non-200 HTTP status, e.g. 500 or 503 */
  httpStatus?: number;
  /**
   * Carry the call out, then answer with this HTTP status instead of the result: the platform
   * accepted a message but its answer was lost (the crash window exactly-once has to cover).
   */
  lostResponseStatus?: number;
  /** `{ ok: false, error }` */
  error?: string;
  times?: number;
}

export interface FakeSlackOptions {
  botToken?: string;
  appToken?: string;
  teamId?: string;
  scopes?: string[];
}

export class FakeSlackApi {
  readonly botToken: string;
  readonly appToken: string;
  readonly teamId: string;
  readonly botUserId = 'UBOTFAKE1';
  readonly scopes: Set<string>;
  readonly channels = new Map<string, FakeChannel>();
  readonly users = new Map<string, { isAdmin: boolean; isOwner: boolean }>();
  readonly calls: RecordedCall[] = [];
  readonly responses = new Map<string, unknown[]>();
  revoked = false;
  readonly installs = new FakeSlackInstalls(this.botUserId);
  /** Set by tests that run Socket Mode: what apps.connections.open returns. */
  socketUrl: string | null = null;
  private readonly faults = new Map<string, ScriptedFault[]>();
  private readonly responseWaiters: {
    id: string;
    count: number;
    resolve: (bodies: unknown[]) => void;
  }[] = [];
  private server: Server | null = null;
  private tsCounter = 0;

  nextTs(): string {
    return `1700000000.${String(++this.tsCounter).padStart(6, '0')}`;
  }
  baseUrl = '';

  constructor(options: FakeSlackOptions = {}) {
    this.botToken = options.botToken ?? 'xoxb-fake-bot-token';
    this.appToken = options.appToken ?? 'xapp-fake-app-token';
    this.teamId = options.teamId ?? 'T0FAKE123';
    this.scopes = new Set(
      options.scopes ?? [
        'chat:write',
        'commands',
        'channels:join',
        'channels:history',
        'groups:history',
        'channels:read',
        'groups:read',
        'users:read',
      ],
    );
  }

  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  addChannel(id: string, init: Partial<Omit<FakeChannel, 'id' | 'messages'>> = {}): FakeChannel {
    const channel: FakeChannel = {
      id,
      name: init.name ?? id.toLowerCase(),
      isPrivate: init.isPrivate ?? false,
      archived: init.archived ?? false,
      members: init.members ?? new Set([this.botUserId]),
      messages: [],
    };
    this.channels.set(id, channel);
    return channel;
  }

  addUser(id: string, init: { isAdmin?: boolean; isOwner?: boolean } = {}): void {
    this.users.set(id, { isAdmin: init.isAdmin ?? false, isOwner: init.isOwner ?? false });
  }

  /** The next `times` calls of `method` fail as scripted. */
  fail(method: string, fault: ScriptedFault): void {
    const list = this.faults.get(method) ?? [];
    for (let i = 0; i < (fault.times ?? 1); i++) list.push(fault);
    this.faults.set(method, list);
  }

  /** A response_url for one command invocation; its bodies land in `responses.get(id)`. */
  responseUrl(id: string): string {
    this.responses.set(id, this.responses.get(id) ?? []);
    return `${this.baseUrl}/respond/${encodeURIComponent(id)}`;
  }

  /** Resolves once `count` bodies have arrived at response_url `id` (no polling, no sleeping). */
  waitForResponses(id: string, count = 1): Promise<unknown[]> {
    const bodies = this.responses.get(id) ?? [];
    if (bodies.length >= count) return Promise.resolve(bodies);
    return new Promise((resolve) => this.responseWaiters.push({ id, count, resolve }));
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Top-level and thread messages posted by the bot, oldest first. */
  posted(channelId: string): FakeMessage[] {
    return this.channels.get(channelId)?.messages ?? [];
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/respond/')) {
      const id = decodeURIComponent(url.pathname.slice('/respond/'.length));
      const list = this.responses.get(id);
      if (!list) return void res.writeHead(404).end('unknown response_url');
      if (list.length >= 5) return void res.writeHead(404).end('used_url');
      list.push(JSON.parse(raw) as unknown);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      for (const waiter of this.responseWaiters.filter(
        (w) => w.id === id && list.length >= w.count,
      )) {
        this.responseWaiters.splice(this.responseWaiters.indexOf(waiter), 1);
        waiter.resolve(list);
      }
      return;
    }
    if (!url.pathname.startsWith('/api/')) return void res.writeHead(404).end();
    const method = url.pathname.slice('/api/'.length);
    const params = parseParams(req.headers['content-type'] ?? '', raw);
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ')
      ? auth.slice(7)
      : typeof params.token === 'string'
        ? params.token
        : null;
    this.calls.push({ method, params, token });

    const fault = this.faults.get(method)?.shift();
    if (fault?.retryAfter !== undefined) {
      return void res.writeHead(429, { 'retry-after': String(fault.retryAfter) }).end();
    }
    if (fault?.httpStatus !== undefined)
      return void res.writeHead(fault.httpStatus).end('upstream error');
    const answer = fault?.error
      ? { ok: false, error: fault.error }
      : this.answer(method, params, token);
    if (fault?.lostResponseStatus !== undefined) {
      return void res.writeHead(fault.lostResponseStatus).end('gateway timeout');
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(answer));
  }

  private answer(
    method: string,
    p: Record<string, unknown>,
    token: string | null,
  ): Record<string, unknown> {
    if (method === 'apps.connections.open') {
      if (token !== this.appToken)
        return {
          ok: false,
          error: token?.startsWith('xoxb-') ? 'not_allowed_token_type' : 'invalid_auth',
        };
      return this.socketUrl
        ? { ok: true, url: this.socketUrl }
        : { ok: false, error: 'socket_mode_not_enabled' };
    }
    if (method === 'oauth.v2.access') return this.installs.exchange(p);
    const issued = this.installs.lookup(token);
    if (token !== this.botToken && !issued)
      return { ok: false, error: token === null ? 'not_authed' : 'invalid_auth' };
    if (issued ? issued.revoked : this.revoked) return { ok: false, error: 'token_revoked' };
    switch (method) {
      case 'auth.revoke':
        return { ok: true, revoked: this.installs.revoke(token!) };
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.test/',
          team: issued?.teamName ?? 'Fake NHS',
          user: 'briefing',
          team_id: issued?.teamId ?? this.teamId,
          user_id: this.botUserId,
          bot_id: 'BFAKE1',
        };
      case 'chat.postMessage':
        return methods.postMessage(this, p);
      case 'conversations.history':
        return methods.history(this, p);
      case 'conversations.replies':
        return methods.replies(this, p);
      case 'conversations.join':
        return methods.join(this, p);
      case 'conversations.info':
        return methods.info(this, p);
      case 'users.info': {
        if (!this.scopes.has('users:read'))
          return { ok: false, error: 'missing_scope', needed: 'users:read' };
        const user = this.users.get(String(p.user));
        if (!user) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: {
            id: p.user,
            team_id: this.teamId,
            is_admin: user.isAdmin,
            is_owner: user.isOwner,
          },
        };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}
