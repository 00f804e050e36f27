import type { REST } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { selectForSubscription } from '../../../src/digest/select-for-subscription.js';
import type { ChannelRef, Subscription } from '../../../src/domain.js';
import {
  createDeliveryRest,
  createDiscordDeliveryAdapter,
} from '../../../src/platforms/discord/delivery-adapter.js';
import { startFakeDiscordRest, type FakeDiscordRest } from '../../fakes/discord-rest.js';
import { bigDigest, digest, entry, hostileDigest, section } from '../digest-fixtures.js';
import { expectInert, expectWithinLimits, type SentBody } from './discord-assertions.js';

const channel: ChannelRef = { platform: 'discord', workspaceId: '111', channelId: '222' };
const subscription = (themes: Subscription['themes']): Subscription => ({
  id: 1,
  ...channel,
  themes,
  organisations: [],
  schedule: null,
  createdBy: '300000000000000001',
  createdAt: '2017-02-01T00:00:00Z',
  pausedReason: null,
});

let fake: FakeDiscordRest;
const rests: REST[] = [];
function newAdapter(options: { maxInlineRateLimitMs?: number; apiUrl?: string } = {}) {
  const rest = createDeliveryRest({
    token: 'fake-token',
    apiUrl: options.apiUrl ?? fake.apiUrl,
    ...options,
  });
  rests.push(rest);
  return createDiscordDeliveryAdapter(rest);
}
const posts = (channelId = '222') =>
  fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);

