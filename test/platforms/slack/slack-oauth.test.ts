// Slack for many workspaces (issue 16), end to end on loopback: the real Bolt HTTP receiver with
// @slack/oauth's install flow, the real installation store (tokens sealed in SQLite), the real
// weekly job and outbox, against the fake Slack's OAuth and Web API. Two workspaces install the
// app; each one's digest is posted with its own token; an uninstall (a signed app_uninstalled
// event) pauses that workspace's channels with a reason `status` shows and nothing more is
// posted there; a re-install resumes them and the held digest goes out with the new token.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommandText } from '../../../src/commands/run-command.js';
import { processOutbox } from '../../../src/delivery/process-outbox.js';
import { silentLogger } from '../../../src/logging.js';
import { UNINSTALLED_REASON } from '../../../src/platforms/slack/install-pauses.js';
import { renderSlackResult } from '../../../src/platforms/slack/render-result.js';
import { runDigestJob } from '../../../src/pipeline/run-digest-job.js';
import { createAppFixture, type AppFixture } from '../../helpers/app-fixture.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { startOAuthHarness, type OAuthHarness } from './oauth-harness.js';

const KEY = randomBytes(32).toString('base64');
const A = { teamId: 'T0TRUSTA1', teamName: 'Trust A' };
const B = { teamId: 'T0TRUSTB2', teamName: 'Trust B' };
const TOKEN_A = 'xoxb-trust-a-first-secret';
const TOKEN_A2 = 'xoxb-trust-a-second-secret';
const TOKEN_B = 'xoxb-trust-b-secret';
const CHANNEL_A = 'C0ACHANNEL';
const CHANNEL_B = 'C0BCHANNEL';

