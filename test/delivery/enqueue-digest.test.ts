// enqueueDigest selects the channel's sections once, before any platform code runs: the adapter
// renders exactly the channel's view (the neutral step is not left to each adapter).
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryAdapter } from '../../src/delivery/adapter.js';
import { enqueueDigest } from '../../src/delivery/enqueue-digest.js';
import { MemoryAdapter } from '../../src/delivery/memory-adapter.js';
import type { Digest } from '../../src/domain.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { listParts } from '../../src/store/outbox.js';
import { upsertSubscription } from '../../src/store/subscriptions.js';
import { CHANNEL, sampleDigest } from './delivery-fixtures.js';

const NOW = new Date('2017-02-20T08:00:00.000Z');
let db: Db | undefined;
afterEach(() => db?.close());

describe('enqueueDigest', () => {
  it("hands the adapter only the channel's sections", () => {
    db = openDatabase(':memory:');
    const { subscription } = upsertSubscription(
      db,
      { ...CHANNEL, themes: ['carter'], organisations: [], schedule: null, createdBy: 'U1' },
      NOW,
    );
    const memory = new MemoryAdapter();
    const seen: Digest[] = [];
    const recording: DeliveryAdapter = {
      platform: 'memory',
      render: (...args: Parameters<DeliveryAdapter['render']>) => {
        seen.push(args[0]);
        return memory.render(args[0]);
      },
      send: (c, p, ctx) => memory.send(c, p, ctx),
      findSent: (c, ctx) => memory.findSent(c, ctx),
    };
    const digest = sampleDigest();
    expect(digest.sections.map((s) => s.themeId)).toEqual(
      expect.arrayContaining(['carter', 'procurement', 'stp']),
    );

    const result = enqueueDigest(db, { digest, subscription, adapter: recording, now: NOW });

    expect(result).toMatchObject({ status: 'enqueued' });
    // Carter's one story leads the channel's view; no other theme's story is in it.
    expect(seen.map((view) => [view.lead?.storyIds, view.sections.map((s) => s.themeId)])).toEqual([
      [['a'], []],
    ]);
    const text = listParts(db, digest.week, CHANNEL)
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain('Carter');
    expect(text).not.toContain('Procurement');
  });
});