beforeAll(async () => {
  fake = await startFakeDiscordRest();
});
afterEach(() => {
  fake.requests.length = 0;
  fake.messages.clear();
});
afterAll(async () => {
  for (const rest of rests) {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
  await fake.close();
});

describe('Discord delivery adapter', () => {
  it('renders only the subscribed themes and posts every part within limits, mention-free', async () => {
    const adapter = newAdapter();
    const d = digest([
      section('carter', 'Carter reviews', [entry(1)]),
      section('stp', 'STPs', [entry(2)]),
    ]);
    const parts = adapter.render(selectForSubscription(d, subscription(['stp'])));
    expect(parts).toHaveLength(1);
    expect(parts[0]!.text).toBe('Catch up: week of 13 February 2017: STPs · 1 story');

    const big = adapter.render(selectForSubscription(bigDigest(), subscription('all')));
    expect(big.length).toBeGreaterThan(20);
    for (const part of big) {
      const outcome = await adapter.send(channel, part, {
        key: `2017-W07:222:${part.index}`,
        parentMessageId: null,
      });
      expect(outcome.status).toBe('sent');
    }
    const sent = posts();
    expect(sent).toHaveLength(big.length);
    for (const request of sent) {
      const body = request.body as SentBody & { nonce: string; enforce_nonce: boolean };
      expectWithinLimits(body); // including the ref appended to the footer
      expectInert(body, [
        'news.example.org',
        'www.england.example',
        'outlet1.example',
        'outlet2.example',
        'outlet3.example',
      ]);
      expect(body.nonce.length).toBeLessThanOrEqual(25);
      expect(body.enforce_nonce).toBe(true);
      expect(request.authorization).toBe('Bot fake-token');
    }
  });

  it('keeps hostile feed text inert on the wire', async () => {
    const adapter = newAdapter();
    for (const part of adapter.render(
      selectForSubscription(hostileDigest(), subscription('all')),
    )) {
      await adapter.send(channel, part, { key: `hostile:${part.index}`, parentMessageId: null });
    }
    for (const request of posts()) expectInert(request.body as SentBody);
  });

  it('does not duplicate a resend (nonce) and finds the message later by its footer ref', async () => {
    const adapter = newAdapter();
    const [part] = adapter.render(
      selectForSubscription(digest([section('stp', 'STPs', [entry(2)])]), subscription('all')),
    );
    const context = { key: '2017-W07:222:0', parentMessageId: null };
    const first = await adapter.send(channel, part!, context);
    const again = await adapter.send(channel, part!, context);
    expect(first).toEqual(again);
    expect(fake.messages.get('222')).toHaveLength(1);
    // GET returns no nonce (as Discord does after a while): the footer ref identifies it.
    const footer = (fake.messages.get('222')![0]!.embeds.at(-1) as { footer: { text: string } })
      .footer.text;
    expect(footer).toMatch(/^2017-W07 · ref [0-9a-f]{12}$/);
    expect(await adapter.findSent(channel, context)).toBe(
      first.status === 'sent' ? first.messageId : 'x',
    );
    expect(
      await adapter.findSent(channel, { key: '2017-W07:222:1', parentMessageId: null }),
    ).toBeNull();
  });

  it('a lost response (Discord stored the message, then 502) is retried without a duplicate', async () => {
    const adapter = newAdapter();
    fake.script('POST', /^\/channels\/222\/messages$/, { status: 502, afterCommit: true });
    const [part] = adapter.render(selectForSubscription(digest([]), subscription('all')));
    const outcome = await adapter.send(channel, part!, { key: 'klost', parentMessageId: null });
    expect(outcome.status).toBe('sent');
    expect(posts()).toHaveLength(2); // the retry carried the same nonce
    expect(fake.messages.get('222')).toHaveLength(1);
    expect(outcome.status === 'sent' && outcome.messageId).toBe(fake.messages.get('222')![0]!.id);
  });

  it('honours a short 429 by waiting retry_after, then posts once', async () => {
    const adapter = newAdapter();
    fake.script('POST', /^\/channels\/222\/messages$/, { status: 429, retryAfter: 0.3 });
    const [part] = adapter.render(selectForSubscription(digest([]), subscription('all')));
    const outcome = await adapter.send(channel, part!, { key: 'k429', parentMessageId: null });
    expect(outcome.status).toBe('sent');
    const [limited, accepted] = posts();
    expect(accepted!.at - limited!.at).toBeGreaterThanOrEqual(300);
    expect(fake.messages.get('222')).toHaveLength(1);
  });

  it('returns a long 429 to the outbox as retry with retry_after instead of blocking', async () => {
    const adapter = newAdapter({ maxInlineRateLimitMs: 5_000 });
    fake.script('POST', /^\/channels\/222\/messages$/, { status: 429, retryAfter: 60 });
    const [part] = adapter.render(selectForSubscription(digest([]), subscription('all')));
    const outcome = await adapter.send(channel, part!, { key: 'k429long', parentMessageId: null });
    expect(outcome).toMatchObject({ status: 'retry' });
    expect(outcome.status === 'retry' && outcome.retryAfterMs).toBeGreaterThanOrEqual(60_000);
    expect(posts()).toHaveLength(1);
  });

  it.each([
    [403, 50013, /Missing Permissions/],
    [404, 10003, /Unknown Channel/],
    [403, 50001, /Missing Access/],
    [400, 50035, /Discord refused the message \(400, code 50035\)/],
  ])('maps HTTP %i code %i to permanent with a readable reason', async (status, code, reason) => {
    const adapter = newAdapter();
    fake.script('POST', /^\/channels\/222\/messages$/, { status, code, message: 'scripted' });
    const [part] = adapter.render(selectForSubscription(digest([]), subscription('all')));
    const outcome = await adapter.send(channel, part!, {
      key: `perm${code}`,
      parentMessageId: null,
    });
    expect(outcome.status).toBe('permanent');
    expect(outcome.status === 'permanent' && outcome.reason).toMatch(reason);
  });

  it('retries 5xx inside REST, and reports retry when they persist', async () => {
    const adapter = newAdapter();
    const [part] = adapter.render(selectForSubscription(digest([]), subscription('all')));
    fake.script('POST', /^\/channels\/222\/messages$/, { status: 502 });
    expect(
      (await adapter.send(channel, part!, { key: 'k5xx-a', parentMessageId: null })).status,
    ).toBe('sent');
    fake.script(
      'POST',
      /^\/channels\/222\/messages$/,
      { status: 503 },
      { status: 503 },
      { status: 503 },
    );
    const outcome = await adapter.send(channel, part!, { key: 'k5xx-b', parentMessageId: null });
    expect(outcome).toEqual({
      status: 'retry',
      reason: 'Discord answered 503',
      retryAfterMs: null,
    });
  });

  it('reports retry when Discord cannot be reached', async () => {
    const closed = await startFakeDiscordRest();
    const apiUrl = closed.apiUrl;
    await closed.close();
    const adapter = newAdapter({ apiUrl });
    const [part] = adapter.render(selectForSubscription(digest([]), subscription('all')));
    const outcome = await adapter.send(channel, part!, { key: 'knet', parentMessageId: null });
    expect(outcome.status).toBe('retry');
    expect(outcome.status === 'retry' && outcome.reason).toMatch(/could not reach Discord/);
  });

  it('findSent treats a gone channel as "nothing there" and throws on transient failures', async () => {
    const adapter = newAdapter();
    fake.script('GET', /^\/channels\/222\/messages$/, { status: 404, code: 10003 });
    expect(await adapter.findSent(channel, { key: 'x', parentMessageId: null })).toBeNull();
    fake.script(
      'GET',
      /^\/channels\/222\/messages$/,
      { status: 500 },
      { status: 500 },
      { status: 500 },
    );
    await expect(adapter.findSent(channel, { key: 'x', parentMessageId: null })).rejects.toThrow(
      /^discord: could not read recent messages/,
    );
  });
});
