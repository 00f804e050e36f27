// `@Briefing email add|list|remove` in a Teams channel through the real Agents SDK on loopback:
// the text as Teams sends it (the bot's <at> mention, an address Teams turned into a mailto link,
// HTML entities) reaches the shared parser as plain words; the confirmation mail arrives at a
// real SMTP server on loopback. Teams shows a bot no admin role, so with the default
// EMAIL_CHAT_PERMISSION=admins a Teams channel is told to use the CLI; with `anyone` it may add.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandDeps } from '../../../src/commands/types.js';
import { TENANT_ID } from '../../fakes/teams-entra.js';
import { createAppFixture, type AppFixture } from '../../helpers/app-fixture.js';
import { startSmtp, type SmtpFixture } from '../email/smtp-fixture.js';
import { withEmailChat } from '../email/email-chat-fixture.js';
import {
  CHANNEL_CONVERSATION,
  cardTexts,
  channelMessage,
  startTeamsHarness,
  type TeamsHarness,
} from './teams-harness.js';

let app: AppFixture;
let teams: TeamsHarness;
let smtp: SmtpFixture;
let deps: CommandDeps;

beforeAll(async () => {
  smtp = await startSmtp();
  app = createAppFixture({ emailPermission: 'anyone' });
  deps = await withEmailChat(app, smtp);
  teams = await startTeamsHarness(deps, () => app.now);
});
afterAll(async () => {
  await teams?.close();
  app?.close();
  await smtp?.close();
});

/** Sends the raw message text (after the mention) and returns the reply card's texts. */
async function ask(html: string): Promise<string> {
  const before = teams.fake.activities.length;
  const response = await teams.post(channelMessage(teams.fake, html));
  expect(response.status).toBe(200);
  return cardTexts(teams.fake.activities[before]!.body).join('\n');
}

describe('email from Teams', () => {
  it('by default (EMAIL_CHAT_PERMISSION=admins) sends nothing and points to the CLI', async () => {
    const strict = { ...deps, emailNeedsAdmin: () => true };
    await teams.close();
    teams = await startTeamsHarness(strict, () => app.now);
    try {
      const reply = await ask('email add someone@nhs.example');
      expect(reply).toContain('email addresses are added from the command line');
      expect(smtp.received).toHaveLength(0);
    } finally {
      await teams.close();
      teams = await startTeamsHarness(deps, () => app.now);
    }
  });

  it('reads an address Teams turned into a mailto link, and sends the confirmation', async () => {
    const reply = await ask(
      'email add <a href="mailto:Team@NHS.example">Team@NHS.example</a> carter cadence:daily',
    );
    expect(reply).toContain('A confirmation mail went to team@nhs.example');
    expect(reply).toContain('Nothing is delivered until the recipient confirms it.');
    expect(smtp.received.map((m) => m.envelopeTo)).toEqual([['team@nhs.example']]);
    const sub = deps.subscriptions.get('email', 'email', 'team@nhs.example')!;
    expect(sub.cadence).toBe('daily');
    expect(sub.createdBy).toBe('aad-user-1');
    expect(deps.email!.ownerOf('team@nhs.example')).toMatchObject({
      platform: 'teams',
      workspaceId: TENANT_ID,
      channelId: CHANNEL_CONVERSATION,
    });
  });

  it('refuses a display name sent as HTML entities, and a second mention', async () => {
    expect(await ask('email add Boss &lt;boss@nhs.example&gt;')).toContain(
      'without a name or angle brackets',
    );
    expect(await ask('email add <at>Someone</at>')).toContain('no address was given');
    expect(smtp.received).toHaveLength(1);
  });

  it('lists and removes the channel’s address', async () => {
    const listed = await ask('email list');
    expect(listed).toContain('team@nhs.example');
    expect(listed).toContain('added by aad-user-1');
    expect(await ask('email remove team@nhs.example')).toContain(
      'team@nhs.example will no longer get the catch-up.',
    );
    expect(deps.subscriptions.get('email', 'email', 'team@nhs.example')).toBeNull();
  });
});
