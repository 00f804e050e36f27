// Email end to end over loopback: the real email adapter (nodemailer) posts through the real
// outbox to a real SMTP server on 127.0.0.1, and a real MIME parser reads what arrived: both
// parts, headers, links, List-Unsubscribe, the Message-ID, hostile feed text, 5xx pausing the
// address, 4xx retrying, and no second mail after a crash that left the part 'sending'.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryAdapter } from '../../../src/delivery/adapter.js';
import { enqueueDigest } from '../../../src/delivery/enqueue-digest.js';
import type { ChannelPlatform, ChannelRef, Digest } from '../../../src/domain.js';
import { silentLogger } from '../../../src/logging.js';
import { emailRuntime } from '../../../src/platforms/email/runtime.js';
import { openDatabase, type Db } from '../../../src/store/database.js';
import { claimPart, listParts } from '../../../src/store/outbox.js';
import { getSubscription, upsertSubscription } from '../../../src/store/subscriptions.js';
import { tick } from '../../delivery/delivery-fixtures.js';
import { hostileDigest, makeDigest } from '../digest-fixtures.js';
import { emailEnv, startSmtp, type SmtpFixture } from './smtp-fixture.js';

const T0 = new Date('2017-02-20T08:00:00.000Z');
const TO = 'team@nhs.example';
const CHANNEL: ChannelRef = { platform: 'email', workspaceId: 'email', channelId: TO };

let smtp: SmtpFixture;
let db: Db;
let adapter: DeliveryAdapter;
let adapters: Map<ChannelPlatform, DeliveryAdapter>;

beforeEach(async () => {
  smtp = await startSmtp();
  db = openDatabase(':memory:');
  adapter = emailRuntime.createDeliveryAdapter(emailEnv(smtp.url), silentLogger);
  adapters = new Map([['email', adapter]]);
});
afterEach(async () => {
  db.close();
  await smtp.close();
});

function enqueue(digest: Digest, channel: ChannelRef = CHANNEL) {
  const { subscription } = upsertSubscription(
    db,
    { ...channel, themes: 'all', organisations: [], schedule: null, createdBy: 'cli' },
    T0,
  );
  enqueueDigest(db, { digest, subscription, adapter, now: T0 });
}

