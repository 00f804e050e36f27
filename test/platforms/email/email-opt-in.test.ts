// Double opt-in and the signed tokens, through the real CLI (`briefing subscribe --platform email`,
// `briefing email confirm|unsubscribe <token>`), a real database file and the loopback SMTP
// server: an unconfirmed address gets the confirmation mail and nothing else; a forged token
// changes nothing; the real confirm token starts delivery; the unsubscribe token ends it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as runBriefing } from '../../helpers/run-cli.js';
import { enqueueDigest } from '../../../src/delivery/enqueue-digest.js';
import type { DeliveryAdapter } from '../../../src/delivery/adapter.js';
import type { ChannelPlatform, ChannelRef } from '../../../src/domain.js';
import { silentLogger } from '../../../src/logging.js';
import { signToken } from '../../../src/platforms/email/email-tokens.js';
import { AWAITING_CONFIRMATION } from '../../../src/platforms/email/opt-in-reason.js';
import { emailRuntime } from '../../../src/platforms/email/runtime.js';
import { openDatabase } from '../../../src/store/database.js';
import { getSubscription } from '../../../src/store/subscriptions.js';
import { tick } from '../../delivery/delivery-fixtures.js';
import { makeDigest } from '../digest-fixtures.js';
import { SECRET, emailEnv, startSmtp, type SmtpFixture } from './smtp-fixture.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-email-opt-in-'));
const CHANNEL: ChannelRef = {
  platform: 'email',
  workspaceId: 'email',
  channelId: 'team@nhs.example',
};
let smtp: SmtpFixture;
let vars: Record<string, string>;

beforeAll(async () => {
  smtp = await startSmtp();
  vars = {
    LOG_LEVEL: 'silent',
    DATABASE_PATH: join(work, 'briefing.db'),
    DIGESTS_DIR: join(work, 'digests'),
    SMTP_URL: smtp.url,
    EMAIL_FROM: 'NHS briefing <briefing@example.org>',
    EMAIL_UNSUBSCRIBE_SECRET: SECRET,
  };
});
afterAll(async () => {
  await smtp.close();
  rmSync(work, { recursive: true, force: true });
});

const runCli = (argv: string[]) => runBriefing(argv, vars);

/** Queues this week's digest for the address and runs one delivery pass. */
async function deliverDigest(now: Date) {
  const db = openDatabase(vars.DATABASE_PATH!);
  try {
    const adapter = emailRuntime.createDeliveryAdapter(emailEnv(smtp.url), silentLogger);
    const subscription = getSubscription(db, CHANNEL);
    if (subscription) enqueueDigest(db, { digest: makeDigest(), subscription, adapter, now });
    await tick(db, new Map<ChannelPlatform, DeliveryAdapter>([['email', adapter]]), now);
    return getSubscription(db, CHANNEL);
  } finally {
    db.close();
  }
}

describe('email double opt-in and tokens', () => {
  it('sends only the confirmation mail until the address confirms with its own token', async () => {
    const added = await runCli([
      'subscribe',
      '--platform',
      'email',
      '--channel',
      'Team@NHS.example',
      '--themes',
      'carter,stp',
    ]);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('A confirmation mail went to team@nhs.example');
    expect(smtp.received).toHaveLength(1);
    const confirmation = smtp.received[0]!.mail;
    expect(confirmation.subject).toBe('Confirm your weekly NHS policy catch-up');
    const token = /confirm (c\.[\w-]+\.[\w-]+)/.exec(String(confirmation.text))?.[1];
    expect(token).toBe(signToken('confirm', 'team@nhs.example', SECRET));

    // Unconfirmed: the digest is held, nothing reaches the address.
    const held = await deliverDigest(new Date());
    expect(held?.pausedReason).toBe(AWAITING_CONFIRMATION);
    expect(smtp.received).toHaveLength(1);

    const forged = `${token!.slice(0, -2)}xx`;
    expect((await runCli(['email', 'confirm', forged])).code).toBe(2);
    const otherKey = signToken(
      'confirm',
      'team@nhs.example',
      'another-secret-another-secret-12345',
    );
    expect((await runCli(['email', 'confirm', otherKey])).code).toBe(2);
    const wrongUse = await runCli(['email', 'unsubscribe', token!]);
    expect(wrongUse.code).toBe(2);
    expect((await deliverDigest(new Date()))?.pausedReason).toBe(AWAITING_CONFIRMATION);
    expect(smtp.received).toHaveLength(1);

    const confirmed = await runCli(['email', 'confirm', token!]);
    expect(confirmed.code).toBe(0);
    expect(confirmed.stdout).toContain('team@nhs.example is confirmed');
    expect((await deliverDigest(new Date()))?.pausedReason).toBeNull();
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received[1]!.mail.subject).toBe(makeDigest().title);
  });

  it('unsubscribes with the token from List-Unsubscribe, and refuses a forged one', async () => {
    const digestMail = smtp.received[1]!.mail;
    const header = smtp.header(digestMail, 'List-Unsubscribe')!;
    const token = /subject=unsubscribe%20(u\.[\w-]+\.[\w-]+)/.exec(header)?.[1];
    expect(token).toBe(signToken('unsubscribe', 'team@nhs.example', SECRET));
    // A token for another address, signed with a guessed key, is refused.
    const forged = signToken(
      'unsubscribe',
      'team@nhs.example',
      'guessed-guessed-guessed-guessed-000',
    );
    expect((await runCli(['email', 'unsubscribe', forged])).code).toBe(2);
    const db = openDatabase(vars.DATABASE_PATH!);
    expect(getSubscription(db, CHANNEL)).not.toBeNull();
    db.close();
    const done = await runCli(['email', 'unsubscribe', token!]);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('team@nhs.example is unsubscribed');
    const after = openDatabase(vars.DATABASE_PATH!);
    expect(getSubscription(after, CHANNEL)).toBeNull();
    after.close();
  });
});
