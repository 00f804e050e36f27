// The Teams bot end to end on loopback through the real Agents SDK: a message to @Briefing in a
// channel is authenticated (real JWT validation against the fake's per-run RSA key), parsed by
// the shared command parser and answered with Adaptive Cards posted to the fake Bot Connector
// with an outbound token from real MSAL. Subscribing stores the conversation reference (tenant
// and channel conversation id) through CommandDeps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppFixture, type AppFixture } from '../../helpers/app-fixture.js';
import { APP_ID, TENANT_ID } from '../../fakes/teams-entra.js';
import {
  CHANNEL_CONVERSATION,
  cardTexts,
  channelMessage,
  startTeamsHarness,
  type TeamsHarness,
} from './teams-harness.js';

let app: AppFixture;
let teams: TeamsHarness;

beforeAll(async () => {
  app = createAppFixture();
  teams = await startTeamsHarness(app.deps, () => app.now);
});

afterAll(async () => {
  await teams?.close();
  app?.close();
});

describe('Teams bot commands', () => {
  it('answers a search with an Adaptive Card in the thread it was asked in', async () => {
    const before = teams.fake.activities.length;
    const message = channelMessage(teams.fake, 'search carter since:2017-01-01');
    const response = await teams.post(message);
    expect(response.status).toBe(200);
    const replies = teams.fake.activities.slice(before);
    expect(replies).toHaveLength(1);
    const reply = replies[0]!;
    expect(reply.conversationId).toBe(`${CHANNEL_CONVERSATION};messageid=1700000000000`);
    expect(reply.replyToId).toBe(message.id);
    expect(reply.authorization).toMatch(/^Bearer outbound-token-\d+$/);
    const attachments = reply.body.attachments as {
      contentType: string;
      content: { version: string };
    }[];
    expect(attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachments[0]!.content.version).toBe('1.5');
    const texts = cardTexts(reply.body).join('\n');
    expect(texts).toContain('Model Hospital');
    expect(texts).toMatch(
      /\]\(https:\/\/www\.england\.nhs\.uk\/2017\/02\/model-hospital-variation\/\) \(england\.nhs\.uk\)/,
    );
    expect(reply.body.entities ?? []).toEqual([]);
  });

  it('subscribes the channel (not the thread) and lists it', async () => {
    const before = teams.fake.activities.length;
    await teams.post(channelMessage(teams.fake, 'subscribe carter stp'));
    const texts = cardTexts(teams.fake.activities[before]!.body).join('\n');
    expect(texts).toContain(
      'Subscribed: this conversation gets the weekly catch-up for carter, stp',
    );
    const card = (
      teams.fake.activities[before]!.body.attachments as {
        content: { actions?: { title: string; data: Record<string, unknown> }[] };
      }[]
    )[0]!.content;
    expect(card.actions?.[0]?.title).toBe('Send last week’s catch-up now');
    await teams.post({
      ...channelMessage(teams.fake, ''),
      text: undefined,
      entities: [],
      value: card.actions?.[0]?.data,
    });
    expect(cardTexts(teams.fake.activities[before + 1]!.body).join('\n')).toContain(
      'Last week’s catch-up',
    );
    const stored = app.deps.subscriptions.get('teams', TENANT_ID, CHANNEL_CONVERSATION);
    expect(stored?.themes).toEqual(['carter', 'stp']);
    expect(stored?.createdBy).toBe('aad-user-1');
  });

  it('answers a parse error and an empty mention with cards, not silence', async () => {
    const before = teams.fake.activities.length;
    await teams.post(channelMessage(teams.fake, 'subscribe nosuchtheme'));
    await teams.post(channelMessage(teams.fake, ''));
    await teams.post(channelMessage(teams.fake, 'corrections'));
    const [error, help, corrections] = teams.fake.activities.slice(before);
    expect(cardTexts(error!.body).join('\n')).toContain('⚠️');
    expect(cardTexts(help!.body).join('\n')).toContain('@Briefing search');
    expect(cardTexts(corrections!.body).join('\n')).toContain('No corrections here yet');
  });

  it('greets a team it is added to with the commands', async () => {
    const before = teams.fake.activities.length;
    const response = await teams.post({
      ...channelMessage(teams.fake, ''),
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: `28:${APP_ID}` }],
    });
    expect(response.status).toBe(200);
    expect(cardTexts(teams.fake.activities[before]!.body).join('\n')).toContain('@Briefing');
  });

  it('runs the next page of a search from the "More results" button', async () => {
    app.seed(
      Array.from({ length: 25 }, (_, i) => ({
        id: `pathology-${i}`,
        sourceId: 'hsj',
        guid: `pathology-${i}`,
        url: `https://example.org/pathology/${i}`,
        title: `Pathology network ${i} shares its laboratory`,
        summary: 'Invented for this test.',
        content: '',
        author: null,
        categories: [],
        publishedAt: `2017-02-1${i % 5}T09:00:00.000Z`,
        publishedEstimated: false,
        paywalled: false,
      })),
    );
    const before = teams.fake.activities.length;
    await teams.post(channelMessage(teams.fake, 'search pathology'));
    const first = teams.fake.activities[before]!.body;
    const card = (
      first.attachments as { content: { actions?: { data: Record<string, unknown> }[] } }[]
    )[0]!.content;
    const data = card.actions?.[0]?.data;
    expect(data).toMatchObject({ action: 'briefing-more-results', text: 'search pathology' });
    await teams.post({
      ...channelMessage(teams.fake, ''),
      text: undefined,
      entities: [],
      value: data,
    });
    const next = cardTexts(teams.fake.activities[before + 1]!.body).join('\n');
    expect(next).toMatch(/25 stories · showing 11–20/);
    expect(next).toContain('Pathology network');
  });

  it("runs nothing but a search from a button's data", async () => {
    const before = teams.fake.activities.length;
    const forged = { action: 'briefing-more-results', text: 'subscribe all', offset: 0 };
    await teams.post({
      ...channelMessage(teams.fake, ''),
      text: undefined,
      entities: [],
      value: forged,
    });
    expect(cardTexts(teams.fake.activities[before]!.body).join('\n')).toContain('expired');
    expect(app.deps.subscriptions.get('teams', TENANT_ID, CHANNEL_CONVERSATION)?.themes).toEqual([
      'carter',
      'stp',
    ]);
  });
});
