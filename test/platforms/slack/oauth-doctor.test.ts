// `briefing doctor` in OAuth mode: one line per installed workspace, from auth.test with that
// workspace's own token (fake Slack on loopback), naming the fix when Slack refuses it.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlatformStores } from '../../../src/cli/platform-stores.js';
import { checkSlackAccess } from '../../../src/platforms/slack/check-access.js';
import { createAppFixture, type AppFixture } from '../../helpers/app-fixture.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { oauthEnv } from './oauth-harness.js';

describe('doctor in OAuth mode', () => {
  let fx: AppFixture;
  let fake: FakeSlackApi;
  const key = randomBytes(32).toString('base64');

  beforeAll(async () => {
    fx = createAppFixture({ stories: [] });
    fake = await new FakeSlackApi().start();
  });
  afterAll(async () => {
    await fake.stop();
    fx.close();
  });

  /** Issues a token in the fake (as oauth.v2.access would) and stores the installation. */
  function install(teamId: string, token: string) {
    fake.installs.grant(`code-${teamId}`, { teamId, teamName: `Trust ${teamId}` }, token);
    fake.installs.exchange({
      client_id: fake.installs.clientId,
      client_secret: fake.installs.clientSecret,
      code: `code-${teamId}`,
    });
    const stores = openPlatformStores(oauthEnv(fake, key), fx.db);
    stores.installations!.save(
      {
        workspaceId: teamId,
        enterpriseId: null,
        workspaceName: `Trust ${teamId}`,
        details: { team: { id: teamId }, bot: { scopes: [], id: 'B1', userId: 'U1', token: '' } },
        secrets: { bot: token },
      },
      new Date(),
    );
  }

  const check = () => {
    const env = oauthEnv(fake, key);
    return checkSlackAccess(env, [], openPlatformStores(env, fx.db));
  };

  it('warns when no workspace has installed the app', async () => {
    expect(await check()).toEqual([expect.objectContaining({ status: 'warn' })]);
  });

  it("checks each workspace's token and names the fix for a refused one", async () => {
    install('T0DOCOK', 'xoxb-doctor-ok-secret');
    install('T0DOCREV', 'xoxb-doctor-revoked-secret');
    fake.installs.revoke('xoxb-doctor-revoked-secret');
    const checks = await check();
    expect(checks.map((c) => [c.name, c.status])).toEqual([
      ['slack workspace Trust T0DOCOK (T0DOCOK)', 'ok'],
      ['slack workspace Trust T0DOCREV (T0DOCREV)', 'fail'],
    ]);
    expect(checks[1]!.detail).toContain('token_revoked');
    expect(checks[1]!.fix).toMatch(/Add to Slack/);
    expect(JSON.stringify(checks)).not.toContain('xoxb-');
  });
});
