// The Slack app in OAuth mode (many workspaces) as `briefing run` builds it: startSlack from an
// env with SLACK_CLIENT_ID/SECRET, SLACK_STATE_SECRET and SLACK_INSTALL_KEY, the installation
// store opened over the fixture's database by the composition root's openPlatformStores, Bolt's
// real HTTP receiver on loopback, and the fake Slack (Web API + OAuth) behind SLACK_API_URL.
// The browser's part of "Add to Slack" is plain fetch: the install link, then the redirect back.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { openPlatformStores } from '../../../src/cli/platform-stores.js';
import { loadEnv, type Env } from '../../../src/config/env.js';
import { createLogger } from '../../../src/logging.js';
import { startSlack, type RunningSlack } from '../../../src/platforms/slack/start.js';
import type { AppFixture } from '../../helpers/app-fixture.js';
import type { FakeSlackApi } from '../../fakes/slack-api.js';
import {
  eventCallback,
  postSignedForm,
  postSignedJson,
  slashCommandPayload,
} from '../../fakes/slack-payloads.js';
import { SIGNING_SECRET } from './slack-harness.js';

export function oauthEnv(fake: FakeSlackApi, key: string, extra: Record<string, string> = {}): Env {
  const loaded = loadEnv({
    SLACK_CLIENT_ID: fake.installs.clientId,
    SLACK_CLIENT_SECRET: fake.installs.clientSecret,
    SLACK_STATE_SECRET: 'fake-state-secret-for-tests',
    SLACK_INSTALL_KEY: key,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    ...extra,
  });
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  return loaded.env;
}

export interface OAuthHarness {
  slack: RunningSlack;
  base: string;
  /** GET /slack/install as a browser would (no redirect following). */
  startInstall(): Promise<{ status: number; location: string; cookie: string; state: string }>;
  /** The whole flow: install link, then Slack's redirect back with `code`. */
  install(code: string): Promise<{ status: number; body: string }>;
  /** `/briefing <text>` from a workspace's channel; resolves with the replies. */
  command(teamId: string, channelId: string, text: string): Promise<unknown[]>;
  /** An Events API callback, signed with `secret` (the real one by default). */
  event(
    teamId: string,
    event: Record<string, unknown>,
    secret?: string | null,
  ): Promise<{ status: number }>;
  /** Everything the app logged, as text (to check no token leaks). */
  logText(): string;
  stop(): Promise<void>;
}

/** A JSON-lines log sink that can wait for the n-th record with a message (no sleeping). */
function createLogSink() {
  const lines: Record<string, unknown>[] = [];
  const waiters: { msg: string; count: number; resolve: () => void }[] = [];
  const seen = (msg: string) => lines.filter((l) => l.msg === msg).length;
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      for (const w of waiters.filter((w) => seen(w.msg) >= w.count)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
      done();
    },
  });
  return {
    logger: createLogger('info', stream),
    text: () => lines.map((l) => JSON.stringify(l)).join('\n'),
    seen,
    waitFor(msg: string, count: number): Promise<void> {
      if (seen(msg) >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ msg, count, resolve }));
    },
  };
}

const EVENT_HANDLED = 'slack: install event handled';

export async function startOAuthHarness(
  fake: FakeSlackApi,
  fx: AppFixture,
  key: string,
  clock: () => Date,
): Promise<OAuthHarness> {
  const env = oauthEnv(fake, key);
  const logs = createLogSink();
  const slack = await startSlack({
    env,
    commands: fx.deps,
    timeZone: 'Europe/London',
    logger: logs.logger,
    host: '127.0.0.1',
    retryConfig: { retries: 0 },
    stores: openPlatformStores(env, fx.db),
    now: clock,
  });
  const base = `http://127.0.0.1:${slack.port}`;
  const startInstall = async () => {
    const res = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    const location = res.headers.get('location') ?? '';
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const state = new URL(location || 'http://x/').searchParams.get('state') ?? '';
    return { status: res.status, location, cookie, state };
  };
  return {
    slack,
    base,
    startInstall,
    async install(code) {
      const { cookie, state } = await startInstall();
      const res = await fetch(
        `${base}/slack/oauth_redirect?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`,
        { headers: { cookie } },
      );
      return { status: res.status, body: await res.text() };
    },
    async command(teamId, channelId, text) {
      const id = randomUUID();
      const payload = slashCommandPayload({
        text,
        teamId,
        channelId,
        responseUrl: fake.responseUrl(id),
      });
      const res = await postSignedForm(`${base}/slack/events`, payload, {
        secret: SIGNING_SECRET,
      });
      if (res.status !== 200) throw new Error(`oauth harness: HTTP ${res.status}: ${res.body}`);
      return fake.waitForResponses(id, 1);
    },
    async event(teamId, event, secret = SIGNING_SECRET) {
      // Bolt acknowledges an event before its listener runs: wait for the listener's log line.
      const handled = logs.waitFor(EVENT_HANDLED, logs.seen(EVENT_HANDLED) + 1);
      const res = await postSignedJson(`${base}/slack/events`, eventCallback(teamId, event), {
        secret,
      });
      if (res.status === 200) await handled;
      return { status: res.status };
    },
    logText: logs.text,
    stop: () => slack.stop(),
  };
}
