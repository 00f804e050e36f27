// Alerts (pipeline/run-alerts.ts) over a real SQLite archive and the in-memory platform, with the
// clock passed in: which stories are alerted, batching per poll round, the daily cap, and
// exactly-once delivery across a restart between the record and the send.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryAdapter } from '../../src/delivery/adapter.js';
import { MemoryAdapter, MemoryPlatform } from '../../src/delivery/memory-adapter.js';
import { processOutbox } from '../../src/delivery/process-outbox.js';
import type { ChannelPlatform, StoredStory } from '../../src/domain.js';
import { runAlerts } from '../../src/pipeline/run-alerts.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { listParts } from '../../src/store/outbox.js';
import { pauseSubscription, upsertSubscription } from '../../src/store/subscriptions.js';
import { makeStory } from '../digest/make-story.js';
import { archiveStories, jobConfig } from './job-fixtures.js';

const CHANNEL = { platform: 'memory', workspaceId: 'T1', channelId: 'C1' } as const;
// Tuesday 14 February 2017, GMT.
const T0 = new Date('2017-02-14T12:00:00.000Z');
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);

let db: Db;
let dir: string | null = null;
afterEach(() => {
  if (db?.open) db.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

function subscribe(alerts: boolean, themes: string[] | 'all' = ['carter'], channelId = 'C1') {
  upsertSubscription(
    db,
    {
      ...CHANNEL,
      channelId,
      themes,
      organisations: ['RNA'],
      schedule: null,
      createdBy: 'U1',
      alerts,
    },
    new Date('2017-02-01T00:00:00Z'),
  );
}

const dudley = (id: string, at: Date): StoredStory =>
  makeStory({
    id,
    sourceId: 'hsj',
    title: `Dudley trust contract ${id} under review`,
    summary: 'The trust board meets on Friday.',
    publishedAt: new Date(at.getTime() - 3_600_000).toISOString(),
    organisations: [['RNA', 'The Dudley Group NHS Foundation Trust']],
  });

/** The same announcement from `sources`, an hour before `at`. */
const widely = (id: string, sources: string[], at: Date, theme = 'carter'): StoredStory[] =>
  sources.map((sourceId) =>
    makeStory({
      id: `${id}-${sourceId}`,
      sourceId,
      title: 'Carter review of community health services published today',
      summary: 'Lord Carter finds £1bn of unwarranted variation across community trusts.',
      publishedAt: new Date(at.getTime() - 3_600_000).toISOString(),
      tags: { [theme]: 4 },
    }),
  );

function setUp(settings: Record<string, unknown> = {}) {
  db = openDatabase(':memory:');
  const adapter = new MemoryAdapter({ maxChars: 10_000 });
  const adapters = new Map<ChannelPlatform, DeliveryAdapter>([['memory', adapter]]);
  const config = jobConfig();
  const withAlerts = {
    ...config,
    settings: { ...config.settings, alerts: { ...config.settings.alerts, ...settings } },
  };
  const alerts = (now: Date) => runAlerts({ db, config: withAlerts, adapters, now });
  const deliver = (now: Date) => processOutbox(db, adapters, now, { clock: () => now });
  return { adapter, alerts, deliver };
}

describe('runAlerts', () => {
  it('batches a poll round into one message: a followed organisation and wide coverage', async () => {
    const { adapter, alerts, deliver } = setUp();
    subscribe(true);
    archiveStories(
      db,
      [
        dudley('d1', T0),
        ...widely('wide', ['nhse', 'dhsc', 'kingsfund'], T0),
        // two outlets only, and a theme the channel does not follow: neither alerts
        ...widely('pair', ['guardian', 'pulse'], T0).map((s) => ({ ...s, title: `${s.title} 2` })),
        ...widely('other', ['cqc', 'thinktank', 'nhsproviders'], T0, 'workforce').map((s) => ({
          ...s,
          title: 'Nursing workforce plan delayed again',
          summary: 'The long-term workforce plan slips to the autumn.',
        })),
      ],
      T0,
    );
    expect(alerts(T0).queued).toEqual([
      { channel: 'memory:T1:C1', batch: '2017-02-14 alert 1', stories: 2 },
    ]);
    await deliver(T0);
    const [message, ...rest] = adapter.chat.messagesIn(CHANNEL);
    expect(rest).toEqual([]);
    expect(message!.text).toContain('NHS policy alert: 2 new stories');
    expect(message!.text).toContain('Dudley trust contract d1 under review');
    expect(message!.text).toContain('Carter review of community health services');
    expect(message!.text).not.toContain('Nursing workforce plan');
    expect(message!.text.indexOf('Organisations you follow')).toBeLessThan(
      message!.text.indexOf('Covered widely'),
    );
    // The next poll round finds nothing new: nothing is queued or posted again.
    expect(alerts(hours(0.5)).queued).toEqual([]);
    await deliver(hours(0.5));
    expect(adapter.chat.messagesIn(CHANNEL)).toHaveLength(1);
  });

  it('sends nothing to channels without alerts, or paused ones', () => {
    const { alerts } = setUp();
    subscribe(false);
    subscribe(true, 'all', 'C2');
    pauseSubscription(db, { ...CHANNEL, channelId: 'C2' }, 'channel_not_found', T0);
    archiveStories(db, [dudley('d1', T0)], T0);
    expect(alerts(T0)).toEqual({ queued: [], capped: [] });
  });

  it('caps batches per local day, then starts again the next day', async () => {
    const { adapter, alerts, deliver } = setUp({ maxPerDay: 2 });
    subscribe(true);
    const rounds = [hours(0), hours(1), hours(2)];
    const labels: string[] = [];
    for (const [i, at] of rounds.entries()) {
      archiveStories(db, [dudley(`d${i}`, at)], at);
      const report = alerts(at);
      labels.push(...report.queued.map((q) => q.batch));
      if (i === 2) expect(report.capped).toEqual(['memory:T1:C1']);
      await deliver(at);
    }
    expect(labels).toEqual(['2017-02-14 alert 1', '2017-02-14 alert 2']);
    // Just after midnight the day's count starts again; the waiting story is still fresh.
    const nextDay = new Date('2017-02-15T00:05:00.000Z');
    expect(alerts(nextDay).queued).toEqual([
      { channel: 'memory:T1:C1', batch: '2017-02-15 alert 1', stories: 1 },
    ]);
    await deliver(nextDay);
    expect(
      adapter.chat.messagesIn(CHANNEL).map((m) => m.text.match(/contract (d\d)/)?.[1]),
    ).toEqual(['d0', 'd1', 'd2']);
  });

  it('a restart between the record and the send: the batch is sent once, never queued twice', async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefing-alerts-'));
    const path = join(dir, 'briefing.db');
    const chat = new MemoryPlatform();
    db = openDatabase(path);
    subscribe(true);
    archiveStories(db, [dudley('d1', T0)], T0);
    const config = jobConfig();
    const before = new Map<ChannelPlatform, DeliveryAdapter>([
      ['memory', new MemoryAdapter({ platform: chat, maxChars: 10_000 })],
    ]);
    expect(runAlerts({ db, config, adapters: before, now: T0 }).queued).toHaveLength(1);
    db.close(); // the process stops before the deliver job ran

    db = openDatabase(path);
    const after = new Map<ChannelPlatform, DeliveryAdapter>([
      ['memory', new MemoryAdapter({ platform: chat, maxChars: 10_000 })],
    ]);
    expect(runAlerts({ db, config, adapters: after, now: hours(0.5) }).queued).toEqual([]);
    await processOutbox(db, after, hours(0.5), { clock: () => hours(0.5) });
    await processOutbox(db, after, hours(1), { clock: () => hours(1) });
    expect(chat.messagesIn(CHANNEL)).toHaveLength(1);
    expect(listParts(db, '2017-02-14 alert 1', CHANNEL)).toMatchObject([{ status: 'sent' }]);
  });
});
