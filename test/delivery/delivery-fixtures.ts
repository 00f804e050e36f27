// A small real digest and a subscribed channel over a real database, for delivery tests.
import type { DeliveryAdapter } from '../../src/delivery/adapter.js';
import { processOutbox, type ProcessOptions } from '../../src/delivery/process-outbox.js';
import { buildDigest } from '../../src/digest/build-digest.js';
import type { Digest, ChannelPlatform, Subscription } from '../../src/domain.js';
import type { Db } from '../../src/store/database.js';
import { upsertSubscription } from '../../src/store/subscriptions.js';
import { makeStory, SOURCES, THEMES } from '../digest/make-story.js';

export const CHANNEL = { platform: 'memory', workspaceId: 'T1', channelId: 'C1' } as const;

export function sampleDigest(): Digest {
  const stories = [
    makeStory({
      id: 'a',
      title: 'Model Hospital adds community metrics',
      summary: 'The benchmarking tool now covers community trusts.',
      tags: { carter: 5 },
    }),
    makeStory({
      id: 'b',
      sourceId: 'dhsc',
      title: 'Procurement league tables published',
      summary: 'Every trust is ranked on how it buys.',
      tags: { procurement: 5 },
    }),
    makeStory({
      id: 'c',
      sourceId: 'hsj',
      title: 'First STP ratings out',
      summary: 'Five footprints are rated outstanding.',
      tags: { stp: 4 },
    }),
  ];
  return buildDigest({
    week: { year: 2017, week: 7 },
    timeZone: 'Europe/London',
    stories,
    themes: THEMES,
    sources: SOURCES,
    failedSources: [],
    perThemeCap: 5,
  });
}

export function subscribe(db: Db, now: Date, channelId: string = CHANNEL.channelId): Subscription {
  return upsertSubscription(
    db,
    {
      ...CHANNEL,
      channelId,
      themes: 'all',
      organisations: [],
      schedule: null,
      createdBy: 'U1',
    },
    now,
  ).subscription;
}

/** One delivery run whose clock stays at the tick's time, so timestamps can be written out. */
export function tick(
  db: Db,
  adapters: ReadonlyMap<ChannelPlatform, DeliveryAdapter>,
  now: Date,
  options: ProcessOptions = {},
) {
  return processOutbox(db, adapters, now, { clock: () => now, ...options });
}