describe('email delivery over SMTP', () => {
  it('sends one multipart message with both bodies, visible links and unsubscribe headers', async () => {
    enqueue(makeDigest());
    const report = await tick(db, adapters, T0);
    expect(report.sent).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const { mail, envelopeTo, raw } = smtp.received[0]!;
    expect(envelopeTo).toEqual([TO]);
    expect(raw).toMatch(/Content-Type: multipart\/alternative/i);
    expect(mail.subject).toBe(makeDigest().title);
    expect(mail.from?.value[0]?.address).toBe('briefing@example.org');
    expect(mail.text).toContain(makeDigest().sections[0]!.entries[0]!.title);
    expect(mail.html).toContain('<h1');
    expect(mail.html).not.toMatch(/<img|<table|<script/i);
    // Every link is http(s), and its host is printed next to it.
    const hrefs = [...String(mail.html).matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(1);
    for (const href of hrefs) expect(href).toMatch(/^(https?:|mailto:)/);
    const [part] = listParts(db, '2017-W07', CHANNEL);
    expect(mail.messageId).toBe(`<2017-W07.${part!.key}@example.org>`);
    expect(part!.messageId).toBe(mail.messageId);
    const unsubscribe = smtp.header(mail, 'List-Unsubscribe')!;
    expect(unsubscribe).toMatch(
      /^<mailto:briefing@example\.org\?subject=unsubscribe%20u\.[^>]+>, <https:\/\/briefing\.example\.org\/email\/unsubscribe\/u\.[^>]+>$/,
    );
    expect(smtp.header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain('Unsubscribe: https://briefing.example.org/email/unsubscribe/u.');
  });

  it('shows hostile feed text as text: no script, no event handler, no javascript: link, one subject line', async () => {
    const hostile = hostileDigest();
    enqueue({
      ...hostile,
      title: 'Catch up\r\nBcc: victim@evil.example\r\n\r\n<script>x</script>',
    });
    await tick(db, adapters, T0);
    const { mail, envelopeTo, raw } = smtp.received[0]!;
    expect(envelopeTo).toEqual([TO]);
    expect(mail.bcc).toBeUndefined();
    expect(raw).not.toMatch(/^Bcc:/im);
    expect(mail.subject).toBe('Catch up Bcc: victim@evil.example <script>x</script>');
    const html = String(mail.html);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toMatch(/<a href="https:\/\/evil\.example/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // In the text part a link is a line of its own; only http(s) URLs get one.
    const urlLines = String(mail.text)
      .split('\n')
      .filter((l) => /^\s+\S+:\/\/\S*$/.test(l));
    expect(urlLines.length).toBeGreaterThan(0);
    for (const line of urlLines) expect(line.trim()).toMatch(/^https:\/\/news\.example\.org\//);
    expect(mail.text).not.toMatch(/^\s+javascript:/m);
  });

  it('pauses the address with the reason on a permanent (5xx) refusal', async () => {
    smtp.refuse.set(TO, [550, '5.1.1 No such mailbox here']);
    enqueue(makeDigest());
    const report = await tick(db, adapters, T0);
    expect(report.paused).toEqual([`email:email:${TO}`]);
    expect(smtp.received).toHaveLength(0);
    expect(getSubscription(db, CHANNEL)?.pausedReason).toMatch(
      /refused this address.*550.*No such mailbox/,
    );
    expect(listParts(db, '2017-W07', CHANNEL)[0]!.status).toBe('failed');
  });

  it('retries a temporary (4xx) refusal through the outbox and then delivers once', async () => {
    smtp.refuse.set(TO, [451, '4.7.1 Greylisted, try again later']);
    enqueue(makeDigest());
    const first = await tick(db, adapters, T0);
    expect(first.retried).toBe(1);
    const [part] = listParts(db, '2017-W07', CHANNEL);
    expect(part!.status).toBe('pending');
    expect(part!.lastError).toMatch(/deferred.*451/);
    expect(getSubscription(db, CHANNEL)?.pausedReason).toBeNull();
    smtp.refuse.delete(TO);
    const later = new Date(Date.parse(part!.nextAttemptAt) + 1);
    const second = await tick(db, adapters, later);
    expect(second.sent).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(listParts(db, '2017-W07', CHANNEL)[0]!.status).toBe('sent');
  });

  it('does not mail again after a crash between the SMTP DATA and the outbox record', async () => {
    enqueue(makeDigest());
    const [part] = listParts(db, '2017-W07', CHANNEL);
    // The crashed process: it claimed the part, the server accepted DATA, and it died before
    // recording "sent" (its lease then ran out).
    const lease = new Date(T0.getTime() + 60_000);
    expect(claimPart(db, part!, lease, T0, 'crashed-instance')).toBe(true);
    const outcome = await adapter.send(
      CHANNEL,
      { index: 0, total: 1, payload: part!.payload, text: part!.text },
      { key: part!.key, parentMessageId: null },
    );
    expect(outcome.status).toBe('sent');
    expect(smtp.received).toHaveLength(1);
    expect(listParts(db, '2017-W07', CHANNEL)[0]!.status).toBe('sending');

    const report = await tick(db, adapters, new Date(lease.getTime() + 1));
    expect(report.recovered).toBe(1);
    expect(report.sent).toBe(0);
    expect(smtp.received).toHaveLength(1);
    const after = listParts(db, '2017-W07', CHANNEL)[0]!;
    expect(after.status).toBe('sent');
    expect(after.messageId).toBe(smtp.received[0]!.mail.messageId);
    // And nothing more on later passes.
    await tick(db, adapters, new Date(lease.getTime() + 3_600_000));
    expect(smtp.received).toHaveLength(1);
  });
});
