// Item-bomb benchmark (issue 12): one source serves a 10 MB RSS document of ~150,000 tiny items;
// a child process with the bot's heap flags polls it once the way the bot does (parse worker,
// default limits and item cap) and reports its peak RSS (kernel high-water mark, worker threads
// included). Target: item_bomb_peak_rss_mb < 250, with the newest 2,000 items stored.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkerDocumentReader } from '../../src/ingest/document-reader.js';
import { pollSources } from '../../src/pipeline/poll-all.js';
import type { PollOutcome } from '../../src/pipeline/poll-source.js';
import { silentLogger } from '../../src/logging.js';
import { RUN_NODE_FLAGS } from '../../src/bin/runtime-node-flags.js';
import { openDatabase } from '../../src/store/database.js';
import { serveBody, startFeedServer } from '../fakes/feed-server.js';
import { runInChild } from './measure.js';
import { benchSource } from './parse.js';

export interface ItemBombResult {
  item_bomb_megabytes: number;
  item_bomb_items: number;
  item_bomb_stored: number;
  item_bomb_dropped: number;
  item_bomb_poll_s: number;
  item_bomb_peak_rss_mb: number;
}

/** A well-formed RSS document of `megabytes` made of small dated items. */
export function itemBombDocument(megabytes: number): { text: string; items: number } {
  const parts = ['<?xml version="1.0"?><rss version="2.0"><channel><title>Bomb</title>\n'];
  let size = parts[0]!.length;
  let n = 0;
  while (size < megabytes * 1024 * 1024) {
    const day = String(1 + (n % 28)).padStart(2, '0');
    const item = `<item><title>Item ${n}</title><link>https://bomb.example.org/${n}</link><pubDate>2026-11-${day}T09:00:00Z</pubDate></item>\n`;
    parts.push(item);
    size += item.length;
    n++;
  }
  parts.push('</channel></rss>');
  return { text: parts.join(''), items: n };
}

interface ChildInput {
  url: string;
}

/** Runs in the child: one poll of the bomb through a parse worker with the default settings. */
export async function pollBombInChild(
  input: ChildInput,
): Promise<{ ms: number; outcome: PollOutcome }> {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-bench-bomb-'));
  const db = openDatabase(join(dir, 'bench.db'));
  const reader = createWorkerDocumentReader({ workers: 1, timeoutMs: 10_000, heapMb: 96 });
  try {
    const started = performance.now();
    const [outcome] = await pollSources(
      [benchSource(0, input.url)],
      {
        db,
        fetchOptions: {
          userAgent: 'nhs-briefing-bot-bench/0.1 (+https://example.org/bench)',
          connectTimeoutMs: 10_000,
          timeoutMs: 30_000,
          maxBytes: 10 * 1024 * 1024 + 64 * 1024,
          maxRedirects: 5,
          allowPrivateAddresses: true,
        },
        annotate: () => ({
          tags: [],
          entities: { organisations: [], money: [] },
          rulesVersion: 'b',
        }),
        now: () => new Date(),
        maxBackoffMinutes: 60,
        logger: silentLogger,
        reader,
        maxItemsPerDocument: 2000,
      },
      { concurrency: 1 },
    );
    return { ms: performance.now() - started, outcome: outcome! };
  } finally {
    await reader.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runItemBombBench(): Promise<ItemBombResult> {
  const bomb = itemBombDocument(10);
  const server = await startFeedServer({ '/bomb.xml': serveBody(bomb.text) });
  try {
    const child = await runInChild<{ ms: number; outcome: PollOutcome }>(
      import.meta.url,
      'pollBombInChild',
      { url: server.url('/bomb.xml') } satisfies ChildInput,
      RUN_NODE_FLAGS,
    );
    const { outcome } = child.result;
    if (outcome.status !== 'ok') throw new Error(`bench: item bomb poll failed: ${outcome.reason}`);
    return {
      item_bomb_megabytes: bomb.text.length / (1024 * 1024),
      item_bomb_items: bomb.items,
      item_bomb_stored: outcome.newStories,
      item_bomb_dropped: outcome.itemsDropped ?? 0,
      item_bomb_poll_s: child.result.ms / 1000,
      item_bomb_peak_rss_mb: child.peakRssMb,
    };
  } finally {
    await server.close();
  }
}
