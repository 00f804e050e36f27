// Deadline reminders driven by the real scheduler under fake time, over a real SQLite archive and
// the in-memory platform: posted once, on the right day (closing day minus deadlineReminderDays, at
// the digest time), not before, not twice after a restart; only to channels following the theme.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeliveryAdapter } from '../../src/delivery/adapter.js';
import { MemoryAdapter, MemoryPlatform } from '../../src/delivery/memory-adapter.js';
import type { ChannelPlatform } from '../../src/domain.js';
import { startScheduler, type Scheduler } from '../../src/jobs/scheduler.js';
import { runReminderJob } from '../../src/pipeline/run-reminder-job.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { summariseChannelDeliveries } from '../../src/store/outbox.js';
import { upsertSubscription } from '../../src/store/subscriptions.js';
import { consultation, storeWithDeadlines } from '../helpers/deadline-fixtures.js';
import { jobConfig } from '../pipeline/job-fixtures.js';

const HOUR = 3_600_000;
let scheduler: Scheduler | null = null;
let db: Db | null = null;

afterEach(async () => {
  await scheduler?.stop();
  scheduler = null;
  vi.useRealTimers();
  db?.close();
  db = null;
});

function subscribe(database: Db, channelId: string, themes: string[] | 'all', at: Date) {
  upsertSubscription(
    database,
    {
      platform: 'memory',
      workspaceId: 'T1',
      channelId,
      themes,
      organisations: [],
      schedule: null,
      createdBy: null,
    },
    at,
  );
}

/**
 * Runs the reminders job on the real scheduler for `hours` from the fake clock's now, on `chat`.
 * Kept to days, not weeks: the scheduler's minute heartbeat fires under fake time too.
 */
async function runFor(database: Db, chat: MemoryPlatform, hours: number, days = 7) {
  const adapters = new Map<ChannelPlatform, DeliveryAdapter>([
    ['memory', new MemoryAdapter({ platform: chat })],
  ]);
  const config = jobConfig({ time: '08:30', deadlineReminderDays: days });
  scheduler = startScheduler(
    { reminders: (now) => runReminderJob({ db: database, config, adapters, now }) },
    { timeZone: 'Europe/London', pollIntervalMinutes: 30, reminderTime: '08:30' },
  );
  await vi.advanceTimersByTimeAsync(hours * HOUR);
  await scheduler.stop();
  scheduler = null;
}

describe('deadline reminders on the scheduler', () => {
  it('posts once, at 08:30 London time seven days before, to channels following the theme', async () => {
    const start = new Date('2021-12-01T12:00:00.000Z');
    db = openDatabase(':memory:');
    // Closes Friday 10 December 2021: the reminder is due Friday 3 December, 08:30 GMT (the
    // 08:30 run on Thursday 2 December is one day early and must post nothing).
    storeWithDeadlines(
      db,
      [consultation(1, '10 December 2021', '2021-11-20T10:00:00.000Z', ['workforce'])],
      start,
    );
    subscribe(db, 'WORKFORCE', ['workforce'], start);
    subscribe(db, 'ALL', 'all', start);
    subscribe(db, 'STP', ['stp'], start);
    vi.useFakeTimers({ now: start });
    const chat = new MemoryPlatform();
    const sentAt: string[] = [];
    const accept = chat.accept.bind(chat);
    chat.accept = (message) => {
      sentAt.push(`${message.channel.channelId}@${new Date().toISOString()}`);
      return accept(message);
    };

    // Up to the minute before it is due: nothing.
    await runFor(db, chat, (Date.parse('2021-12-03T08:29:00.000Z') - start.getTime()) / HOUR);
    expect(sentAt).toEqual([]);
    // Through the due time and two more days.
    await runFor(db, chat, 50);
    expect(sentAt.sort()).toEqual([
      'ALL@2021-12-03T08:30:00.000Z',
      'WORKFORCE@2021-12-03T08:30:00.000Z',
    ]);
    expect(chat.messages[0]!.text).toBe(
      'Reminder: Consultation closes Fri 10 Dec 2021 (in 7 days): [Consultation 1 on the workforce plan](https://example.org/consultation-1) · `g_dead0001`',
    );
    // A restart (a new scheduler and adapter over the same database and chat) posts nothing more.
    await runFor(db, chat, 2 * 24);
    expect(sentAt).toHaveLength(2);
    // `status` still speaks of digests: a reminder is no "last week delivered".
    const channel = { platform: 'memory', workspaceId: 'T1', channelId: 'ALL' } as const;
    expect(summariseChannelDeliveries(db, channel).lastDeliveredWeek).toBeNull();
  }, 60_000);

  it('reminds at the next run a deadline found after its reminder day, with the days left', async () => {
    const start = new Date('2021-12-06T12:00:00.000Z');
    db = openDatabase(':memory:');
    storeWithDeadlines(
      db,
      [consultation(2, '10 December 2021', '2021-12-06T10:00:00.000Z', ['workforce'])],
      start,
    );
    subscribe(db, 'ALL', 'all', start);
    vi.useFakeTimers({ now: start });
    const chat = new MemoryPlatform();
    await runFor(db, chat, 24);
    expect(chat.messages.map((m) => m.text.slice(0, 59))).toEqual([
      'Reminder: Consultation closes Fri 10 Dec 2021 (in 3 days): ',
    ]);
  }, 60_000);

  it('never reminds a deadline that has passed, nor when reminders are off', async () => {
    const start = new Date('2021-12-01T12:00:00.000Z');
    db = openDatabase(':memory:');
    storeWithDeadlines(
      db,
      [
        consultation(3, '10 December 2021', '2021-11-20T10:00:00.000Z', ['workforce']),
        consultation(4, '1 December 2021', '2021-11-20T10:00:00.000Z', ['workforce']),
      ],
      start,
    );
    subscribe(db, 'ALL', 'all', start);
    vi.useFakeTimers({ now: start });
    const chat = new MemoryPlatform();
    await runFor(db, chat, 48, 0);
    expect(chat.messages).toEqual([]);
    // Reminders on from Friday 3 December: consultation 4 closed at 23:59 on 1 December.
    await runFor(db, chat, 24);
    expect(chat.messages.map((m) => m.text.slice(0, 59))).toEqual([
      'Reminder: Consultation closes Fri 10 Dec 2021 (in 6 days): ',
    ]);
  }, 60_000);
});