describe('Slack OAuth mode: install, deliver per workspace, uninstall, re-install', () => {
  let fx: AppFixture;
  let fake: FakeSlackApi;
  let h: OAuthHarness;
  let digestsDir: string;
  let clock = new Date('2017-02-16T12:00:00.000Z');

  beforeAll(async () => {
    fx = createAppFixture({ now: clock });
    fake = await new FakeSlackApi().start();
    fake.addChannel(CHANNEL_A, { name: 'policy-a' });
    fake.addChannel(CHANNEL_B, { name: 'policy-b' });
    h = await startOAuthHarness(fake, fx, KEY, () => clock);
    digestsDir = mkdtempSync(join(tmpdir(), 'slack-oauth-digests-'));
  });
  afterAll(async () => {
    await h.stop();
    await fake.stop();
    fx.close();
    rmSync(digestsDir, { recursive: true, force: true });
  });

  const adapters = () => new Map([['slack' as const, h.slack.adapter]]);
  const runJob = (now: Date, signal?: AbortSignal) =>
    runDigestJob({
      db: fx.db,
      config: fx.config,
      adapters: adapters(),
      now,
      digestsDir,
      logger: silentLogger,
      ...(signal ? { delivery: { signal } } : {}),
    });
  const postsTo = (channel: string) =>
    fake.callsTo('chat.postMessage').filter((c) => c.params.channel === channel);
  const subscription = (teamId: string, channelId: string) =>
    fx.deps.subscriptions.get('slack', teamId, channelId);

  it('sends the installer to Slack with a signed state cookie', async () => {
    const start = await h.startInstall();
    expect(start.status).toBe(302);
    const url = new URL(start.location);
    expect(`${url.origin}${url.pathname}`).toBe('https://slack.com/oauth/v2/authorize');
    expect(url.searchParams.get('client_id')).toBe(fake.installs.clientId);
    expect(url.searchParams.get('scope')?.split(',')).toContain('chat:write');
    expect(start.state.length).toBeGreaterThan(20);
    expect(start.cookie).toBe(`slack-app-oauth-state=${start.state}`);
  });

  it('stores each installation with its tokens encrypted', async () => {
    fake.installs.grant('code-a', A, TOKEN_A);
    fake.installs.grant('code-b', B, TOKEN_B);
    expect((await h.install('code-a')).status).toBe(200);
    expect((await h.install('code-b')).status).toBe(200);
    const exchange = fake.callsTo('oauth.v2.access');
    expect(exchange).toHaveLength(2);
    expect(exchange[0]!.params.client_secret).toBe(fake.installs.clientSecret);
    const raw = JSON.stringify(fx.db.prepare('SELECT * FROM slack_installations').all());
    expect(raw).toContain(A.teamId);
    expect(raw).toContain(B.teamId);
    for (const token of [TOKEN_A, TOKEN_B]) expect(raw).not.toContain(token);
  });

  it("answers each workspace's commands and posts its digest with that workspace's token", async () => {
    const [replyA] = await h.command(A.teamId, CHANNEL_A, 'subscribe carter');
    const [replyB] = await h.command(B.teamId, CHANNEL_B, 'subscribe stp');
    expect(JSON.stringify(replyA)).toContain('will now receive');
    expect(JSON.stringify(replyB)).toContain('will now receive');
    // The subscribe checks ran with each workspace's own token.
    const infos = fake.callsTo('conversations.info');
    expect(infos.find((c) => c.params.channel === CHANNEL_A)?.token).toBe(TOKEN_A);
    expect(infos.find((c) => c.params.channel === CHANNEL_B)?.token).toBe(TOKEN_B);

    clock = new Date('2017-02-20T09:00:00.000Z');
    const report = await runJob(clock);
    expect(report.enqueued).toHaveLength(2);
    expect(postsTo(CHANNEL_A).length).toBeGreaterThan(0);
    expect(postsTo(CHANNEL_B).length).toBeGreaterThan(0);
    expect(new Set(postsTo(CHANNEL_A).map((c) => c.token))).toEqual(new Set([TOKEN_A]));
    expect(new Set(postsTo(CHANNEL_B).map((c) => c.token))).toEqual(new Set([TOKEN_B]));
  });

  it('refuses an app_uninstalled event that Slack did not sign', async () => {
    expect((await h.event(A.teamId, { type: 'app_uninstalled' }, 'wrong-secret')).status).toBe(401);
    expect((await h.event(A.teamId, { type: 'app_uninstalled' }, null)).status).toBe(401);
    expect(subscription(A.teamId, CHANNEL_A)?.pausedReason).toBeNull();
    expect(fx.db.prepare('SELECT count(*) AS n FROM slack_installations').get()).toEqual({ n: 2 });
  });

  it("pauses an uninstalled workspace's channels, says why in status, and posts nothing there", async () => {
    // The next week's digest is queued for both channels, but not yet sent.
    clock = new Date('2017-02-27T09:00:00.000Z');
    const stopped = new AbortController();
    stopped.abort();
    expect((await runJob(clock, stopped.signal)).enqueued).toHaveLength(2);
    const before = postsTo(CHANNEL_A).length;

    expect((await h.event(A.teamId, { type: 'app_uninstalled' })).status).toBe(200);
    expect(subscription(A.teamId, CHANNEL_A)?.pausedReason).toBe(UNINSTALLED_REASON);
    expect(subscription(B.teamId, CHANNEL_B)?.pausedReason).toBeNull();
    const status = runCommandText(
      'status',
      fx.invocation({ platform: 'slack', workspaceId: A.teamId, channelId: CHANNEL_A }),
      fx.deps,
    );
    const shown = JSON.stringify(
      renderSlackResult(status, { commandName: '/briefing', timeZone: 'Europe/London' }),
    );
    expect(shown).toContain('the app was removed from this Slack workspace');

    const delivered = await processOutbox(fx.db, adapters(), clock, { logger: silentLogger });
    expect(delivered.sent).toBeGreaterThan(0);
    expect(postsTo(CHANNEL_A)).toHaveLength(before);
    // Slash commands from the uninstalled workspace are no longer authorized: Bolt runs nothing.
    expect(fx.db.prepare('SELECT team_id FROM slack_installations').all()).toEqual([
      { team_id: B.teamId },
    ]);
  });

  it('resumes the channels on a re-install and sends the held digest with the new token', async () => {
    const before = postsTo(CHANNEL_A).length;
    fake.installs.grant('code-a2', A, TOKEN_A2);
    expect((await h.install('code-a2')).status).toBe(200);
    expect(subscription(A.teamId, CHANNEL_A)?.pausedReason).toBeNull();
    const delivered = await processOutbox(fx.db, adapters(), clock, { logger: silentLogger });
    expect(delivered.sent).toBeGreaterThan(0);
    const after = postsTo(CHANNEL_A).slice(before);
    expect(after.length).toBeGreaterThan(0);
    expect(new Set(after.map((c) => c.token))).toEqual(new Set([TOKEN_A2]));
  });

  it('never logs a token', () => {
    for (const token of [TOKEN_A, TOKEN_A2, TOKEN_B, fake.installs.clientSecret])
      expect(h.logText()).not.toContain(token);
  });
});
