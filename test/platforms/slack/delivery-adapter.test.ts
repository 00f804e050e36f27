import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { selectForSubscription } from '../../../src/digest/select-for-subscription.js';
import type { ChannelRef, Subscription } from '../../../src/domain.js';
import { silentLogger } from '../../../src/logging.js';
import { createPacer, type Pacer } from '../../../src/delivery/pace.js';
import {
  createSlackDeliveryAdapter,
  createSlackDeliveryClient,
  DEFAULT_SLACK_PACE,
  DIGEST_EVENT_TYPE,
} from '../../../src/platforms/slack/delivery-adapter.js';
import { instantClock } from '../../helpers/instant-clock.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { checkSlackBlocks } from '../../fakes/slack-block-rules.js';
import { makeDigest } from '../digest-fixtures.js';

const fake = new FakeSlackApi();
const channel: ChannelRef = { platform: 'slack', workspaceId: fake.teamId, channelId: 'C0DIGEST1' };

function subscription(themes: Subscription['themes'] = 'all'): Subscription {
  return {
    id: 1,
    ...channel,
    themes,
    organisations: [],
    schedule: null,
    createdBy: 'U0MEMBER1',
    createdAt: '2017-02-01T10:00:00.000Z',
    pausedReason: null,
  };
}

function adapter(token = fake.botToken, apiUrl = fake.apiUrl, pacer?: Pacer) {
  return createSlackDeliveryAdapter({
    client: createSlackDeliveryClient({ token, apiUrl }),
    logger: silentLogger,
    ...(pacer ? { pacer } : {}),
  });
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
  fake.revoked = false;
  fake.addChannel(channel.channelId);
});

