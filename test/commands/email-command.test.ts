// The `email` command's rules through runCommandAsync over a real database, the real email chat
// deps and a real SMTP server on loopback: a confirmed address is updated without a new mail; a
// failed confirmation says so; ownership goes with the subscription (an unsubscribe link frees
// the address); an address subscribed from the CLI is not taken over; without SMTP it says so.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCommandAsync } from '../../src/commands/run-command.js';
import { parseCommandText } from '../../src/commands/parse-command-text.js';
import type { CommandDeps, CommandResult, Invocation } from '../../src/commands/types.js';
import { removeSubscription, resumeSubscription } from '../../src/store/subscriptions.js';
import { createAppFixture, type AppFixture } from '../helpers/app-fixture.js';
import { startSmtp, type SmtpFixture } from '../platforms/email/smtp-fixture.js';
import { withEmailChat } from '../platforms/email/email-chat-fixture.js';

let fx: AppFixture;
let smtp: SmtpFixture;
let deps: CommandDeps;

beforeAll(async () => {
  smtp = await startSmtp();
  // The rules below are about addresses, not permissions: anyone may add here.
  fx = createAppFixture({ emailPermission: 'anyone' });
  deps = await withEmailChat(fx, smtp);
});
afterAll(async () => {
  fx.close();
  await smtp.close();
});
afterEach(() => smtp.refuse.clear());

async function run(
  text: string,
  where: Partial<Invocation> = {},
  d = deps,
): Promise<CommandResult> {
  const parsed = parseCommandText(text, d);
  if (!parsed.ok) return parsed.error;
  return runCommandAsync(parsed.request, fx.invocation(where), d);
}

const emailRef = (address: string) => ({
  platform: 'email' as const,
  workspaceId: 'email',
  channelId: address,
});

describe('email command rules', () => {
  it('updates a confirmed address without mailing it again', async () => {
    expect((await run('email add one@nhs.example carter')).kind).toBe('email-added');
    resumeSubscription(fx.db, emailRef('one@nhs.example'), fx.now);
    const sent = smtp.received.length;
    const again = await run('email add one@nhs.example stp cadence:daily');
    expect(again).toMatchObject({ kind: 'email-added', confirmation: { status: 'not-needed' } });
    expect(smtp.received.length).toBe(sent);
    const sub = deps.subscriptions.get('email', 'email', 'one@nhs.example')!;
    expect([sub.themes, sub.cadence, sub.pausedReason]).toEqual([['stp'], 'daily', null]);
  });

  it('says when the confirmation could not be sent, and keeps the address waiting', async () => {
    smtp.refuse.set('bounce@nhs.example', [550, 'No such user']);
    const result = await run('email add bounce@nhs.example');
    expect(result).toMatchObject({ kind: 'email-added', confirmation: { status: 'failed' } });
    expect(deps.subscriptions.get('email', 'email', 'bounce@nhs.example')?.pausedReason).toBe(
      deps.email!.awaitingReason,
    );
  });

  it('frees an address its recipient unsubscribed, so another channel may add it', async () => {
    await run('email add two@nhs.example');
    removeSubscription(fx.db, emailRef('two@nhs.example'), fx.now);
    expect(deps.email!.ownerOf('two@nhs.example')).toBeNull();
    const other = await run('email add two@nhs.example', { channelId: 'C-OTHER' });
    expect(other.kind).toBe('email-added');
    expect(deps.email!.ownerOf('two@nhs.example')?.channelId).toBe('C-OTHER');
  });

  it('does not take over an address subscribed from the CLI', async () => {
    deps.subscriptions.upsert(
      {
        ...emailRef('cli@nhs.example'),
        themes: 'all',
        organisations: [],
        schedule: null,
        createdBy: 'cli',
      },
      fx.now,
    );
    const result = await run('email add cli@nhs.example');
    expect(result).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('already gets'),
    });
    expect(await run('email remove cli@nhs.example')).toMatchObject({ removed: false });
  });

  it('says email is not set up when SMTP is not configured', async () => {
    const { email: _email, ...without } = deps;
    const result = await run('email list', {}, without);
    expect(result).toMatchObject({
      kind: 'error',
      message: 'this bot is not set up to send email',
    });
  });

  it('is refused by the synchronous runCommand path with a generic error, not a crash', async () => {
    const { runCommand } = await import('../../src/commands/run-command.js');
    const result = runCommand({ command: 'email', action: 'list' }, fx.invocation(), deps);
    expect(result.kind).toBe('error');
  });
});
