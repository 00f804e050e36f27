// A fake Slack Socket Mode endpoint: a `ws` server that greets each connection with
// `{"type":"hello"}`, delivers envelopes (`slash_commands`, `interactive`, `events_api`) and
// records the acks the app sends back (`{"envelope_id", "payload"}`), as described in
// https://api.slack.com/apis/socket-mode. Pair it with FakeSlackApi.socketUrl so
// apps.connections.open hands this URL to Bolt's SocketModeClient.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

export class FakeSlackSocketMode {
  readonly acks: SocketAck[] = [];
  private server: WebSocketServer | null = null;
  private readonly sockets = new Set<WebSocket>();
  private readonly waiting = new Map<string, (ack: SocketAck) => void>();
  private connectedResolvers: (() => void)[] = [];
  url = '';

  async start(): Promise<this> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    this.server = server;
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const { port } = server.address() as AddressInfo;
    this.url = `ws://127.0.0.1:${port}/link/?ticket=fake`;
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('message', (data) => {
        const ack = JSON.parse(String(data)) as SocketAck;
        if (typeof ack.envelope_id !== 'string') return;
        this.acks.push(ack);
        this.waiting.get(ack.envelope_id)?.(ack);
        this.waiting.delete(ack.envelope_id);
      });
      socket.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          connection_info: { app_id: 'AFAKE1' },
        }),
      );
      for (const resolve of this.connectedResolvers.splice(0)) resolve();
    });
    return this;
  }

  /** Resolves once a client has connected (immediately if one already is). */
  whenConnected(): Promise<void> {
    if (this.sockets.size > 0) return Promise.resolve();
    return new Promise((resolve) => this.connectedResolvers.push(resolve));
  }

  /** Sends one envelope to the connected app and resolves with its ack. */
  send(
    type: 'slash_commands' | 'interactive' | 'events_api',
    payload: unknown,
  ): Promise<SocketAck> {
    const socket = [...this.sockets][0];
    if (!socket) return Promise.reject(new Error('fake socket mode: no connected client'));
    const envelopeId = randomUUID();
    const acked = new Promise<SocketAck>((resolve) => this.waiting.set(envelopeId, resolve));
    socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== 'events_api',
        retry_attempt: 0,
        retry_reason: '',
      }),
    );
    return acked;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
