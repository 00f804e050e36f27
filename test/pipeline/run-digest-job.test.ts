import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryAdapter } from '../../src/delivery/adapter.js';
import { listDeliveryHealth } from '../../src/delivery/delivery-health.js';
import { MemoryAdapter } from '../../src/delivery/memory-adapter.js';
import type { ChannelPlatform } from '../../src/domain.js';
import { digestDueAt } from '../../src/time/digest-schedule.js';
import { runDigestJob } from '../../src/pipeline/run-digest-job.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { listDigestRuns } from '../../src/store/digest-runs.js';
import { recordPollFailure, recordPollNotModified } from '../../src/store/source-state.js';
import { pauseSubscription, upsertSubscription } from '../../src/store/subscriptions.js';
import { archiveStories, jobConfig, storiesOn } from './job-fixtures.js';

const CHANNEL = { platform: 'memory', workspaceId: 'T1', channelId: 'C1' } as const;
// Week 2017-W07 is 13-19 February 2017 (GMT); its default digest is due Monday 20 Feb 08:00.
const DUE = new Date('2017-02-20T08:00:00.000Z');
const hours = (n: number) => new Date(DUE.getTime() + n * 3_600_000);

let db: Db;
let dir: string;
let adapter: MemoryAdapter;
let adapters: Map<ChannelPlatform, DeliveryAdapter>;

