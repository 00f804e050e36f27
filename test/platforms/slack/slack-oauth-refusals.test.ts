// OAuth mode's refusals and edge cases: a forged, missing or replayed state is refused and
// nothing is stored; a revoked bot token pauses the workspace like an uninstall, a revoked user
// token alone does not; a workspace that never installed the app pauses with a reason an install
// lifts; a SLACK_INSTALL_KEY that cannot open the stored tokens makes delivery retry with a clear
// reason (never a token), and OAuth mode without the key does not start.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlatformStores } from '../../../src/cli/platform-stores.js';
import { silentLogger } from '../../../src/logging.js';
import {
  NOT_INSTALLED_REASON,
  TOKEN_REVOKED_REASON,
  isInstallPause,
} from '../../../src/platforms/slack/install-pauses.js';
import { createSlackAdapterFromEnv } from '../../../src/platforms/slack/slack-env.js';
import { startSlack } from '../../../src/platforms/slack/start.js';
import { createAppFixture, type AppFixture } from '../../helpers/app-fixture.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { makeDigest } from '../digest-fixtures.js';
import { oauthEnv, startOAuthHarness, type OAuthHarness } from './oauth-harness.js';

const KEY = randomBytes(32).toString('hex');
const A = { teamId: 'T0REFUSEA', teamName: 'Trust A' };
const TOKEN_A = 'xoxb-refusals-a-secret';

describe('Slack OAuth mode: refusals', () => {
  let fx: AppFixture;
  let fake: FakeSlackApi;
  let h: OAuthHarness;
  const clock = () => new Date('2017-02-16T12:00:00.000Z');
  const installedTeams = () =>
    (fx.db.prepare('SELECT team_id FROM slack_installations').all() as { team_id: string }[]).map(
      (r) => r.team_id,
    );

  beforeAll(async () => {
    fx = createAppFixture({ now: clock() });
    fake = await new FakeSlackApi().start();
    fake.addChannel('C0REFUSE1');
    h = await startOAuthHarness(fake, fx, KEY, clock);
  });
  afterAll(async () => {
    await h.stop();
    await fake.stop();
    fx.close();
  });

  const redirect = (query: string, cookie?: string) =>
    fetch(`${h.base}/slack/oauth_redirect?${query}`, cookie ? { headers: { cookie } } : {});

  it.each([
    ['a forged state', async () => ({ state: 'forged', cookie: 'slack-app-oauth-state=forged' })],
    ['a real state without its cookie', async () => ({ ...(await h.startInstall()), cookie: '' })],
    [
      "another browser's state",
      async () => {
        const mine = await h.startInstall();
        const theirs = await h.startInstall();
        return { state: theirs.state, cookie: mine.cookie };
      },
    ],
  ])('refuses %s: no code exchange, nothing stored', async (_name, make) => {
    fake.installs.grant('code-refused', A, TOKEN_A);
    const { state, cookie } = await make();
    const res = await redirect(`code=code-refused&state=${encodeURIComponent(state)}`, cookie);
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('code-refused');
    expect(fake.callsTo('oauth.v2.access')).toHaveLength(0);
    expect(installedTeams()).toEqual([]);
  });

  it('pauses for a revoked bot token, but not for a revoked user token alone', async () => {
    fake.installs.grant('code-a', A, TOKEN_A);
    expect((await h.install('code-a')).status).toBe(200);
    fx.deps.subscriptions.upsert(
      {
        platform: 'slack',
        workspaceId: A.teamId,
        channelId: 'C0REFUSE1',
        themes: 'all',
        organisations: [],
        schedule: null,
        createdBy: 'U1',
      },
      clock(),
    );
    const paused = () => fx.deps.subscriptions.get('slack', A.teamId, 'C0REFUSE1')?.pausedReason;
    await h.event(A.teamId, { type: 'tokens_revoked', tokens: { oauth: ['U0INSTALLER'] } });
    expect(paused()).toBeNull();
    expect(installedTeams()).toEqual([A.teamId]);
    await h.event(A.teamId, { type: 'tokens_revoked', tokens: { bot: ['UBOTFAKE1'] } });
    expect(paused()).toBe(TOKEN_REVOKED_REASON);
    expect(installedTeams()).toEqual([]);
    // Slack's app_uninstalled may follow: the reason stays the first one.
    await h.event(A.teamId, { type: 'app_uninstalled' });
    expect(paused()).toBe(TOKEN_REVOKED_REASON);
  });

  it('a workspace without an installation pauses with a reason an install lifts', async () => {
    const adapter = createSlackAdapterFromEnv(oauthEnv(fake, KEY), silentLogger, {
      stores: openPlatformStores(oauthEnv(fake, KEY), fx.db),
    });
    const [part] = adapter.render(makeDigest());
    const outcome = await adapter.send(
      { platform: 'slack', workspaceId: 'T0NEVER', channelId: 'C0REFUSE1' },
      part!,
      { key: 'k1', parentMessageId: null },
    );
    expect(outcome).toEqual({ status: 'permanent', reason: NOT_INSTALLED_REASON });
    expect(isInstallPause(NOT_INSTALLED_REASON)).toBe(true);
    expect(isInstallPause('Slack: the channel is archived [is_archived]')).toBe(false);
  });

  it('a key that cannot open the tokens: delivery retries with a clear reason, no token', async () => {
    fake.installs.grant('code-a3', A, TOKEN_A);
    expect((await h.install('code-a3')).status).toBe(200);
    const otherKey = randomBytes(32).toString('base64');
    const env = oauthEnv(fake, otherKey);
    const adapter = createSlackAdapterFromEnv(env, silentLogger, {
      stores: openPlatformStores(env, fx.db),
    });
    const [part] = adapter.render(makeDigest());
    const before = fake.callsTo('chat.postMessage').length;
    const outcome = await adapter.send(
      { platform: 'slack', workspaceId: A.teamId, channelId: 'C0REFUSE1' },
      part!,
      { key: 'k2', parentMessageId: null },
    );
    expect(outcome.status).toBe('retry');
    const reason = outcome.status === 'retry' ? outcome.reason : '';
    expect(reason).toMatch(/T0REFUSEA cannot be opened with SLACK_INSTALL_KEY/);
    expect(reason).not.toContain(TOKEN_A);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(before);
  });

  it.each([
    [{ SLACK_INSTALL_KEY: '' }, /needs SLACK_INSTALL_KEY .*not starting without it/],
    [{ SLACK_BOT_TOKEN: 'xoxb-one' }, /either SLACK_BOT_TOKEN .* not both/],
    [{ SLACK_SIGNING_SECRET: '' }, /OAuth mode runs over HTTP/],
    [{ SLACK_STATE_SECRET: '' }, /also needs SLACK_STATE_SECRET/],
  ])('does not start OAuth mode with %o', async (extra, message) => {
    const env = oauthEnv(fake, KEY, extra);
    const error = await startSlack({
      env,
      commands: fx.deps,
      timeZone: 'Europe/London',
      logger: silentLogger,
      host: '127.0.0.1',
      stores: openPlatformStores(env, fx.db),
    }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/^slack: /);
    expect(error?.message).toMatch(message);
  });
});
