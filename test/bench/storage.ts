// Storage benchmark (issue 18): insert throughput with full text beside a bare row-plus-FTS
// insert of the same stories (storage-floor.ts), whether the per-story cost stays flat as the
// archive grows, duplicate re-poll throughput, and search through the product's own entry point
// beside a raw FTS5 top-10 query on the same database (storage-search.ts, 60 queries from
// search-queries.ts); LIKE '%word%' only as context. The archive is realistic generated news
// (storage-corpus.ts). Targets: test/bench/targets.ts.
// For explaining the insert figure: bytes written per story (WAL, checkpoints and FTS5 merges;
// Linux only), and the same write path into a fresh database with and without the full-text
// index (insert_per_s_headline_only_20k, insert_no_fts_per_s_20k).
//
//   node --expose-gc --import tsx test/bench/storage.ts --size 100000 [--size 1000000] [--keep]
//     [--insert-only]   (the insert figures alone: no re-poll, search or 20k side databases)
//
// The database is a real file in a temp folder (WAL, as in production), grown in place: each
// size is measured on the same archive after it reaches that many stories. Returns figures;
// never asserts on time.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase, type Db } from '../../src/store/database.js';
import { listStoriesBetween, saveStories } from '../../src/store/stories.js';
import { createRng, median, percentile, roundFigure } from './measure.js';
import { describeSlowest, timeLikeBaseline, timeSearchesSideBySide } from './storage-search.js';
import { openInsertFloor, type InsertFloor } from './storage-floor.js';
import {
  annotateFrom,
  corpusBatch,
  createCorpus,
  type Corpus,
  type CorpusItem,
} from './storage-corpus.js';
import { tagAndStore } from '../../src/pipeline/tag-and-store.js';

const BATCH = 1000;
const NOW = new Date('2024-01-15T12:00:00Z');

interface InsertTimes {
  /** Per batch: tagAndStore time (tags are looked up, not computed) divided by its stories. */
  perStoryMs: number[];
  /** tagAndStore time in all. */
  savingMs: number;
  /** The floor's time for the same batches (0 without a floor). */
  floorMs: number;
  /** Bytes the product's batches passed to write() (Linux), or null elsewhere. */
  bytesWritten: number | null;
}

/**
 * Inserts corpus items [from, to) in BATCH-story polls. Only tagAndStore is timed: building the
 * synthetic stories costs ~20 us each (a fifth of the 1M-story figure) and is not the store's
 * work (insert_per_s_* counted it until the storage tuning of issue 7).
 */
function insertRange(
  db: Db,
  corpus: Corpus,
  from: number,
  to: number,
  floor?: InsertFloor,
): InsertTimes {
  const perStoryMs: number[] = [];
  let savingMs = 0;
  let floorMs = 0;
  let written: number | null = 0;
  for (let start = from; start < to; start += BATCH) {
    const end = Math.min(to, start + BATCH);
    const items = corpusBatch(corpus, start, end);
    const stories = [...items.values()].map((i) => i.story);
    // Side by side with the floor, in alternating order, so both meet the same machine.
    const floorFirst = floor !== undefined && (start / BATCH) % 2 === 1;
    if (floorFirst) floorMs += floor.insertBatch(stories);
    const bytes0 = bytesWritten();
    const t0 = performance.now();
    tagAndStore(db, stories, NOW, annotateFrom(items));
    const ms = performance.now() - t0;
    const bytes1 = bytesWritten();
    written =
      written === null || bytes0 === null || bytes1 === null ? null : written + bytes1 - bytes0;
    if (floor !== undefined && !floorFirst) floorMs += floor.insertBatch(stories);
    savingMs += ms;
    perStoryMs.push(ms / stories.length);
  }
  return { perStoryMs, savingMs, floorMs, bytesWritten: written };
}

