// One-click unsubscribe (RFC 8058) and confirm over real HTTP on 127.0.0.1: the web server's
// email routes with the store behind them (cli/email-token-deps.ts). GET never changes anything
// (scanners fetch links); POST with the signed token does; a forged token is refused; the token
// is the credential even when WEB_TOKEN guards the rest of the server.
import { afterEach, describe, expect, it } from 'vitest';
import { emailTokenDeps } from '../../../src/cli/email-token-deps.js';
import type { ChannelRef } from '../../../src/domain.js';
import { signToken } from '../../../src/platforms/email/email-tokens.js';
import { AWAITING_CONFIRMATION } from '../../../src/platforms/email/opt-in-reason.js';
import { openDatabase, type Db } from '../../../src/store/database.js';
import {
  getSubscription,
  pauseSubscription,
  upsertSubscription,
} from '../../../src/store/subscriptions.js';
import { startWebServer } from '../../../src/web/server.js';
import { SECRET, emailEnv } from './smtp-fixture.js';

const CHANNEL: ChannelRef = { platform: 'email', workspaceId: 'email', channelId: 'a@nhs.example' };
const T0 = new Date('2017-02-20T08:00:00.000Z');
let db: Db;
let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  db.close();
});

async function serve(): Promise<string> {
  db = openDatabase(':memory:');
  upsertSubscription(
    db,
    { ...CHANNEL, themes: 'all', organisations: [], schedule: null, createdBy: 'cli' },
    T0,
  );
  const { app, url } = await startWebServer(
    {
      readiness: () => [],
      metrics: async () => ({ contentType: 'text/plain', body: '' }),
      ...emailTokenDeps(emailEnv('smtp://127.0.0.1:1'), db),
    },
    { host: '127.0.0.1', port: 0, access: { token: 'web-secret' } },
  );
  close = () => app.close();
  return url;
}

const oneClick = {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: 'List-Unsubscribe=One-Click',
};

describe('email web routes', () => {
  it('unsubscribes on the one-click POST only, with the real token', async () => {
    const url = await serve();
    const token = signToken('unsubscribe', CHANNEL.channelId, SECRET);
    const page = await fetch(`${url}/email/unsubscribe/${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post">');
    expect(getSubscription(db, CHANNEL)).not.toBeNull();
    const forged = signToken(
      'unsubscribe',
      CHANNEL.channelId,
      'forged-forged-forged-forged-forged-0',
    );
    expect((await fetch(`${url}/email/unsubscribe/${forged}`, oneClick)).status).toBe(400);
    expect(getSubscription(db, CHANNEL)).not.toBeNull();
    const done = await fetch(`${url}/email/unsubscribe/${token}`, oneClick);
    expect(done.status).toBe(200);
    expect(getSubscription(db, CHANNEL)).toBeNull();
    // The rest of the server still needs WEB_TOKEN.
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
  });

  it('confirms an address awaiting its double opt-in', async () => {
    const url = await serve();
    pauseSubscription(db, CHANNEL, AWAITING_CONFIRMATION, T0);
    const token = signToken('confirm', CHANNEL.channelId, SECRET);
    const wrong = await fetch(
      `${url}/email/confirm/${signToken('unsubscribe', CHANNEL.channelId, SECRET)}`,
      {
        method: 'POST',
      },
    );
    expect(wrong.status).toBe(400);
    expect(getSubscription(db, CHANNEL)?.pausedReason).toBe(AWAITING_CONFIRMATION);
    const done = await fetch(`${url}/email/confirm/${token}`, { method: 'POST' });
    expect(done.status).toBe(200);
    expect(getSubscription(db, CHANNEL)?.pausedReason).toBeNull();
  });
});
