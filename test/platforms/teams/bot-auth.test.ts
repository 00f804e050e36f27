// Inbound authentication is the Agents SDK's real JWT validation, pointed at the loopback fake's
// per-run RSA key: a message with no token, an unsigned token, a token signed by another key, an
// expired one, one for another app (audience) or from another issuer is refused with 401, and
// the command in it never runs (no reply posted, no subscription stored).
import type { KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppFixture, type AppFixture } from '../../helpers/app-fixture.js';
import { generateRsaKey, TENANT_ID } from '../../fakes/teams-entra.js';
import {
  CHANNEL_CONVERSATION,
  channelMessage,
  startTeamsHarness,
  type TeamsHarness,
} from './teams-harness.js';

let app: AppFixture;
let teams: TeamsHarness;
let forgedKey: KeyObject;

beforeAll(async () => {
  app = createAppFixture();
  const [harness, forged] = await Promise.all([
    startTeamsHarness(app.deps, () => app.now),
    generateRsaKey(),
  ]);
  teams = harness;
  forgedKey = forged.privateKey;
});

afterAll(async () => {
  await teams?.close();
  app?.close();
});

function unsigned(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...claims, iat: now, exp: now + 600 })}.`;
}

describe('Teams inbound authentication', () => {
  const cases: [string, () => string | null][] = [
    ['no token', () => null],
    ['a malformed header', () => 'not-a-jwt'],
    [
      'an unsigned token',
      () => unsigned({ iss: teams.fake.issuer, aud: '00000000-0000-4000-8000-0000000000a1' }),
    ],
    ['a token signed by another key', () => teams.fake.signToken({}, { key: forgedKey })],
    ['an expired token', () => teams.fake.signToken({}, { expiresInSeconds: -3600 })],
    ['a token for another app', () => teams.fake.signToken({ aud: 'someone-elses-app' })],
    [
      'a token from another issuer',
      () => teams.fake.signToken({ iss: `${teams.fake.origin}/other-tenant/v2.0` }),
    ],
  ];

  it.each(cases)('refuses %s with 401 and runs nothing', async (_name, token) => {
    const before = teams.fake.activities.length;
    const response = await teams.post(channelMessage(teams.fake, 'subscribe carter'), token());
    expect(response.status).toBe(401);
    expect(teams.fake.activities.length).toBe(before);
    expect(app.deps.subscriptions.get('teams', TENANT_ID, CHANNEL_CONVERSATION)).toBeNull();
  });

  it('accepts the same message with a valid token (the refusals are about the token)', async () => {
    const response = await teams.post(channelMessage(teams.fake, 'subscribe carter'));
    expect(response.status).toBe(200);
    expect(app.deps.subscriptions.get('teams', TENANT_ID, CHANNEL_CONVERSATION)?.themes).toEqual([
      'carter',
    ]);
  });

  it('serves only POST /api/messages', async () => {
    const base = `http://127.0.0.1:${teams.bot.port}`;
    expect((await fetch(`${base}/api/messages`)).status).toBe(405);
    expect((await fetch(`${base}/`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});
