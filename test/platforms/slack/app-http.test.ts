import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp, type SlackApp } from '../../../src/platforms/slack/app.js';
import { silentLogger } from '../../../src/logging.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { FakeSlackSocketMode } from '../../fakes/slack-socket-mode.js';
import { postSignedForm, slashCommandPayload } from '../../fakes/slack-payloads.js';
import { createAppFixture } from '../../helpers/app-fixture.js';
import { SIGNING_SECRET } from './slack-harness.js';

// Slack's request signing (https://api.slack.com/authentication/verifying-requests-from-slack),
// checked by the real Bolt HTTP receiver.
describe('Slack HTTP mode: request signatures', () => {
  const fake = new FakeSlackApi();
  let app: SlackApp;
  let url = '';

  beforeAll(async () => {
    await fake.start();
    app = createSlackApp({
      botToken: fake.botToken,
      signingSecret: SIGNING_SECRET,
      socketMode: false,
      apiUrl: fake.apiUrl,
      commandName: '/briefing',
      deps: { commands: createAppFixture().deps, timeZone: 'Europe/London' },
      logger: silentLogger,
      port: 0,
      host: '127.0.0.1',
      retryConfig: { retries: 0 },
    });
    const { port } = await app.start();
    url = `http://127.0.0.1:${port}/slack/events`;
  });
  afterAll(async () => {
    await app.stop();
    await fake.stop();
  });

  const now = () => Math.floor(Date.now() / 1000);
  const payload = () => slashCommandPayload({ text: 'help', responseUrl: fake.responseUrl('sig') });

  it('accepts a correctly signed slash command and answers help in the ack', async () => {
    const res = await postSignedForm(url, payload(), { secret: SIGNING_SECRET });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { response_type: string; text: string; blocks: unknown[] };
    expect(body.response_type).toBe('ephemeral');
    expect(JSON.stringify(body.blocks)).toContain('/briefing subscribe');
  });

  it.each([
    { name: 'a wrong secret', secret: 'not-the-secret', timestamp: undefined },
    { name: 'a stale timestamp (replay, 10 minutes old)', secret: SIGNING_SECRET, timestamp: -600 },
    { name: 'no signature at all', secret: null, timestamp: undefined },
  ])('rejects $name with 401 and runs nothing', async ({ secret, timestamp }) => {
    const before = fake.calls.length;
    const res = await postSignedForm(url, payload(), {
      secret,
      timestamp: timestamp === undefined ? undefined : now() + timestamp,
    });
    expect(res.status).toBe(401);
    expect(fake.calls.length).toBe(before);
  });

  it('rejects a body altered after signing', async () => {
    const body = new URLSearchParams(payload()).toString();
    const ts = now();
    const { signSlackBody } = await import('../../fakes/slack-payloads.js');
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signSlackBody(SIGNING_SECRET, ts, body),
      },
      body: body.replace('text=help', 'text=unsubscribe'),
    });
    expect(res.status).toBe(401);
  });
});

describe('Slack app start-up', () => {
  const deps = createAppFixture().deps;

  it.each([
    {
      name: 'a rejected bot token',
      botToken: 'xoxb-secret-wrong-token',
      appToken: undefined,
      socketUrl: false,
      expected: 'slack: SLACK_BOT_TOKEN was not accepted (invalid_auth)',
    },
    {
      name: 'a rejected app token (Socket Mode)',
      botToken: null,
      appToken: 'xapp-secret-wrong-token',
      socketUrl: true,
      expected: 'slack: SLACK_APP_TOKEN was not accepted (invalid_auth)',
    },
    {
      name: 'Socket Mode not enabled for the app (Slack keeps refusing)',
      botToken: null,
      appToken: 'xapp-fake-app-token',
      socketUrl: false,
      expected:
        'slack: no connection to Slack within the start-up time limit (is Socket Mode enabled for the app?)',
    },
    {
      name: 'an unreachable Slack API',
      botToken: null,
      appToken: undefined,
      socketUrl: false,
      unreachable: true,
      expected: /^slack: could not reach the Slack API \(/,
    },
  ])('fails clearly on $name, without echoing a token', async (c) => {
    const fake = await new FakeSlackApi().start();
    const socket = await new FakeSlackSocketMode().start();
    if (c.socketUrl) fake.socketUrl = socket.url;
    const apiUrl = fake.apiUrl;
    if (c.unreachable) await fake.stop();
    const app = createSlackApp({
      botToken: c.botToken ?? fake.botToken,
      appToken: c.appToken,
      signingSecret: SIGNING_SECRET,
      socketMode: c.appToken !== undefined,
      apiUrl,
      commandName: '/briefing',
      deps: { commands: deps, timeZone: 'Europe/London' },
      logger: silentLogger,
      port: 0,
      host: '127.0.0.1',
      retryConfig: { retries: 0 },
      startTimeoutMs: 500,
    });
    const error = await app.start().then(
      () => null,
      (e: unknown) => e as Error,
    );
    await app.stop();
    await socket.stop();
    await fake.stop();
    expect(error?.message).toMatch(c.expected);
    expect(String(error?.message)).not.toMatch(/xoxb-|xapp-/);
  });

  it('refuses Socket Mode without an app token and HTTP mode without a signing secret', () => {
    const base = {
      botToken: 'xoxb-x',
      commandName: '/briefing',
      deps: { commands: deps, timeZone: 'Europe/London' },
      logger: silentLogger,
    };
    expect(() => createSlackApp({ ...base, socketMode: true })).toThrow(
      /^slack: Socket Mode needs SLACK_APP_TOKEN/,
    );
    expect(() => createSlackApp({ ...base, socketMode: false })).toThrow(
      /^slack: HTTP mode needs SLACK_SIGNING_SECRET/,
    );
  });
});
