// Starts the real Bolt app against the fake Slack (Web API + Socket Mode) on loopback and drives
// it the way Slack does: signed HTTP posts or Socket Mode envelopes. Each command gets its own
// response_url so a test can wait for exactly the replies it expects.
import { randomUUID } from 'node:crypto';
import type { CommandDeps } from '../../../src/commands/types.js';
import { silentLogger, type Logger } from '../../../src/logging.js';
import { createSlackApp, type SlackApp } from '../../../src/platforms/slack/app.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import {
  blockActionPayload,
  postSignedForm,
  slashCommandPayload,
  staticSelectPayload,
  type SlashCommandInit,
} from '../../fakes/slack-payloads.js';
import { FakeSlackSocketMode } from '../../fakes/slack-socket-mode.js';

export const SIGNING_SECRET = 'fake-signing-secret-for-tests';

export interface Harness {
  fake: FakeSlackApi;
  app: SlackApp;
  mode: 'http' | 'socket';
  /** Sends `/briefing <text>`; returns the immediate ack body and the response_url id. */
  command(text: string, init?: Partial<SlashCommandInit>): Promise<{ ack: unknown; id: string }>;
  /** Clicks a button; returns the response_url id. */
  click(actionId: string, value: string, init?: { userId?: string }): Promise<{ id: string }>;
  /** Chooses an option of a static_select menu; returns the response_url id. */
  choose(
    actionId: string,
    value: string,
    init?: { userId?: string; teamId?: string },
  ): Promise<{ id: string }>;
  replies(id: string, count?: number): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
}

export async function startHarness(init: {
  mode: 'http' | 'socket';
  deps: CommandDeps;
  commandName?: string;
  logger?: Logger;
  /** The clock commands see (the app fixture's FIXTURE_NOW, or a function for a moving clock). */
  now?: Date | (() => Date);
}): Promise<Harness> {
  const fake = await new FakeSlackApi().start();
  const socket = init.mode === 'socket' ? await new FakeSlackSocketMode().start() : null;
  if (socket) fake.socketUrl = socket.url;
  const commandName = init.commandName ?? '/briefing';
  const app = createSlackApp({
    botToken: fake.botToken,
    appToken: fake.appToken,
    signingSecret: SIGNING_SECRET,
    socketMode: init.mode === 'socket',
    apiUrl: fake.apiUrl,
    commandName,
    deps: {
      commands: init.deps,
      timeZone: 'Europe/London',
      ...(init.now
        ? { now: typeof init.now === 'function' ? init.now : () => init.now as Date }
        : {}),
    },
    logger: init.logger ?? silentLogger,
    port: 0,
    host: '127.0.0.1',
    retryConfig: { retries: 0 },
  });
  const started = await app.start();
  if (socket) await socket.whenConnected();
  const eventsUrl = `http://127.0.0.1:${started.port}/slack/events`;

  return {
    fake,
    app,
    mode: init.mode,
    async command(text, extra = {}) {
      const id = randomUUID();
      const payload = slashCommandPayload({
        text,
        command: commandName,
        responseUrl: fake.responseUrl(id),
        teamId: fake.teamId,
        ...extra,
      });
      if (socket) {
        const ack = await socket.send('slash_commands', payload);
        const body = ack.payload;
        const empty =
          body === undefined ||
          (typeof body === 'object' && body !== null && Object.keys(body).length === 0);
        return { ack: empty ? null : body, id };
      }
      const res = await postSignedForm(eventsUrl, payload, { secret: SIGNING_SECRET });
      if (res.status !== 200) throw new Error(`harness: HTTP ${res.status}: ${res.body}`);
      return { ack: res.body === '' ? null : (JSON.parse(res.body) as unknown), id };
    },
    async click(actionId, value, extra = {}) {
      return sendAction(blockActionPayload, actionId, value, extra);
    },
    async choose(actionId, value, extra = {}) {
      return sendAction(staticSelectPayload, actionId, value, extra);
    },
    async replies(id, count = 1) {
      return (await fake.waitForResponses(id, count)) as Record<string, unknown>[];
    },
    async stop() {
      await app.stop();
      await socket?.stop();
      await fake.stop();
    },
  };

  async function sendAction(
    build: typeof blockActionPayload,
    actionId: string,
    value: string,
    extra: { userId?: string; teamId?: string },
  ): Promise<{ id: string }> {
    const id = randomUUID();
    const payload = build({
      actionId,
      value,
      responseUrl: fake.responseUrl(id),
      teamId: fake.teamId,
      ...extra,
    });
    if (socket) await socket.send('interactive', payload);
    else {
      const res = await postSignedForm(
        eventsUrl,
        { payload: JSON.stringify(payload) },
        { secret: SIGNING_SECRET },
      );
      if (res.status !== 200) throw new Error(`harness: HTTP ${res.status}: ${res.body}`);
    }
    return { id };
  }
}

/** The URL Bolt's HTTP receiver listens on, for raw signature tests. */
export function eventsUrlOf(port: number): string {
  return `http://127.0.0.1:${port}/slack/events`;
}
