// `briefing doctor` for the Teams bot against the loopback fake of Entra: real MSAL gets (or is
// refused) a Bot Connector token with the app's credentials, and each subscribed conversation is
// checked for a usable service URL. A refused secret is one failing line with the fix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTeamsAccess } from '../../../src/platforms/teams/check-access.js';
import type { TeamsEnv } from '../../../src/platforms/teams/teams-env.js';
import {
  APP_ID,
  APP_PASSWORD,
  ENTRA_HOST,
  TENANT_ID,
  startFakeTeams,
  type FakeTeams,
} from '../../fakes/teams-entra.js';

let fake: FakeTeams;
beforeAll(async () => {
  fake = await startFakeTeams();
});
afterAll(async () => {
  await fake.close();
});

const envWith = (overrides: Partial<TeamsEnv> = {}): TeamsEnv => ({
  TEAMS_APP_ID: APP_ID,
  TEAMS_APP_PASSWORD: APP_PASSWORD,
  TEAMS_CERT_FILE: undefined,
  TEAMS_CERT_KEY_FILE: undefined,
  TEAMS_TENANT_ID: TENANT_ID,
  TEAMS_SERVICE_URL: 'https://smba.trafficmanager.net/teams/',
  ...overrides,
});
const options = () => ({ msal: { authorityHost: ENTRA_HOST, networkClient: fake.networkClient } });
const CONVERSATION = '19:policy@thread.tacv2';

describe('Teams doctor', () => {
  it('gets a token from the login endpoint and knows each conversation’s service URL', async () => {
    const checks = await checkTeamsAccess(envWith(), [CONVERSATION], options());
    expect(checks).toEqual([
      {
        name: 'teams token',
        status: 'ok',
        detail: `Entra issued a Bot Connector token for app ${APP_ID} (tenant ${TENANT_ID})`,
      },
      {
        name: `teams conversation ${CONVERSATION}`,
        status: 'ok',
        detail: 'posts through https://smba.trafficmanager.net/teams/',
      },
    ]);
    const request = fake.tokenRequests.at(-1)!;
    expect(request.get('scope')).toBe('https://api.botframework.com/.default');
  });

  it('gives one failing line with the fix when Entra refuses the secret', async () => {
    const checks = await checkTeamsAccess(
      envWith({ TEAMS_APP_PASSWORD: 'wrong-secret' }),
      [CONVERSATION],
      options(),
    );
    const failing = checks.filter((c) => c.status !== 'ok');
    expect(failing).toHaveLength(1);
    expect(failing[0]).toMatchObject({
      name: 'teams token',
      detail: expect.stringContaining('Entra refused the app credentials'),
      fix: expect.stringContaining('TEAMS_APP_PASSWORD'),
    });
    expect(JSON.stringify(checks)).not.toContain('wrong-secret');
  });

  it('fails each conversation when the service URL is not https', async () => {
    const checks = await checkTeamsAccess(
      envWith({ TEAMS_SERVICE_URL: 'http://smba.example/teams/' }),
      [CONVERSATION, '19:other@thread.tacv2'],
      options(),
    );
    expect(checks.map((c) => c.status)).toEqual(['ok', 'fail', 'fail']);
    expect(checks[1]!.fix).toContain('TEAMS_SERVICE_URL');
  });

  it('names the missing settings without contacting Entra', async () => {
    const [check] = await checkTeamsAccess(envWith({ TEAMS_TENANT_ID: undefined }), [], options());
    expect(check).toMatchObject({ name: 'teams credentials', status: 'fail' });
    expect(check!.detail).toContain('TEAMS_TENANT_ID');
  });
});
