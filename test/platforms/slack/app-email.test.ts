// `/briefing email add|remove|list` through the real Bolt app (Socket Mode) against the fake
// Slack on loopback, with the real email chat deps over a real database and the real email
// platform sending to a real SMTP server on loopback (read back with mailparser): the
// confirmation mail arrives and nothing else; only workspace admins may add or remove
// (EMAIL_CHAT_PERMISSION's default, even where anyone may subscribe); hostile addresses are refused; a channel sees and removes only its own
// addresses; the daily limit holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandDeps } from '../../../src/commands/types.js';
import { AWAITING_CONFIRMATION } from '../../../src/platforms/email/opt-in-reason.js';
import { createAppFixture, type AppFixture } from '../../helpers/app-fixture.js';
import { startSmtp, type SmtpFixture } from '../email/smtp-fixture.js';
import { withEmailChat } from '../email/email-chat-fixture.js';
import { collectTexts } from './hostile-text.js';
import { startHarness, type Harness } from './slack-harness.js';

const textOf = (reply: unknown) =>
  collectTexts(reply as { text?: unknown; blocks?: unknown }).join('\n');
const ADMIN = 'U0ADMIN01';
const ADDRESS = 'policy-team@nhs.example';

describe('email from chat (Slack)', () => {
  let h: Harness;
  let fx: AppFixture;
  let smtp: SmtpFixture;
  let deps: CommandDeps;

  beforeAll(async () => {
    smtp = await startSmtp();
    // Anyone may subscribe the channel (Slack's default), yet email stays admin-only by default.
    fx = createAppFixture();
    deps = await withEmailChat(fx, smtp, { dailyLimit: 3 });
    h = await startHarness({ mode: 'socket', deps, now: fx.now });
    h.fake.addChannel('C0POLICY1');
    h.fake.addUser('U0MEMBER1');
    h.fake.addUser(ADMIN, { isAdmin: true });
  });
  afterAll(async () => {
    await h.stop();
    fx.close();
    await smtp.close();
  });

  async function ask(
    text: string,
    init: { userId?: string; channelId?: string; teamId?: string } = {},
  ) {
    const { ack, id } = await h.command(text, { userId: ADMIN, ...init });
    if (ack) return ack as Record<string, unknown>;
    return (await h.replies(id))[0]!;
  }

  it('an admin adds an address: the confirmation mail arrives, the address waits paused', async () => {
    const reply = await ask(`email add ${ADDRESS} carter stp cadence:daily`);
    expect(reply.response_type).toBe('in_channel');
    expect(textOf(reply)).toContain(`A confirmation mail went to ${ADDRESS}`);
    expect(textOf(reply)).toContain('Nothing is delivered until the recipient confirms it.');
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.envelopeTo).toEqual([ADDRESS]);
    expect(mail!.mail.subject).toBe('Confirm your weekly NHS policy catch-up');
    expect(mail!.mail.text).toContain('https://briefing.example.org/email/confirm/c.');
    const sub = deps.subscriptions.get('email', 'email', ADDRESS)!;
    expect(sub.pausedReason).toBe(AWAITING_CONFIRMATION);
    expect(sub.themes).toEqual(['carter', 'stp']);
    expect(sub.cadence).toBe('daily');
    expect(sub.createdBy).toBe(ADMIN);
  });

  it('lists the address, with who added it, in this channel only', async () => {
    const here = textOf(await ask('email list', { userId: 'U0MEMBER1' }));
    expect(here).toContain(ADDRESS);
    expect(here).toContain(`added by ${ADMIN}`);
    expect(here).toContain('waiting for the recipient to confirm');
    for (const elsewhere of [{ channelId: 'C0OTHER01' }, { teamId: 'T0OTHERWS' }]) {
      const other = textOf(await ask('email list', elsewhere));
      expect(other).not.toContain(ADDRESS);
      expect(other).toContain('None yet');
    }
  });

  it('refuses a non-admin, and sends nothing', async () => {
    const before = smtp.received.length;
    const reply = await ask('email add someone@nhs.example', { userId: 'U0MEMBER1' });
    expect(textOf(reply)).toContain('only workspace admins can add or remove email addresses');
    expect(deps.subscriptions.get('email', 'email', 'someone@nhs.example')).toBeNull();
    const remove = await ask(`email remove ${ADDRESS}`, { userId: 'U0MEMBER1' });
    expect(textOf(remove)).toContain('only workspace admins');
    expect(smtp.received.length).toBe(before);
  });

  it.each([
    ['a display name', 'Boss <boss@nhs.example>', 'without a name or angle brackets'],
    ['two addresses', 'a@nhs.example,b@nhs.example', 'exactly one address'],
    ['a user mention', '<@U0ADMIN01>', 'not an address'],
    ['a broadcast mention', '<!channel>', 'not an address'],
    ['a header injection', 'a@nhs.example\r\nBcc: victim@nhs.example', 'email does not take'],
    ['an over-long address', `${'x'.repeat(300)}@nhs.example`, 'at most 254 characters'],
    ['an IP literal', 'root@[127.0.0.1]', 'not an address I can add'],
    ['a bare host', 'root@localhost', 'not a mail domain'],
    ['a quoted local part', '"a b"@nhs.example', 'not an address I can add'],
  ])('refuses %s', async (_name, address, expected) => {
    const before = smtp.received.length;
    const reply = await ask(`email add ${address}`);
    expect(reply.response_type).toBe('ephemeral');
    expect(textOf(reply)).toContain(expected);
    expect(smtp.received.length).toBe(before);
    expect(deps.subscriptions.list('email', 'email').map((s) => s.channelId)).toEqual([ADDRESS]);
  });

  it('another channel can neither take over nor remove the address', async () => {
    const take = await ask(`email add ${ADDRESS} all`, { channelId: 'C0OTHER01' });
    expect(textOf(take)).toContain('that address already gets the catch-up');
    const remove = await ask(`email remove ${ADDRESS}`, { teamId: 'T0OTHERWS' });
    expect(textOf(remove)).toContain('was not added from this channel');
    expect(deps.subscriptions.get('email', 'email', ADDRESS)?.themes).toEqual(['carter', 'stp']);
  });

  it('holds the daily limit of confirmation mails per channel, removal included', async () => {
    // One mail so far from this channel; the limit is 3.
    expect(textOf(await ask('email add second@nhs.example'))).toContain('A confirmation mail went');
    expect(textOf(await ask('email remove second@nhs.example'))).toContain('will no longer get');
    expect(textOf(await ask('email add second@nhs.example'))).toContain('A confirmation mail went');
    const refused = await ask('email add third@nhs.example');
    expect(textOf(refused)).toContain('asked for 3 confirmation mails in the last 24 hours');
    expect(deps.subscriptions.get('email', 'email', 'third@nhs.example')).toBeNull();
    expect(smtp.received.map((m) => m.envelopeTo[0])).toEqual([
      ADDRESS,
      'second@nhs.example',
      'second@nhs.example',
    ]);
  });

  it('removes its own address', async () => {
    const reply = await ask(`email remove ${ADDRESS}`);
    expect(reply.response_type).toBe('in_channel');
    expect(textOf(reply)).toContain(`${ADDRESS} will no longer get the catch-up.`);
    expect(deps.subscriptions.get('email', 'email', ADDRESS)).toBeNull();
    expect(textOf(await ask('email list'))).not.toContain(ADDRESS);
  });
});
