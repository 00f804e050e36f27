// The parse watchdog and the item cap seen from a poll: a source whose document never finishes
// parsing fails with "parse took longer than ..." and backs off, while another source is polled
// and the main thread's timers run; a source whose document holds more items than the cap keeps
// the newest and reports the rest, in the poll outcome and in the stored source health.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Source } from '../../src/domain.js';
import {
  createWorkerDocumentReader,
  type DocumentReader,
} from '../../src/ingest/document-reader.js';
import type { FetchOptions } from '../../src/ingest/fetch-source.js';
import { pollSources } from '../../src/pipeline/poll-all.js';
import type { PollDeps } from '../../src/pipeline/poll-source.js';
import { silentLogger } from '../../src/logging.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { getSourceState, listSourceHealth } from '../../src/store/source-state.js';
import { serveBody, startFeedServer, type FeedServer } from '../fakes/feed-server.js';
import { testFetchOptions, testSource } from '../helpers/poll-fixtures.js';

const NOW = new Date('2026-12-01T09:00:00.000Z');
const FETCH: FetchOptions = testFetchOptions({ maxBytes: 20 * 1024 * 1024 });

function rss(count: number, marker = ''): string {
  const items = Array.from({ length: count }, (_, n) => {
    const day = String(1 + (n % 28)).padStart(2, '0');
    return `<item><title>Story ${n}</title><link>https://news.example.org/${n}</link><pubDate>2026-11-${day}T09:00:00Z</pubDate></item>`;
  });
  return `<?xml version="1.0"?>${marker}<rss version="2.0"><channel><title>F</title>${items.join('\n')}</channel></rss>`;
}

function warmDoc(): Parameters<DocumentReader['read']> {
  return [
    source('warm', 'https://warm.example.org/'),
    new TextEncoder().encode(rss(1)),
    { contentType: null, finalUrl: 'https://warm.example.org/', now: NOW, maxItems: 10 },
  ];
}

function source(id: string, url: string): Source {
  return testSource(url, { id, name: id });
}

let server: FeedServer;
let db: Db;
let dir: string;
beforeEach(async () => {
  server = await startFeedServer({});
  db = openDatabase(':memory:');
  dir = mkdtempSync(join(tmpdir(), 'poll-watchdog-'));
});
afterEach(async () => {
  db.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function deps(extra: Partial<PollDeps> = {}): PollDeps {
  return {
    db,
    fetchOptions: FETCH,
    annotate: () => ({ tags: [], entities: { organisations: [], money: [] }, rulesVersion: 't' }),
    now: () => NOW,
    maxBackoffMinutes: 240,
    logger: silentLogger,
    ...extra,
  };
}

describe('poll with the parse watchdog', () => {
  it('fails a stalled parse with a reason and backs off while another source and a timer run', async () => {
    const marker = join(dir, 'stalling');
    server.setRoute('/stall', serveBody(rss(3, `<!--stall:${marker}-->`)));
    server.setRoute('/fine', serveBody(rss(3)));
    const reader = createWorkerDocumentReader(
      { workers: 2, timeoutMs: 3_000, heapMb: 64 },
      new URL('./parse-worker-test-task.ts', import.meta.url),
    );
    // Both workers started first, so the healthy read has a ready worker while the other spins
    // (its parse takes milliseconds against the 3 s limit).
    await Promise.all([1, 2].map(() => reader.read(...warmDoc())));
    const events: string[] = [];
    const ticker = setInterval(() => {
      if (existsSync(marker) && !events.includes('timer')) events.push('timer');
    }, 5);
    const outcomes = await pollSources(
      [source('stall', server.url('/stall')), source('fine', server.url('/fine'))],
      deps({ reader }),
      { concurrency: 2, onOutcome: (o) => events.push(o.sourceId) },
    ).finally(() => (clearInterval(ticker), reader.close()));

    expect(events).toContain('timer');
    expect(events.indexOf('timer')).toBeLessThan(events.indexOf('stall'));
    expect(events.indexOf('fine')).toBeLessThan(events.indexOf('stall'));
    const byId = new Map(outcomes.map((o) => [o.sourceId, o]));
    expect(byId.get('fine')).toMatchObject({ status: 'ok', newStories: 3 });
    expect(byId.get('stall')).toMatchObject({
      status: 'failed',
      reason: 'parse took longer than 3 s',
    });
    const state = getSourceState(db, 'stall')!;
    expect(state).toMatchObject({
      consecutiveFailures: 1,
      lastError: 'parse took longer than 3 s',
    });
    expect(Date.parse(state.nextPollAt!)).toBeGreaterThan(NOW.getTime());
  });

  it('keeps the newest items of a document over the cap and reports the rest', async () => {
    server.setRoute('/bomb', serveBody(rss(500)));
    const feed = source('bomb', server.url('/bomb'));
    const [outcome] = await pollSources([feed], deps({ maxItemsPerDocument: 50 }), {
      concurrency: 1,
    });
    expect(outcome).toMatchObject({ status: 'ok', items: 50, newStories: 50, itemsDropped: 450 });
    expect(getSourceState(db, 'bomb')?.itemsDropped).toBe(450);
    expect(listSourceHealth(db, [feed])[0]?.itemsDropped).toBe(450);

    server.setRoute('/bomb', serveBody(rss(20)));
    const [again] = await pollSources([feed], deps({ maxItemsPerDocument: 50 }), {
      concurrency: 1,
    });
    expect(again?.itemsDropped).toBeUndefined();
    expect(getSourceState(db, 'bomb')?.itemsDropped).toBe(0);
    expect(listSourceHealth(db, [feed])[0]).not.toHaveProperty('itemsDropped');
  });
});
