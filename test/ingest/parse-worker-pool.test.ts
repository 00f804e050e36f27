// The parse worker pool with real worker threads: a document that never finishes parsing or
// that needs more heap than allowed fails with a clear reason while the main thread's timers
// keep running, the worker is replaced for the next document, bytes are moved (not copied), and
// close() ends a stuck worker at once.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Source } from '../../src/domain.js';
import {
  createWorkerDocumentReader,
  type DocumentReader,
  type ReadOutcome,
} from '../../src/ingest/document-reader.js';
import type { ReadDocumentOptions } from '../../src/ingest/read-document.js';

const NOW = new Date('2026-12-01T09:00:00.000Z');
const TASK = new URL('./parse-worker-test-task.ts', import.meta.url);
const SOURCE: Source = {
  id: 'wire',
  name: 'Wire',
  kind: 'feed',
  url: 'https://news.example.org/feed.xml',
  pollIntervalMinutes: 30,
  paywalled: false,
  authority: 0.5,
  enabled: true,
  verified: true,
};

function rss(marker = '', items = 2): Uint8Array {
  const body = Array.from(
    { length: items },
    (_, i) => `<item><title>Story ${i}</title><link>https://news.example.org/${i}</link></item>`,
  ).join('');
  return new TextEncoder().encode(
    `<?xml version="1.0"?>${marker}<rss version="2.0"><channel><title>F</title>${body}</channel></rss>`,
  );
}

function doc(bytes: Uint8Array): [Source, Uint8Array, ReadDocumentOptions] {
  return [
    SOURCE,
    bytes,
    { contentType: 'application/rss+xml', finalUrl: SOURCE.url, now: NOW, maxItems: 100 },
  ];
}

const titles = (outcome: ReadOutcome): string[] =>
  outcome.ok ? outcome.stories.map((s) => s.title) : [outcome.reason];

let dir: string;
let reader: DocumentReader;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parse-worker-'));
});
afterEach(async () => {
  await reader.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('parse worker pool', () => {
  it('reads a document in a worker, moving its bytes', async () => {
    reader = createWorkerDocumentReader({ workers: 1, timeoutMs: 10_000, heapMb: 64 }, TASK);
    const bytes = rss();
    const outcome = await reader.read(...doc(bytes));
    expect(titles(outcome)).toEqual(['Story 0', 'Story 1']);
    expect(bytes.byteLength).toBe(0); // transferred: the main thread's copy is detached
  });

  it('fails a stalled parse after the time limit while timers and other documents go on', async () => {
    reader = createWorkerDocumentReader({ workers: 2, timeoutMs: 3_000, heapMb: 64 }, TASK);
    // Both workers started first: the healthy read then takes milliseconds against the limit.
    await Promise.all([reader.read(...doc(rss())), reader.read(...doc(rss()))]);
    const marker = join(dir, 'stalling');
    const events: string[] = [];
    // A timer that notices the worker's infinite loop has begun: it can only run if the main
    // thread is free while the loop spins.
    const ticker = setInterval(() => {
      if (existsSync(marker) && !events.includes('timer saw the stall')) {
        events.push('timer saw the stall');
      }
    }, 5);
    const stalled = reader.read(...doc(rss(`<!--stall:${marker}-->`))).then((o) => {
      events.push('stalled answered');
      return o;
    });
    const healthy = reader.read(...doc(rss())).then((o) => {
      events.push('healthy answered');
      return o;
    });
    const [stalledOutcome, healthyOutcome] = await Promise.all([stalled, healthy]);
    clearInterval(ticker);
    expect(stalledOutcome).toEqual({
      ok: false,
      kind: 'parse-timeout',
      reason: 'parse took longer than 3 s',
    });
    expect(titles(healthyOutcome)).toEqual(['Story 0', 'Story 1']);
    expect(events.indexOf('timer saw the stall')).toBeGreaterThanOrEqual(0);
    expect(events.indexOf('timer saw the stall')).toBeLessThan(events.indexOf('stalled answered'));
    expect(events.indexOf('healthy answered')).toBeLessThan(events.indexOf('stalled answered'));
    // The stuck worker was replaced: the next document is read as usual.
    expect(titles(await reader.read(...doc(rss())))).toEqual(['Story 0', 'Story 1']);
  });

  it('fails a document that needs more than the heap limit, then carries on', async () => {
    reader = createWorkerDocumentReader({ workers: 1, timeoutMs: 60_000, heapMb: 32 }, TASK);
    const outcome = await reader.read(...doc(rss('<!--allocate-->')));
    expect(outcome).toEqual({
      ok: false,
      kind: 'parse-memory',
      reason: 'document too large to parse (over the 32 MB parse memory limit)',
    });
    expect(titles(await reader.read(...doc(rss())))).toEqual(['Story 0', 'Story 1']);
  });

  it('reports an exception in the read as that document failing', async () => {
    reader = createWorkerDocumentReader({ workers: 1, timeoutMs: 10_000, heapMb: 64 }, TASK);
    expect(await reader.read(...doc(rss('<!--throw-->')))).toEqual({
      ok: false,
      kind: 'parse-crash',
      reason: 'could not process the document: test task: asked to throw',
    });
  });

  it('close() ends a stuck worker at once: its read and queued reads answer cancelled', async () => {
    reader = createWorkerDocumentReader({ workers: 1, timeoutMs: 600_000, heapMb: 64 }, TASK);
    const marker = join(dir, 'stalling');
    const stuck = reader.read(...doc(rss(`<!--stall:${marker}-->`)));
    const queued = reader.read(...doc(rss()));
    await new Promise<void>((resolve) => {
      const wait = setInterval(() => existsSync(marker) && (clearInterval(wait), resolve()), 5);
    });
    await reader.close(); // a 600 s limit: only terminating the thread can end this read
    const cancelled = { ok: false, kind: 'cancelled', reason: 'cancelled: the bot is stopping' };
    expect(await stuck).toEqual(cancelled);
    expect(await queued).toEqual(cancelled);
    expect(await reader.read(...doc(rss()))).toEqual(cancelled);
  });
});
