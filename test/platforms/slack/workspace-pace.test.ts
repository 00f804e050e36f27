// Slack counts its rate limits per app per workspace: in OAuth mode (many workspaces) each gets its
// own pacer at the shipped defaults, so one workspace's fan-out or 429 never delays another's. The
// real adapter and WebClient post to the loopback fake; the pacer's clock is driven without sleeping.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { selectForSubscription } from '../../../src/digest/select-for-subscription.js';
import type { ChannelRef, Subscription } from '../../../src/domain.js';
import { silentLogger } from '../../../src/logging.js';
import {
  createSlackDeliveryAdapter,
  createSlackDeliveryClient,
} from '../../../src/platforms/slack/delivery-adapter.js';
import { instantClock, type InstantClock } from '../../helpers/instant-clock.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { makeDigest } from '../digest-fixtures.js';

const fake = new FakeSlackApi();
const inA1: ChannelRef = { platform: 'slack', workspaceId: 'T0AAAAAAA', channelId: 'C0AAAAAA1' };
const inA2: ChannelRef = { platform: 'slack', workspaceId: 'T0AAAAAAA', channelId: 'C0AAAAAA2' };
const inB1: ChannelRef = { platform: 'slack', workspaceId: 'T0BBBBBBB', channelId: 'C0BBBBBB1' };

function subscription(channel: ChannelRef): Subscription {
  return {
    id: 1,
    ...channel,
    themes: 'all',
    organisations: [],
    schedule: null,
    createdBy: 'U0MEMBER1',
    createdAt: '2017-02-01T10:00:00.000Z',
    pausedReason: null,
  };
}

/** OAuth mode's shape: a client per workspace (here both reach the one fake). */
function oauthAdapter(clock: InstantClock) {
  const client = createSlackDeliveryClient({ token: fake.botToken, apiUrl: fake.apiUrl });
  return createSlackDeliveryAdapter({
    clients: () => ({ ok: true, client }),
    logger: silentLogger,
    paceClock: clock,
  });
}

async function sendTo(slack: ReturnType<typeof oauthAdapter>, channel: ChannelRef) {
  const [part] = slack.render(selectForSubscription(makeDigest(), subscription(channel)));
  return slack.send(channel, part!, { key: `k-${channel.channelId}`, parentMessageId: null });
}

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => {
  fake.channels.clear();
  fake.calls.length = 0;
  for (const channel of [inA1, inA2, inB1]) fake.addChannel(channel.channelId);
});

describe('Slack pacing per workspace (OAuth mode)', () => {
  it('paces channels of one workspace together, and another workspace on its own', async () => {
    const clock = instantClock();
    const slack = oauthAdapter(clock);
    expect((await sendTo(slack, inA1)).status).toBe('sent');
    // Same workspace, another channel: the next of its 5-per-second slots (200 ms on).
    expect((await sendTo(slack, inA2)).status).toBe('sent');
    // Another workspace: its own slots, so no wait (one shared pacer would wait 200 ms more).
    expect((await sendTo(slack, inB1)).status).toBe('sent');
    expect(clock.waits).toEqual([200]);
  });

  it("a 429 in one workspace holds back that workspace's channels only", async () => {
    const clock = instantClock();
    const slack = oauthAdapter(clock);
    fake.fail('chat.postMessage', { retryAfter: 30 });
    expect((await sendTo(slack, inA1)).status).toBe('retry');
    expect((await sendTo(slack, inB1)).status).toBe('sent');
    expect(clock.now()).toBe(0);
    expect((await sendTo(slack, inA2)).status).toBe('sent');
    expect(clock.now()).toBeGreaterThanOrEqual(30_000);
  });
});