beforeEach(() => {
  db = openDatabase(':memory:');
  dir = mkdtempSync(join(tmpdir(), 'briefing-digests-'));
  adapter = new MemoryAdapter();
  adapters = new Map([['memory', adapter]]);
  archiveStories(
    db,
    storiesOn(['2017-02-07', '2017-02-14', '2017-02-21']),
    new Date('2017-02-22T00:00:00Z'),
  );
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function subscribe(
  // after 2017-W06's digest was due, so only 2017-W07 onwards concern this channel
  createdAt = new Date('2017-02-14T00:00:00Z'),
  schedule: { day: number; time: string } | null = null,
  channelId = 'C1',
) {
  return upsertSubscription(
    db,
    { ...CHANNEL, channelId, themes: 'all', organisations: [], schedule, createdBy: 'U1' },
    createdAt,
  ).subscription;
}

const run = (now: Date, config = jobConfig()) =>
  runDigestJob({ db, config, adapters, now, digestsDir: dir });

describe('runDigestJob', () => {
  it('keeps going when one channel cannot be rendered, and retries that channel later', async () => {
    subscribe(undefined, null, 'C1');
    subscribe(undefined, null, 'C2');
    const render = adapter.render.bind(adapter);
    // Channels are taken in order (C1 first); the renderer sees only the channel's view.
    let failC1 = true;
    let renders = 0;
    adapter.render = (view) => {
      if (failC1 && renders++ === 0) throw new Error('renderer exploded');
      return render(view);
    };
    const first = await run(hours(1));
    expect(first.enqueued.map((e) => e.channel)).toEqual([expect.stringContaining('C2')]);
    expect(first.delivery.sent).toBeGreaterThan(0);
    failC1 = false;
    const second = await run(hours(2));
    expect(second.enqueued.map((e) => e.channel)).toEqual([expect.stringContaining('C1')]);
  });

  it('posts the week that just ended once, at the due time, after archiving it', async () => {
    subscribe();
    const early = await run(new Date(DUE.getTime() - 60_000));
    expect(early.enqueued).toEqual([]);
    expect(adapter.chat.messages).toHaveLength(0);

    const first = await run(DUE);
    expect(first.enqueued).toEqual([{ week: '2017-W07', channel: 'memory:T1:C1', parts: 1 }]);
    expect(first.delivery.sent).toBe(1);
    const [message] = adapter.chat.messagesIn(CHANNEL);
    expect(message!.text).toContain('# Catch up: week of 13 February 2017');
    expect(message!.text).toContain('Carter productivity review update 1');
    // The week before is not an entry (it may be linked as "Previously:", which is continuity).
    expect(message!.text).not.toMatch(/\*\*\[Carter productivity review update 0/);
    expect(message!.text).not.toContain('update 2'); // the week after

    const md = join(dir, '2017', '2017-W07.md');
    const json = join(dir, '2017', '2017-W07.json');
    expect(first.archived).toEqual([{ markdownPath: md, jsonPath: json }]);
    expect(readFileSync(md, 'utf8')).toContain('Carter productivity review update 1');
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({
      week: '2017-W07',
      storyCount: 2,
    });

    // the job runs every 15 minutes: nothing more is posted
    for (const later of [hours(0.25), hours(1), hours(30)]) {
      const again = await run(later);
      expect(again.enqueued).toEqual([]);
    }
    expect(adapter.chat.messagesIn(CHANNEL)).toHaveLength(1);
    expect(listDigestRuns(db)).toMatchObject([{ week: '2017-W07', status: 'enqueued' }]);
  });

  it('writes the archive before anything is posted', async () => {
    subscribe();
    const seen: boolean[] = [];
    const watching: DeliveryAdapter = {
      platform: 'memory',
      render: (view) => adapter.render(view),
      findSent: (c, ctx) => adapter.findSent(c, ctx),
      send: (c, p, ctx) => {
        seen.push(existsSync(join(dir, '2017', '2017-W07.md')));
        return adapter.send(c, p, ctx);
      },
    };
    await runDigestJob({
      db,
      config: jobConfig(),
      adapters: new Map([['memory', watching]]),
      now: DUE,
      digestsDir: dir,
    });
    expect(seen).toEqual([true]);
  });

  it.each([
    ['within the grace period after downtime: sent once', 47, 1, 'enqueued'],
    ['beyond the grace period: skipped and recorded', 49, 0, 'skipped'],
  ])('%s', async (_name, late, messages, status) => {
    subscribe();
    const report = await run(hours(late));
    expect(adapter.chat.messages).toHaveLength(messages);
    const [decision] = listDigestRuns(db, '2017-W07');
    expect(decision).toMatchObject({ status, dueAt: DUE.toISOString() });
    if (status === 'skipped') {
      expect(decision!.reason).toBe(
        'missed: due 2017-02-20T08:00:00.000Z, the bot was back 49 h later (grace 48 h)',
      );
      expect(report.skipped).toHaveLength(1);
      const [health] = listDeliveryHealth(db, 'memory', 'T1', 'C1');
      expect(health!.lastError).toBe(`2017-W07 not sent: ${decision!.reason}`);
    }
    await run(hours(late + 1));
    expect(adapter.chat.messages).toHaveLength(messages);
  });

  it('after a long outage sends only the latest week still within grace', async () => {
    subscribe();
    // back on Tuesday 28 February: 2017-W07 was due 8 days ago, 2017-W08 one day ago
    await run(new Date('2017-02-28T09:00:00.000Z'));
    expect(listDigestRuns(db).map((r) => [r.week, r.status])).toEqual([
      ['2017-W08', 'enqueued'],
      ['2017-W07', 'skipped'],
    ]);
    expect(adapter.chat.messages).toHaveLength(1);
    expect(adapter.chat.messages[0]!.text).toContain('week of 20 February 2017');
  });

  it('honours a channel schedule of its own', async () => {
    subscribe(undefined, { day: 5, time: '16:30' }); // Friday afternoons
    const friday = digestDueAt({ year: 2017, week: 7 }, { day: 5, time: '16:30' }, 'Europe/London');
    expect(friday.toISOString()).toBe('2017-02-24T16:30:00.000Z');
    await run(DUE);
    expect(adapter.chat.messages).toHaveLength(0);
    await run(friday);
    expect(adapter.chat.messages).toHaveLength(1);
  });

  it('does not send a week that was due before the channel subscribed', async () => {
    subscribe(hours(1));
    await run(hours(2));
    expect(adapter.chat.messages).toHaveLength(0);
    expect(listDigestRuns(db)).toEqual([]);
  });

  it('skips a paused channel with the pause reason', async () => {
    subscribe();
    pauseSubscription(db, CHANNEL, 'missing_scope', hours(-10));
    await run(DUE);
    expect(listDigestRuns(db)).toMatchObject([
      { status: 'skipped', reason: 'channel paused: missing_scope' },
    ]);
    expect(adapter.chat.messages).toHaveLength(0);
  });

  it('names sources that could not be checked all week on the coverage line', async () => {
    subscribe();
    for (const day of ['2017-02-13', '2017-02-16']) {
      recordPollFailure(db, 'pulse', {
        reason: 'HTTP 503',
        at: new Date(`${day}T12:00:00Z`),
        nextPollAt: new Date(`${day}T13:00:00Z`),
      });
    }
    await run(DUE);
    const json = JSON.parse(readFileSync(join(dir, '2017', '2017-W07.json'), 'utf8'));
    expect(json.coverage.failedSources).toEqual([
      { id: 'pulse', name: 'Pulse', reason: 'HTTP 503' },
    ]);
    expect(adapter.chat.messages[0]!.text).toContain('could not check Pulse (HTTP 503)');
  });

  it('names sources polled before the week but not at all during it as not checked', async () => {
    subscribe();
    const polled = (id: string, iso: string) =>
      recordPollNotModified(db, id, { at: new Date(iso), nextPollAt: new Date(iso) });
    for (const source of jobConfig().sources) polled(source.id, '2017-02-08T12:00:00Z');
    for (const source of jobConfig().sources.filter((s) => s.id !== 'kingsfund')) {
      polled(source.id, '2017-02-15T12:00:00Z');
    }
    await run(DUE);
    const json = JSON.parse(readFileSync(join(dir, '2017', '2017-W07.json'), 'utf8'));
    expect(json.coverage.failedSources).toEqual([
      { id: 'kingsfund', name: "The King's Fund", reason: 'not polled' },
    ]);
  });

  it('enqueues each channel once when several are due', async () => {
    subscribe();
    subscribe(undefined, null, 'C2');
    const report = await run(DUE);
    expect(report.enqueued.map((e) => e.channel)).toEqual(['memory:T1:C1', 'memory:T1:C2']);
    expect(report.archived).toHaveLength(1);
    expect(adapter.chat.messages.map((m) => m.channel.channelId)).toEqual(['C1', 'C2']);
  });
});
