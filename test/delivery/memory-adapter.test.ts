import { describe, expect, it } from 'vitest';
import { MemoryAdapter, splitMarkdown } from '../../src/delivery/memory-adapter.js';
import { selectForSubscription } from '../../src/digest/select-for-subscription.js';
import type { Subscription } from '../../src/domain.js';
import { sampleDigest } from './delivery-fixtures.js';

const subscription: Subscription = {
  id: 1,
  platform: 'memory',
  workspaceId: 'T1',
  channelId: 'C1',
  themes: ['carter'],
  organisations: [],
  schedule: null,
  createdBy: null,
  createdAt: '2017-01-01T00:00:00.000Z',
  pausedReason: null,
};

describe('MemoryAdapter', () => {
  it('renders only the subscribed sections, within its part size', () => {
    const adapter = new MemoryAdapter({ maxChars: 200 });
    const parts = adapter.render(selectForSubscription(sampleDigest(), subscription));
    const text = parts.map((p) => p.text).join('\n\n');
    expect(text).toContain('## Carter reviews');
    expect(text).not.toContain('## Procurement');
    expect(parts.every((p) => p.text.length <= 200)).toBe(true);
    expect(parts.map((p) => [p.index, p.total])).toEqual(parts.map((_, i) => [i, parts.length]));
  });

  it('finds a message by its key, as a platform lookup would', async () => {
    const adapter = new MemoryAdapter();
    const channel = { platform: 'memory' as const, workspaceId: 'T1', channelId: 'C1' };
    const part = { index: 0, total: 1, payload: null, text: 'hello' };
    const sent = await adapter.send(channel, part, { key: 'k1', parentMessageId: null });
    expect(sent).toEqual({ status: 'sent', messageId: 'mem-1' });
    expect(await adapter.findSent(channel, { key: 'k1', parentMessageId: null })).toBe('mem-1');
    expect(await adapter.findSent(channel, { key: 'k2', parentMessageId: null })).toBeNull();
    expect(
      await adapter.findSent({ ...channel, channelId: 'C2' }, { key: 'k1', parentMessageId: null }),
    ).toBeNull();
  });

  it('fails on demand, in order', async () => {
    const adapter = new MemoryAdapter()
      .failNext({ kind: 'retry', retryAfterMs: 1000 }, 2)
      .failNext({ kind: 'permanent', reason: 'channel_not_found' });
    const channel = { platform: 'memory' as const, workspaceId: 'T1', channelId: 'C1' };
    const send = () =>
      adapter.send(
        channel,
        { index: 0, total: 1, payload: null, text: 'x' },
        { key: 'k', parentMessageId: null },
      );
    expect(await send()).toEqual({ status: 'retry', reason: 'rate limited', retryAfterMs: 1000 });
    expect(await send()).toMatchObject({ status: 'retry' });
    expect(await send()).toEqual({ status: 'permanent', reason: 'channel_not_found' });
    expect(await send()).toMatchObject({ status: 'sent' });
    expect(adapter.chat.messages).toHaveLength(1);
  });
});

describe('splitMarkdown', () => {
  it.each([
    ['a\n\nb\n\nc', 3, ['a', 'b', 'c']],
    ['a\n\nb\n\nc', 4, ['a\n\nb', 'c']],
    ['a\n\nb\n\nc', 100, ['a\n\nb\n\nc']],
    ['abcdefgh', 3, ['abc', 'def', 'gh']],
    ['', 10, []],
  ])('%j at %d', (text, max, parts) => {
    expect(splitMarkdown(text, max)).toEqual(parts);
  });
});