function timeRepoll(db: Db, corpus: Corpus, size: number): number {
  const rng = createRng(99);
  const feedSize = 50;
  const feeds = 200;
  let stories = 0;
  let ms = 0;
  for (let f = 0; f < feeds; f++) {
    const first = rng.int(0, Math.max(0, size - feedSize));
    const batch = Array.from({ length: feedSize }, (_, i) => corpus.item(first + i).story);
    const t0 = performance.now();
    const result = saveStories(db, batch, NOW);
    ms += performance.now() - t0;
    if (result.inserted.length + result.updated.length > 0) {
      throw new Error('bench: a re-poll of unchanged stories wrote something');
    }
    stories += batch.length;
  }
  return (stories / ms) * 1000;
}

function timeWeeks(db: Db): number[] {
  const rng = createRng(7);
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const start = Date.UTC(2016, 0, 4) + rng.int(0, 400) * 7 * 86_400_000;
    const t0 = performance.now();
    listStoriesBetween(
      db,
      new Date(start).toISOString(),
      new Date(start + 7 * 86_400_000).toISOString(),
    );
    times.push(performance.now() - t0);
  }
  return times;
}

function timeHeadlineOnly(path: string, corpus: Corpus): number {
  const db = openDatabase(path);
  try {
    const items = new Map<string, CorpusItem>();
    for (let n = 0; n < 20_000; n++) {
      const item = corpus.item(n);
      items.set(item.story.id, { ...item, story: { ...item.story, content: '' } });
    }
    const stories = [...items.values()].map((i) => i.story);
    const t0 = performance.now();
    for (let i = 0; i < stories.length; i += BATCH) {
      tagAndStore(db, stories.slice(i, i + BATCH), NOW, annotateFrom(items));
    }
    return stories.length / ((performance.now() - t0) / 1000);
  } finally {
    db.close();
  }
}

function fileBytes(path: string): number {
  let total = 0;
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      total += statSync(path + suffix).size;
    } catch {
      // absent
    }
  }
  return total;
}

/**
 * The same write path with the full-text index writes turned into no-ops (stories_fts replaced
 * by a view whose INSTEAD OF trigger does nothing): what storing, linking and tagging cost
 * without FTS5, to compare with insert_per_s_* at the same size. Not a product mode.
 */
function timeWithoutFts(path: string, corpus: Corpus, count: number): number {
  const db = openDatabase(path);
  try {
    db.exec(`DROP TABLE stories_fts;
      CREATE VIEW stories_fts AS SELECT 1 AS stories_fts, 1 AS rowid, 1 AS title, 1 AS summary,
        1 AS content, 1 AS facets;
      CREATE TRIGGER stories_fts_noop INSTEAD OF INSERT ON stories_fts BEGIN SELECT 1; END;`);
    return count / (insertRange(db, corpus, 0, count).savingMs / 1000);
  } finally {
    db.close();
  }
}

/** Bytes this process has passed to write() so far (Linux), or null elsewhere. */
function bytesWritten(): number | null {
  try {
    const match = /^wchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export async function runStorageBench(opts: {
  sizes: number[];
  dir?: string;
  keep?: boolean;
  insertOnly?: boolean;
  log?: (line: string) => void;
}): Promise<Record<string, number>> {
  const sizes = [...opts.sizes].sort((a, b) => a - b);
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'briefing-storage-bench-'));
  const path = join(dir, 'bench.db');
  const log = opts.log ?? (() => {});
  const db = openDatabase(path);
  const floor = openInsertFloor(join(dir, 'floor.db'));
  const corpus = createCorpus(20170213, sizes[sizes.length - 1]);
  const figures: Record<string, number> = {};
  let stored = 0;
  try {
    for (const size of sizes) {
      const label = size >= 1_000_000 ? `${size / 1_000_000}m` : `${Math.round(size / 1000)}k`;
      log(`inserting ${stored}..${size}`);
      const times = insertRange(db, corpus, stored, size, floor);
      Object.assign(figures, insertFigures(times, size - stored, label));
      // Write amplification: WAL frames, checkpoints and FTS5 segment merges, per story.
      if (times.bytesWritten !== null) {
        figures[`insert_bytes_written_per_story_${label}`] = times.bytesWritten / (size - stored);
      }
      stored = size;

      db.pragma('wal_checkpoint(TRUNCATE)');
      figures[`db_bytes_per_story_${label}`] = fileBytes(path) / size;
      if (opts.insertOnly) continue;
      log('re-poll');
      figures[`repoll_per_s_${label}`] = timeRepoll(db, corpus, size);
      log('search');
      Object.assign(figures, searchFigures(db, label, log));
      figures[`list_week_ms_${label}`] = median(timeWeeks(db));
    }
    // Feeds that carry only a headline and standfirst (paywalled, GOV.UK): ~300 characters.
    if (opts.insertOnly) return roundFigures(figures);
    figures.insert_per_s_headline_only_20k = timeHeadlineOnly(join(dir, 'headline.db'), corpus);
    log('insert without the full-text index');
    figures.insert_no_fts_per_s_20k = timeWithoutFts(join(dir, 'no-fts.db'), corpus, 20_000);
  } finally {
    db.close();
    floor.close();
    if (!opts.keep && opts.dir === undefined) rmSync(dir, { recursive: true, force: true });
  }
  return roundFigures(figures);
}

