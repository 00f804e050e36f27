import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeliveryAdapter } from '../../src/delivery/adapter.js';
import { MemoryAdapter } from '../../src/delivery/memory-adapter.js';
import type { ChannelPlatform } from '../../src/domain.js';
import { runDigestJob } from '../../src/pipeline/run-digest-job.js';
import {
  everyMinutesExpression,
  startScheduler,
  type Scheduler,
} from '../../src/jobs/scheduler.js';
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

describe('everyMinutesExpression', () => {
  it.each([
    [1, '* * * * *'],
    [15, '*/15 * * * *'],
    [30, '*/30 * * * *'],
    [45, '*/15 * * * *'],
    [7, '* * * * *'],
    [60, '0 * * * *'],
    [90, '*/30 * * * *'],
    [120, '0 */2 * * *'],
    [1440, '0 */24 * * *'],
  ])('%d minutes -> %s', (minutes, expression) => {
    expect(everyMinutesExpression(minutes)).toBe(expression);
  });
});

describe('scheduler ticks', () => {
  it.each([
    // node-cron skips the repeated hour when the clocks go back (STACK.md): one 90-minute gap
    ['the last Sunday of March', '2017-03-25T12:00:00.000Z', []],
    ['the last Sunday of October', '2017-10-28T12:00:00.000Z', ['2017-10-28T23:30:00.000Z+90']],
  ])('polls every 30 minutes of real time across %s', async (_name, start, longGaps) => {
    vi.useFakeTimers({ now: new Date(start) });
    const polls: string[] = [];
    scheduler = startScheduler(
      { poll: async (now) => void polls.push(now.toISOString()) },
      { timeZone: 'Europe/London', pollIntervalMinutes: 30 },
    );
    await vi.advanceTimersByTimeAsync(48 * 60 * MINUTE);
    const gaps = polls.slice(1).map((t, i) => ({
      from: polls[i]!,
      minutes: (Date.parse(t) - Date.parse(polls[i]!)) / MINUTE,
    }));
    expect(polls.every((t) => /T\d\d:(00|30):00\.000Z$/.test(t))).toBe(true);
    expect(gaps.filter((g) => g.minutes !== 30).map((g) => `${g.from}+${g.minutes}`)).toEqual(
      longGaps,
    );
    expect(polls.length).toBe(96 - 2 * longGaps.length);
  });

  it('never runs the digest check and the delivery at the same time', async () => {
    vi.useFakeTimers({ now: new Date('2017-02-20T07:59:00.000Z') });
    const log: string[] = [];
    const slow = (name: string) => async () => {
      log.push(`${name}:start`);
      await new Promise((resolve) => setTimeout(resolve, 90_000));
      log.push(`${name}:end`);
    };
    scheduler = startScheduler(
      { digest: slow('digest'), deliver: slow('deliver') },
      { timeZone: 'Europe/London', pollIntervalMinutes: 30, digestCheckMinutes: 15 },
    );
    await vi.advanceTimersByTimeAsync(6 * MINUTE);
    const stopping = scheduler.stop();
    scheduler = null;
    await vi.advanceTimersByTimeAsync(30 * MINUTE);
    await stopping;
    expect(log.length % 2).toBe(0);
    for (let i = 0; i < log.length; i += 2) {
      expect(log[i]!.endsWith(':start')).toBe(true);
      expect(log[i + 1]).toBe(log[i]!.replace(':start', ':end'));
    }
    expect(log).toContain('digest:start');
  });
});

describe('the weekly digest driven by the scheduler', () => {
  it.each([
    // week, first instant, last instant (exclusive), the week's Tuesday, due (08:00 local, UTC)
    [
      '2017-W12',
      '2017-03-20T00:00:00.000Z',
      '2017-03-26T23:00:00.000Z',
      '2017-03-21',
      '2017-03-27T07:00:00.000Z',
    ],
    [
      '2017-W43',
      '2017-10-22T23:00:00.000Z',
      '2017-10-30T00:00:00.000Z',
      '2017-10-24',
      '2017-10-30T08:00:00.000Z',
    ],
  ])('posts %s once, at Monday 08:00 London time', async (week, startsAt, endsAt, tuesday, due) => {
    db = openDatabase(':memory:');
    dir = mkdtempSync(join(tmpdir(), 'briefing-scheduler-'));
    const startAt = new Date(Date.parse(startsAt) + 3 * 86_400_000); // Thursday of that week
    archiveStories(db, storiesOn([tuesday]), startAt);
    upsertSubscription(
      db,
      {
        platform: 'memory',
        workspaceId: 'T1',
        channelId: 'C1',
        themes: 'all',
        organisations: [],
        schedule: null,
        createdBy: null,
      },
      startAt,
    );
    const adapter = new MemoryAdapter();
    const adapters = new Map<ChannelPlatform, DeliveryAdapter>([['memory', adapter]]);
    const database = db;
    const digestsDir = dir;
    vi.useFakeTimers({ now: startAt });
    const sends: string[] = [];
    const send = adapter.send.bind(adapter);
    adapter.send = async (channel, part, context) => {
      sends.push(new Date().toISOString());
      return send(channel, part, context);
    };
    scheduler = startScheduler(
      {
        digest: (now) =>
          runDigestJob({ db: database, config: jobConfig(), adapters, now, digestsDir }),
      },
      { timeZone: 'Europe/London', pollIntervalMinutes: 30, digestCheckMinutes: 15 },
    );
    // from Thursday through the clock change to Tuesday
    await vi.advanceTimersByTimeAsync(5 * 24 * 60 * MINUTE);
    expect(sends).toEqual([due]);
    const runs = listDigestRuns(database);
    expect(runs).toMatchObject([{ week, status: 'enqueued', dueAt: due, decidedAt: due }]);
    const posted = adapter.chat.messages[0]!.text;
    expect(posted).toContain('Carter productivity review update 0');
    const digest = (await import('node:fs')).readFileSync(
      join(digestsDir, '2017', `${week}.json`),
      'utf8',
    );
    expect(JSON.parse(digest)).toMatchObject({ week, startsAt, endsAt, storyCount: 2 });
  });
});