describe('Slack delivery adapter', () => {
  it('posts part 0 in the channel and later parts in its thread, each with its key', async () => {
    const slack = adapter();
    const parts = slack.render(
      selectForSubscription(makeDigest({ themes: 10, perTheme: 6 }), subscription()),
    );
    expect(parts.length).toBeGreaterThan(1);
    let parent: string | null = null;
    for (const part of parts) {
      const outcome = await slack.send(channel, part, {
        key: `2017-W07:1:${part.index}`,
        parentMessageId: parent,
      });
      expect(outcome.status).toBe('sent');
      if (outcome.status === 'sent' && part.index === 0) parent = outcome.messageId;
    }
    const posted = fake.posted(channel.channelId);
    expect(posted).toHaveLength(parts.length);
    expect(posted[0]!.threadTs).toBeNull();
    for (const m of posted.slice(1)) expect(m.threadTs).toBe(parent);
    posted.forEach((m, i) => {
      expect(m.metadata).toEqual({
        event_type: DIGEST_EVENT_TYPE,
        event_payload: { key: `2017-W07:1:${i}` },
      });
      expect(checkSlackBlocks(m.blocks)).toEqual([]);
    });
    const call = fake.callsTo('chat.postMessage')[0]!;
    expect(call.token).toBe(fake.botToken);
    expect(call.params.unfurl_links).toBe('false');
  });

  it('renders only the subscribed themes', () => {
    const parts = adapter().render(
      selectForSubscription(makeDigest({ themes: 5, perTheme: 2 }), subscription(['stp'])),
    );
    const text = JSON.stringify(parts.map((p) => p.payload));
    expect(text).toContain('STPs and integrated care systems');
    expect(text).not.toContain('Carter reviews');
  });

  it('findSent finds a posted part by its key, in the channel and in the thread', async () => {
    const slack = adapter();
    const [p0, p1] = slack.render(
      selectForSubscription(makeDigest({ themes: 10, perTheme: 6 }), subscription()),
    );
    const first = await slack.send(channel, p0!, { key: 'k0', parentMessageId: null });
    const parentTs = first.status === 'sent' ? first.messageId : '';
    const second = await slack.send(channel, p1!, { key: 'k1', parentMessageId: parentTs });
    expect(await slack.findSent(channel, { key: 'k0', parentMessageId: null })).toBe(parentTs);
    expect(await slack.findSent(channel, { key: 'k1', parentMessageId: parentTs })).toBe(
      second.status === 'sent' ? second.messageId : 'missing',
    );
    expect(await slack.findSent(channel, { key: 'k-other', parentMessageId: null })).toBeNull();
    expect(fake.callsTo('conversations.history').at(-1)!.params.include_all_metadata).toBe('true');
  });

  it('honours 429 Retry-After without sleeping or retrying inside the client', async () => {
    fake.fail('chat.postMessage', { retryAfter: 30 });
    const clock = instantClock();
    const slack = adapter(fake.botToken, fake.apiUrl, createPacer(DEFAULT_SLACK_PACE, clock));
    const [part] = slack.render(selectForSubscription(makeDigest(), subscription()));
    const outcome = await slack.send(channel, part!, { key: 'k', parentMessageId: null });
    expect(outcome).toEqual({
      status: 'retry',
      reason: 'Slack rate limit (retry after 30s)',
      retryAfterMs: 30_000,
      // Counted as a 429 on /metrics (briefing_rate_limited_total).
      rateLimited: true,
    });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(fake.posted(channel.channelId)).toHaveLength(0);
    // The next attempt, to this or any channel, waits out the 30 s first, then goes through.
    expect((await slack.send(channel, part!, { key: 'k', parentMessageId: null })).status).toBe(
      'sent',
    );
    expect(clock.now()).toBeGreaterThanOrEqual(30_000);
  });

  it.each([
    { fault: { httpStatus: 503 }, expected: { status: 'retry', reason: 'Slack HTTP 503' } },
    { fault: { httpStatus: 500 }, expected: { status: 'retry', reason: 'Slack HTTP 500' } },
    {
      fault: { error: 'internal_error' },
      expected: { status: 'retry', reason: 'Slack error internal_error' },
    },
    { fault: { error: 'ratelimited' }, expected: { status: 'retry' } },
    {
      fault: { error: 'account_inactive' },
      expected: { status: 'permanent', reason: expect.stringContaining('[account_inactive]') },
    },
    {
      fault: { error: 'token_revoked' },
      expected: { status: 'permanent', reason: expect.stringContaining('revoked') },
    },
    {
      fault: { error: 'missing_scope' },
      expected: { status: 'permanent', reason: expect.stringContaining('scope') },
    },
    { fault: { error: 'restricted_action' }, expected: { status: 'permanent' } },
  ])('scripted $fault -> $expected.status', async ({ fault, expected }) => {
    fake.fail('chat.postMessage', fault);
    const slack = adapter();
    const [part] = slack.render(selectForSubscription(makeDigest(), subscription()));
    expect(await slack.send(channel, part!, { key: 'k', parentMessageId: null })).toMatchObject(
      expected,
    );
  });

  it.each([
    { name: 'channel deleted', setup: () => fake.channels.clear(), error: 'channel_not_found' },
    {
      name: 'bot removed',
      setup: () => fake.channels.get(channel.channelId)!.members.clear(),
      error: 'not_in_channel',
    },
    {
      name: 'channel archived',
      setup: () => (fake.channels.get(channel.channelId)!.archived = true),
      error: 'is_archived',
    },
    {
      name: 'private channel without the bot',
      setup: () =>
        fake.addChannel(channel.channelId, { isPrivate: true, members: new Set(['U1']) }),
      error: 'channel_not_found',
    },
    { name: 'app uninstalled', setup: () => (fake.revoked = true), error: 'token_revoked' },
  ])('$name -> permanent [$error] with a readable reason', async ({ setup, error }) => {
    setup();
    const slack = adapter();
    const [part] = slack.render(selectForSubscription(makeDigest(), subscription()));
    const outcome = await slack.send(channel, part!, { key: 'k', parentMessageId: null });
    expect(outcome.status).toBe('permanent');
    expect(outcome.status === 'permanent' && outcome.reason).toMatch(
      new RegExp(`^Slack: .+ \\[${error}\\]$`),
    );
    // findSent cannot look either; it reports nothing rather than failing the job.
    expect(await slack.findSent(channel, { key: 'k', parentMessageId: null })).toBeNull();
  });

  it('a wrong token is permanent invalid_auth', async () => {
    const slack = adapter('xoxb-wrong');
    const [part] = slack.render(selectForSubscription(makeDigest(), subscription()));
    expect(await slack.send(channel, part!, { key: 'k', parentMessageId: null })).toMatchObject({
      status: 'permanent',
      reason: expect.stringContaining('[invalid_auth]'),
    });
  });

  it('an unreachable Slack is a retry, and findSent throws so the job tries later', async () => {
    const down = new FakeSlackApi();
    await down.start();
    const url = down.apiUrl;
    await down.stop();
    const slack = adapter(fake.botToken, url);
    const [part] = slack.render(selectForSubscription(makeDigest(), subscription()));
    expect(await slack.send(channel, part!, { key: 'k', parentMessageId: null })).toMatchObject({
      status: 'retry',
      reason: expect.stringContaining('Slack unreachable'),
    });
    await expect(slack.findSent(channel, { key: 'k', parentMessageId: null })).rejects.toThrow(
      /^slack: could not read/,
    );
  });

  it('posts a thread part at top level when its parent was deleted', async () => {
    const slack = adapter();
    const parts = slack.render(
      selectForSubscription(makeDigest({ themes: 10, perTheme: 6 }), subscription()),
    );
    const outcome = await slack.send(channel, parts[1]!, {
      key: 'k1',
      parentMessageId: '1600000000.000001',
    });
    expect(outcome.status).toBe('sent');
    expect(fake.posted(channel.channelId)[0]!.threadTs).toBeNull();
    // After a crash, findSent still finds it: the missing thread sends it to channel history.
    expect(await slack.findSent(channel, { key: 'k1', parentMessageId: '1600000000.000001' })).toBe(
      outcome.status === 'sent' ? outcome.messageId : 'missing',
    );
  });
});
