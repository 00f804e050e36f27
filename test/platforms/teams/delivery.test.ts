// Proactive digest delivery to Teams through the real Agents SDK and MSAL against the loopback
// fake Bot Connector, with the real outbox: parts enqueued, the process "restarted" (database
// closed and opened again, a new CloudAdapter, MSAL client and pacer) before they are sent, then
// sent exactly once as new posts in the channel; a second pass sends nothing. Throttling: a 429
// with Retry-After is retried when the service said (not before), 502 without it on the outbox's
// back-off; a 404 (bot removed) pauses the subscription with the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryAdapter } from '../../../src/delivery/adapter.js';
import { enqueueDigest } from '../../../src/delivery/enqueue-digest.js';
import { processOutbox } from '../../../src/delivery/process-outbox.js';
import type { Subscription } from '../../../src/domain.js';
import { silentLogger } from '../../../src/logging.js';
import { createBotAdapter } from '../../../src/platforms/teams/create-bot.js';
import { createTeamsDeliveryAdapter } from '../../../src/platforms/teams/delivery-adapter.js';
import type { TeamsCredential } from '../../../src/platforms/teams/msal-client.js';
import { openDatabase, type Db } from '../../../src/store/database.js';
import { getSubscription, upsertSubscription } from '../../../src/store/subscriptions.js';
import { sampleDigest } from '../../delivery/delivery-fixtures.js';
import {
  APP_ID,
  APP_PASSWORD,
  ENTRA_HOST,
  TENANT_ID,
  startFakeTeams,
  type FakeTeams,
} from '../../fakes/teams-entra.js';
import { createAppFixture, type AppFixture } from '../../helpers/app-fixture.js';
import { virtualPacer } from './teams-harness.js';

const T0 = new Date('2017-02-20T08:00:00.000Z');
let fake: FakeTeams;
let app: AppFixture;

beforeAll(async () => {
  fake = await startFakeTeams();
  app = createAppFixture({ storage: 'file', stories: [] });
});

afterAll(async () => {
  await fake?.close();
  app?.close();
});

/** A fresh process's Teams adapter: new CloudAdapter, new MSAL client, new pacer. */
function startProcess(
  credential: TeamsCredential = { kind: 'secret', password: APP_PASSWORD },
): DeliveryAdapter {
  const bot = createBotAdapter(
    { appId: APP_ID, tenantId: TENANT_ID, credential },
    {
      logger: silentLogger,
      msal: { authorityHost: ENTRA_HOST, networkClient: fake.networkClient },
    },
  );
  return createTeamsDeliveryAdapter({
    adapter: bot,
    appId: APP_ID,
    serviceUrl: fake.origin,
    commandPrefix: '@Briefing',
    pacer: virtualPacer().pacer,
  });
}

function subscribeChannel(db: Db, channelId: string): Subscription {
  return upsertSubscription(
    db,
    {
      platform: 'teams',
      workspaceId: TENANT_ID,
      channelId,
      themes: 'all',
      organisations: [],
      schedule: null,
      createdBy: 'aad-user-1',
    },
    T0,
  ).subscription;
}

function pass(db: Db, adapter: DeliveryAdapter, at: Date) {
  return processOutbox(db, new Map([['teams', adapter]]), at, { clock: () => at });
}

const postsTo = (conversation: string) =>
  fake.activities.filter((a) => a.conversationId === conversation);

describe('Teams digest delivery', () => {
  it('posts each part once after a restart between enqueue and send', async () => {
    const channel = '19:digest-channel@thread.tacv2';
    let db = openDatabase(app.path);
    const subscription = subscribeChannel(db, channel);
    const enqueued = enqueueDigest(db, {
      digest: sampleDigest(),
      subscription,
      adapter: startProcess(),
      now: T0,
    });
    expect(enqueued.status).toBe('enqueued');
    db.close();

    db = openDatabase(app.path);
    const report = await pass(db, startProcess(), T0);
    const parts = enqueued.status === 'enqueued' ? enqueued.parts : 0;
    expect(report.sent).toBe(parts);
    const posts = postsTo(channel);
    expect(posts).toHaveLength(parts);
    for (const post of posts) {
      expect(post.replyToId).toBeNull();
      expect(post.authorization).toMatch(/^Bearer outbound-token-\d+$/);
      expect(post.body.type).toBe('message');
      const [attachment] = post.body.attachments as { contentType: string }[];
      expect(attachment!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    }
    expect((await pass(db, startProcess(), new Date(T0.getTime() + 60_000))).sent).toBe(0);
    expect(postsTo(channel)).toHaveLength(parts);
    expect(fake.tokenRequests.at(-1)?.get('scope')).toBe('https://api.botframework.com/.default');
    db.close();
  });

  it('waits out a 429 for its Retry-After, and retries a 502 on the back-off', async () => {
    const channel = '19:throttled@thread.tacv2';
    const db = openDatabase(app.path);
    const adapter = startProcess();
    const subscription = subscribeChannel(db, channel);
    enqueueDigest(db, { digest: sampleDigest(), subscription, adapter, now: T0 });
    fake.failNext({ status: 429, headers: { 'Retry-After': '7' } });
    const first = await pass(db, adapter, T0);
    expect(first).toMatchObject({ sent: 0, retried: 1 });
    expect((await pass(db, adapter, new Date(T0.getTime() + 6_999))).sent).toBe(0);
    fake.failNext({ status: 502 });
    const second = await pass(db, adapter, new Date(T0.getTime() + 7_000));
    expect(second).toMatchObject({ sent: 0, retried: 1 });
    const later = await pass(db, adapter, new Date(T0.getTime() + 7_000 + 10 * 60_000));
    expect(later.sent).toBeGreaterThan(0);
    expect(postsTo(channel).length).toBe(later.sent);
    db.close();
  });

  it('pauses a subscription when Teams says the conversation is gone (404)', async () => {
    const channel = '19:bot-removed@thread.tacv2';
    const db = openDatabase(app.path);
    const adapter = startProcess();
    enqueueDigest(db, {
      digest: sampleDigest(),
      subscription: subscribeChannel(db, channel),
      adapter,
      now: T0,
    });
    fake.failNext({ status: 404 });
    const report = await pass(db, adapter, T0);
    expect(report.failed).toBe(1);
    const paused = getSubscription(db, {
      platform: 'teams',
      workspaceId: TENANT_ID,
      channelId: channel,
    });
    expect(paused?.pausedReason).toMatch(/removed from this conversation/);
    expect(postsTo(channel)).toHaveLength(0);
    db.close();
  });
});
