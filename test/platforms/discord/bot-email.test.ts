// `/briefing email action:add|remove|list` through the real discord.js client over the fake
// gateway and REST, with the real email chat deps over a real database and the real email
// platform sending to a real SMTP server on loopback (read back with mailparser). Discord's typed
// options reach the same builder as Slack's words; Manage Channels is needed to add or remove.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandDeps } from '../../../src/commands/types.js';
import { buildCommandDefinition } from '../../../src/platforms/discord/commands.js';
import { AWAITING_CONFIRMATION } from '../../../src/platforms/email/opt-in-reason.js';
import { PERMISSION_MANAGE_CHANNELS } from '../../fakes/discord-interactions.js';
import { createAppFixture, type AppFixture } from '../../helpers/app-fixture.js';
import { startSmtp, type SmtpFixture } from '../email/smtp-fixture.js';
import { withEmailChat } from '../email/email-chat-fixture.js';
import { OTHER_CHANNEL_ID, startBotHarness, type Answer, type BotHarness } from './bot-harness.js';
import type { SentBody } from './discord-assertions.js';

const admin = { permissions: PERMISSION_MANAGE_CHANNELS, userId: '444444444444444444' };
const member = { permissions: 0n, userId: '555555555555555555' };
const ADDRESS = 'board@nhs.example';

/** The deferred answer (email waits on SMTP, so it is always deferred): the edit of @original. */
function textOf(answer: Answer): string {
  expect(answer.callback.type).toBe(5);
  const body = answer.edits[0] as SentBody;
  return [
    body.content ?? '',
    ...(body.embeds ?? []).map((e) => `${e.title}\n${e.description}`),
  ].join('\n');
}

let fx: AppFixture;
let h: BotHarness;
let smtp: SmtpFixture;
let deps: CommandDeps;

beforeAll(async () => {
  smtp = await startSmtp();
  fx = createAppFixture();
  deps = await withEmailChat(fx, smtp);
  h = await startBotHarness(deps, { now: () => fx.now });
});
afterAll(async () => {
  await h?.close();
  fx?.close();
  await smtp?.close();
});

describe('/briefing email (Discord)', () => {
  it('registers email with a required action and an address option', () => {
    const email = buildCommandDefinition().options!.find((o) => o.name === 'email') as {
      options: { name: string; required?: boolean }[];
    };
    expect(email.options.map((o) => [o.name, o.required ?? false])).toEqual([
      ['action', true],
      ['address', false],
      ['themes', false],
      ['cadence', false],
    ]);
  });

  it('refuses a member without Manage Channels, and sends nothing', async () => {
    const answer = await h.run('email', { action: 'add', address: ADDRESS }, member);
    expect(textOf(answer)).toContain('only members with the permission');
    expect(smtp.received).toHaveLength(0);
  });

  it('refuses a hostile address', async () => {
    for (const address of [
      '@everyone',
      'Boss <boss@nhs.example>',
      'a@nhs.example; b@nhs.example',
    ]) {
      const answer = await h.run('email', { action: 'add', address }, admin);
      expect(textOf(answer)).toContain('is not an address I can add');
    }
    expect(smtp.received).toHaveLength(0);
  });

  it('adds, lists and removes an address; the confirmation mail arrives', async () => {
    const added = textOf(
      await h.run('email', { action: 'add', address: ADDRESS, themes: 'procurement' }, admin),
    );
    expect(added).toContain(`A confirmation mail went to ${ADDRESS}`);
    expect(added).toContain('Nothing is delivered until the recipient confirms it.');
    expect(smtp.received.map((m) => m.envelopeTo)).toEqual([[ADDRESS]]);
    expect(smtp.received[0]!.mail.subject).toBe('Confirm your weekly NHS policy catch-up');
    const sub = deps.subscriptions.get('email', 'email', ADDRESS)!;
    expect(sub.pausedReason).toBe(AWAITING_CONFIRMATION);
    expect(sub.themes).toEqual(['procurement']);

    const listed = textOf(await h.run('email', { action: 'list' }, member));
    expect(listed).toContain(`added by ${admin.userId}`);
    expect(
      textOf(await h.run('email', { action: 'list' }, { channelId: OTHER_CHANNEL_ID })),
    ).toContain('None yet');
    const elsewhere = await h.run(
      'email',
      { action: 'remove', address: ADDRESS },
      { ...admin, channelId: OTHER_CHANNEL_ID },
    );
    expect(textOf(elsewhere)).toContain('was not added from this channel');
    const removed = await h.run('email', { action: 'remove', address: ADDRESS }, admin);
    expect(textOf(removed)).toContain(`${ADDRESS} will no longer get the catch-up.`);
    expect(deps.subscriptions.get('email', 'email', ADDRESS)).toBeNull();
  });
});
