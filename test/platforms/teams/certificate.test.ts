// A certificate instead of a client secret (TEAMS_CERT_FILE and TEAMS_CERT_KEY_FILE): MSAL signs
// a client assertion with the key, the fake Entra accepts it only for a certificate "uploaded" to
// the app (trustCertificate), and the digest part is posted with the token it returns; an
// untrusted certificate gets no token, so the part is retried later, never posted unsigned.
// Certificates are made per run with the real openssl command.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/logging.js';
import { createBotAdapter } from '../../../src/platforms/teams/create-bot.js';
import { createTeamsDeliveryAdapter } from '../../../src/platforms/teams/delivery-adapter.js';
import { readTeamsIdentity } from '../../../src/platforms/teams/teams-env.js';
import { sampleDigest } from '../../delivery/delivery-fixtures.js';
import {
  APP_ID,
  ENTRA_HOST,
  TENANT_ID,
  startFakeTeams,
  type FakeTeams,
} from '../../fakes/teams-entra.js';
import { virtualPacer } from './teams-harness.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-teams-cert-'));
let fake: FakeTeams;

type CertFiles = { cert: string; key: string };

async function makeCertificate(name: string): Promise<CertFiles> {
  const cert = join(work, `${name}.crt`);
  const key = join(work, `${name}.key`);
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '2',
    '-subj',
    `/CN=${name}`,
  ]);
  return { cert, key };
}

let trusted: CertFiles;
let untrusted: CertFiles;

beforeAll(async () => {
  [fake, trusted, untrusted] = await Promise.all([
    startFakeTeams(),
    makeCertificate('trusted'),
    makeCertificate('untrusted'),
  ]);
  fake.trustCertificate(readFileSync(trusted.cert, 'utf8'));
});

afterAll(async () => {
  await fake?.close();
  rmSync(work, { recursive: true, force: true });
});

function adapterFor(files: CertFiles) {
  const identity = readTeamsIdentity({
    TEAMS_APP_ID: APP_ID,
    TEAMS_TENANT_ID: TENANT_ID,
    TEAMS_APP_PASSWORD: undefined,
    TEAMS_CERT_FILE: files.cert,
    TEAMS_CERT_KEY_FILE: files.key,
    TEAMS_SERVICE_URL: fake.origin,
  });
  expect(identity.credential.kind).toBe('certificate');
  const bot = createBotAdapter(identity, {
    logger: silentLogger,
    msal: { authorityHost: ENTRA_HOST, networkClient: fake.networkClient },
  });
  return createTeamsDeliveryAdapter({
    adapter: bot,
    appId: APP_ID,
    serviceUrl: fake.origin,
    commandPrefix: '@Briefing',
    pacer: virtualPacer().pacer,
  });
}

const channel = {
  platform: 'teams',
  workspaceId: TENANT_ID,
  channelId: '19:cert@thread.tacv2',
} as const;

describe('Teams certificate credential', () => {
  it('gets its token with a signed client assertion, no secret', async () => {
    const adapter = adapterFor(trusted);
    const [part] = adapter.render(sampleDigest());
    const outcome = await adapter.send(channel, part!, { key: 'k1', parentMessageId: null });
    expect(outcome).toMatchObject({ status: 'sent' });
    const request = fake.tokenRequests.at(-1)!;
    expect(request.get('client_assertion')).toMatch(/^ey/);
    expect(request.get('client_secret')).toBeNull();
    expect(fake.activities.filter((a) => a.conversationId === channel.channelId)).toHaveLength(1);
  });

  it('posts nothing when Entra refuses the certificate', async () => {
    const adapter = adapterFor(untrusted);
    const [part] = adapter.render(sampleDigest());
    const before = fake.activities.length;
    const outcome = await adapter.send(channel, part!, { key: 'k2', parentMessageId: null });
    expect(outcome).toMatchObject({
      status: 'retry',
      reason: expect.stringMatching(/invalid_client/),
    });
    expect(fake.activities.length).toBe(before);
  });

  it('asks for both certificate files', () => {
    expect(() =>
      readTeamsIdentity({
        TEAMS_APP_ID: APP_ID,
        TEAMS_TENANT_ID: TENANT_ID,
        TEAMS_APP_PASSWORD: 'secret',
        TEAMS_CERT_FILE: join(work, 'trusted.crt'),
        TEAMS_CERT_KEY_FILE: undefined,
        TEAMS_SERVICE_URL: fake.origin,
      }),
    ).toThrow(/^teams: set TEAMS_CERT_KEY_FILE$/);
  });
});
