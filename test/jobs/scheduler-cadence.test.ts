// Daily and weekly channels side by side, driven by the real scheduler under fake timers across
// the spring clock change (Sunday 26 March 2017, London): each digest is posted once, at its due
// time in London time, and a daily channel's quiet day is skipped, not posted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeliveryAdapter } from '../../src/delivery/adapter.js';
import { MemoryAdapter } from '../../src/delivery/memory-adapter.js';
import type { Cadence, ChannelPlatform } from '../../src/domain.js';
import { startScheduler, type Scheduler } from '../../src/jobs/scheduler.js';
import { runDigestJob } from '../../src/pipeline/run-digest-job.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { listDigestRuns } from '../../src/store/digest-runs.js';
import { upsertSubscription } from '../../src/store/subscriptions.js';
import { archiveStories, jobConfig, storiesOn } from '../pipeline/job-fixtures.js';

const MINUTE = 60_000;
let scheduler: Scheduler | null = null;
let db: Db | null = null;
let dir: string | null = null;

afterEach(async () => {
  await scheduler?.stop();
  scheduler = null;
  vi.useRealTimers();
  db?.close();
  db = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

function subscribe(database: Db, channelId: string, cadence: Cadence, at: Date): void {
  upsertSubscription(
    database,
    {
      platform: 'memory',
      workspaceId: 'T1',
      channelId,
      themes: 'all',
      organisations: [],
      schedule: null,
      createdBy: null,
      cadence,
    },
    at,
  );
}

describe('daily and weekly digests driven by the scheduler', () => {
  it('posts each at 08:00 London time, before and after the clocks go forward', async () => {
    const start = new Date('2017-03-23T12:00:00.000Z'); // Thursday
    db = openDatabase(':memory:');
    dir = mkdtempSync(join(tmpdir(), 'briefing-cadence-'));
    // Stories every day but Sunday 26 March.
    archiveStories(db, storiesOn(['2017-03-23', '2017-03-24', '2017-03-25', '2017-03-27']), start);
    subscribe(db, 'WEEKLY', 'weekly', start);
    subscribe(db, 'DAILY', 'daily', start);
    const adapter = new MemoryAdapter();
    const adapters = new Map<ChannelPlatform, DeliveryAdapter>([['memory', adapter]]);
    const sends: string[] = [];
    const send = adapter.send.bind(adapter);
    adapter.send = async (channel, part, context) => {
      sends.push(`${channel.channelId} ${new Date().toISOString()}`);
      return send(channel, part, context);
    };
    const database = db;
    const digestsDir = dir;
    vi.useFakeTimers({ now: start });
    scheduler = startScheduler(
      {
        digest: (now) =>
          runDigestJob({ db: database, config: jobConfig(), adapters, now, digestsDir }),
      },
      { timeZone: 'Europe/London', pollIntervalMinutes: 30, digestCheckMinutes: 15 },
    );
    // Thursday noon to Tuesday noon.
    await vi.advanceTimersByTimeAsync(5 * 24 * 60 * MINUTE);

    expect(sends).toEqual([
      'DAILY 2017-03-24T08:00:00.000Z', // Thursday's, Friday 08:00 GMT
      'DAILY 2017-03-25T08:00:00.000Z', // Friday's
      'DAILY 2017-03-26T07:00:00.000Z', // Saturday's, Sunday 08:00 BST
      'WEEKLY 2017-03-27T07:00:00.000Z', // week 12, Monday 08:00 BST
      'DAILY 2017-03-28T07:00:00.000Z', // Monday's (Sunday was quiet)
    ]);
    const daily = listDigestRuns(database).filter((r) => r.channel.channelId === 'DAILY');
    expect(daily.map((r) => [r.week, r.status, r.reason])).toEqual([
      ['2017-03-27', 'enqueued', null],
      ['2017-03-26', 'skipped', 'no stories for this channel that day'],
      ['2017-03-25', 'enqueued', null],
      ['2017-03-24', 'enqueued', null],
      ['2017-03-23', 'enqueued', null],
    ]);
    const texts = adapter.chat.messagesIn({
      platform: 'memory',
      workspaceId: 'T1',
      channelId: 'DAILY',
    });
    expect(texts[0]!.text).toContain('# Catch up: Thursday 23 March 2017');
    expect(texts[0]!.text).toContain('23 March 2017 (Europe/London time)');
    expect(texts[0]!.text).toContain('Carter productivity review update 0');
    expect(texts[0]!.text).not.toContain('update 1'); // Friday's story
  });
});