function roundFigures(figures: Record<string, number>): Record<string, number> {
  for (const key of Object.keys(figures)) figures[key] = roundFigure(figures[key]!);
  return figures;
}

function insertFigures(times: InsertTimes, count: number, label: string): Record<string, number> {
  const perStory = times.perStoryMs;
  // Flatness: the first and last 10% of batches (median per-story cost), as rates.
  const tenth = Math.max(1, Math.floor(perStory.length / 10));
  const first = median(perStory.slice(0, tenth));
  const last = median(perStory.slice(-tenth));
  return {
    [`insert_per_s_${label}`]: count / (times.savingMs / 1000),
    [`insert_floor_per_s_${label}`]: count / (times.floorMs / 1000),
    [`insert_vs_floor_ratio_${label}`]: times.savingMs / times.floorMs,
    [`insert_first_batches_per_s_${label}`]: 1000 / first,
    [`insert_last_batches_per_s_${label}`]: 1000 / last,
    [`insert_cost_last_vs_first_${label}`]: last / first,
  };
}

function searchFigures(db: Db, label: string, log: (line: string) => void): Record<string, number> {
  timeSearchesSideBySide(db, 1); // warm the page cache and the statement caches
  const timings = timeSearchesSideBySide(db, 5);
  for (const line of describeSlowest(timings)) log(`  ${line}`);
  const product = timings.flatMap((t) => t.product);
  const floor = timings.flatMap((t) => t.floor);
  const newestFloor = timings.flatMap((t) => t.newestFloor);
  const like = timeLikeBaseline(db, 2);
  return {
    search_queries: timings.length,
    [`search_p50_ms_${label}`]: percentile(product, 50),
    [`search_p95_ms_${label}`]: percentile(product, 95),
    [`search_worst_ms_${label}`]: Math.max(...timings.map((t) => median(t.product))),
    [`search_fts_floor_p95_ms_${label}`]: percentile(floor, 95),
    [`search_vs_fts_floor_ratio_${label}`]: percentile(product, 95) / percentile(floor, 95),
    // Context: a floor that ranks nothing (the newest ten matches), stricter than the target's.
    [`search_vs_fts_newest_floor_ratio_${label}`]:
      percentile(product, 95) / percentile(newestFloor, 95),
    [`like_p50_ms_${label}`]: median(like.like),
    [`search_vs_like_ratio_${label}`]: median(like.like) / median(like.product),
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const sizes: number[] = [];
  let dir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--size') sizes.push(Number(args[++i]));
    else if (args[i] === '--dir') dir = args[++i];
  }
  const figures = await runStorageBench({
    sizes: sizes.length > 0 ? sizes : [100_000],
    dir,
    keep: args.includes('--keep'),
    insertOnly: args.includes('--insert-only'),
    log: (line) => process.stderr.write(`storage bench: ${line}\n`),
  });
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}
