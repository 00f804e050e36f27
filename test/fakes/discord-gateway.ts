// A fake Discord gateway on loopback (plain JSON, no compression: zlib-sync is not installed).
// Plays the v10 handshake the real discord.js expects: HELLO (op 10) -> IDENTIFY (op 2) ->
// READY (with resume_gateway_url) -> one GUILD_CREATE per guild; answers heartbeats (op 1) with
// op 11; answers RESUME (op 6) with RESUMED (or INVALID_SESSION op 9 when told to refuse). `dispatch` sends any event (INTERACTION_CREATE for
// commands, autocomplete and buttons); `disconnect` closes the socket with a resumable code so
// the client reconnects and resumes.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { FAKE_BOT_USER } from './discord-rest.js';

export interface FakeGuild {
  id: string;
  name: string;
  channels: { id: string; name: string }[];
}

export interface GatewayFrame {
  op: number;
  d: unknown;
  s?: number | null;
  t?: string | null;
}

export interface FakeDiscordGateway {
  url: string;
  /** Every frame the client sent, in order. */
  received: GatewayFrame[];
  identifies: number;
  resumes: number;
  dispatch(t: string, d: unknown): void;
  /** Closes the current connection with a resumable close code (default 4000). */
  disconnect(code?: number): void;
  /** The next RESUME is answered with INVALID_SESSION (op 9, not resumable), forcing IDENTIFY. */
  refuseNextResume(): void;
  /** Resolves with the first (past or future) frame from the client matching the predicate. */
  waitForFrame(predicate: (f: GatewayFrame) => boolean): Promise<GatewayFrame>;
  close(): Promise<void>;
}

export async function startFakeDiscordGateway(init: {
  guilds: FakeGuild[];
  applicationId: string;
  heartbeatIntervalMs?: number;
}): Promise<FakeDiscordGateway> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(wss, 'listening');
  const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
  const received: GatewayFrame[] = [];
  const waiters: { predicate: (f: GatewayFrame) => boolean; resolve: (f: GatewayFrame) => void }[] =
    [];
  let socket: WebSocket | null = null;
  let seq = 0;
  const sessionId = 'fake-session-1';
  const state = { identifies: 0, resumes: 0, refuseResume: false };

  const sendFrame = (ws: WebSocket, frame: GatewayFrame): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  const sendDispatch = (ws: WebSocket, t: string, d: unknown): void => {
    seq += 1;
    sendFrame(ws, { op: 0, t, s: seq, d });
  };

  wss.on('connection', (ws) => {
    socket = ws;
    sendFrame(ws, { op: 10, d: { heartbeat_interval: init.heartbeatIntervalMs ?? 41_250 } });
    ws.on('message', (data) => {
      let frame: GatewayFrame;
      try {
        frame = JSON.parse(String(data)) as GatewayFrame;
      } catch {
        return;
      }
      received.push(frame);
      for (const w of [...waiters]) {
        if (w.predicate(frame)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(frame);
        }
      }
      if (frame.op === 1) sendFrame(ws, { op: 11, d: null });
      if (frame.op === 2) {
        state.identifies += 1;
        sendDispatch(ws, 'READY', {
          v: 10,
          user: FAKE_BOT_USER,
          guilds: init.guilds.map((g) => ({ id: g.id, unavailable: true })),
          session_id: sessionId,
          resume_gateway_url: url,
          shard: [0, 1],
          application: { id: init.applicationId, flags: 0 },
        });
        for (const guild of init.guilds) sendDispatch(ws, 'GUILD_CREATE', toGuildCreate(guild));
      }
      if (frame.op === 6) {
        if (state.refuseResume) {
          state.refuseResume = false;
          sendFrame(ws, { op: 9, d: false });
          return;
        }
        state.resumes += 1;
        sendDispatch(ws, 'RESUMED', {});
      }
    });
  });

  return {
    url,
    received,
    get identifies() {
      return state.identifies;
    },
    get resumes() {
      return state.resumes;
    },
    dispatch(t, d) {
      if (!socket) throw new Error('fake gateway: no client connected');
      sendDispatch(socket, t, d);
    },
    disconnect(code = 4000) {
      socket?.close(code, 'fake disconnect');
    },
    refuseNextResume() {
      state.refuseResume = true;
    },
    waitForFrame(predicate) {
      const seen = received.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function toGuildCreate(guild: FakeGuild): Record<string, unknown> {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    owner_id: '100000000000000001',
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      {
        id: guild.id,
        name: '@everyone',
        permissions: '1071698660929',
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    system_channel_id: null,
    system_channel_flags: 0,
    premium_tier: 0,
    preferred_locale: 'en-GB',
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: 1,
    voice_states: [],
    members: [],
    channels: guild.channels.map((c, i) => ({
      id: c.id,
      type: 0,
      guild_id: guild.id,
      name: c.name,
      position: i,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
    })),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
