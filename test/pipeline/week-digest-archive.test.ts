// The week's digest is built and archived once, when its first channel falls due; a channel with
// a later schedule gets the archived digest, and the archive is not rewritten under it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryAdapter } from '../../src/delivery/adapter.js';
import { MemoryAdapter } from '../../src/delivery/memory-adapter.js';
import type { ChannelPlatform } from '../../src/domain.js';
import { runDigestJob } from '../../src/pipeline/run-digest-job.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { upsertSubscription } from '../../src/store/subscriptions.js';
import { makeStory } from '../digest/make-story.js';
import { archiveStories, jobConfig, storiesOn } from './job-fixtures.js';

// 2017-W07 (13-19 February): due Monday 20 Feb 08:00 by default; FRIDAY for a channel of its own.
const MONDAY = new Date('2017-02-20T08:00:00.000Z');
const FRIDAY = new Date('2017-02-24T16:30:00.000Z');
const LATE_TITLE = 'Late-polled story from the same week';

let db: Db;
let dir: string;
let adapter: MemoryAdapter;

beforeEach(() => {
  db = openDatabase(':memory:');
  dir = mkdtempSync(join(tmpdir(), 'briefing-week-archive-'));
  adapter = new MemoryAdapter();
  archiveStories(db, storiesOn(['2017-02-14']), new Date('2017-02-15T00:00:00Z'));
  for (const [channelId, schedule] of [
    ['MON', null],
    ['FRI', { day: 5, time: '16:30' }],
  ] as const) {
    upsertSubscription(
      db,
      {
        platform: 'memory',
        workspaceId: 'T1',
        channelId,
        themes: 'all',
        organisations: [],
        schedule,
        createdBy: 'U1',
      },
      new Date('2017-02-14T00:00:00Z'),
    );
  }
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (now: Date) =>
  runDigestJob({
    db,
    config: jobConfig(),
    adapters: new Map<ChannelPlatform, DeliveryAdapter>([['memory', adapter]]),
    now,
    digestsDir: dir,
  });

const jsonPath = () => join(dir, '2017', '2017-W07.json');
const textIn = (channelId: string) =>
  adapter.chat.messages.filter((m) => m.channel.channelId === channelId).map((m) => m.text);

/** A story of the week that only arrives after the Monday digest went out. */
function storeLateStory(): void {
  archiveStories(
    db,
    [
      makeStory({
        id: 'late',
        title: LATE_TITLE,
        publishedAt: '2017-02-17T09:00:00.000Z',
        tags: { carter: 5 },
      }),
    ],
    new Date('2017-02-22T00:00:00Z'),
  );
}

describe('the week digest archive', () => {
  it('is built once; a channel due later in the week gets the archived digest', async () => {
    const monday = await run(MONDAY);
    expect(monday.enqueued.map((e) => e.channel)).toEqual(['memory:T1:MON']);
    expect(monday.archived).toHaveLength(1);
    const archived = readFileSync(jsonPath(), 'utf8');

    storeLateStory();
    const friday = await run(FRIDAY);
    expect(friday.enqueued.map((e) => e.channel)).toEqual(['memory:T1:FRI']);
    expect(friday.archived).toEqual([]);
    expect(readFileSync(jsonPath(), 'utf8')).toBe(archived);
    expect(textIn('FRI')).toEqual(textIn('MON'));
    expect(textIn('FRI').join('\n')).not.toContain(LATE_TITLE);
  });

  it.each([
    ['missing', () => rmSync(jsonPath())],
    ['garbled', () => writeFileSync(jsonPath(), '{"week": "2017-W07", "sect')],
    ['another week', () => writeFileSync(jsonPath(), '{"week": "2017-W08", "sections": []}')],
  ])('is built and archived again when the archived file is %s', async (_name, spoil) => {
    await run(MONDAY);
    spoil();
    storeLateStory();
    const friday = await run(FRIDAY);
    expect(friday.archived).toEqual([
      { markdownPath: join(dir, '2017', '2017-W07.md'), jsonPath: jsonPath() },
    ]);
    expect(JSON.parse(readFileSync(jsonPath(), 'utf8'))).toMatchObject({ week: '2017-W07' });
    expect(textIn('FRI').join('\n')).toContain(LATE_TITLE);
  });
});
