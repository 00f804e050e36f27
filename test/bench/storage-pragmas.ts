// Connection pragmas side by side (issue 18, insert at 1M): the product's write path and the
// bare row-plus-FTS floor (storage-floor.ts), each in one archive per pragma set, all grown in
// one process from the same 1,000-story batches in rotating order, so every set meets the same
// machine. A measurement behind the pragmas in database.ts (CONNECTION_PRAGMAS), not a product
// mode; never run by npm test.
//
//   node --expose-gc --import tsx test/bench/storage-pragmas.ts --size 300000 \
//     [--sets default,cache64,ckpt10k] [--random-ids] [--no-floor]
//
// --random-ids gives each story a hashed id (as src/ingest/story-id.ts makes them: "g_" and 20
// hex digits of SHA-256) instead of the corpus's sequential one, so the stories.id index takes
// its inserts at random places, as in production; the floor has no id index and is unaffected.
//
// Measured 2026-12-04 (2 cores, load average 6-10, so ratios only): better-sqlite3 builds SQLite
// with a 16 MB page cache (SQLITE_DEFAULT_CACHE_SIZE=-16000), not SQLite's 2 MB. At 200k
// stories: a 2 MB cache costs the product 1.10x the default's time; 64 MB 1.02x (no gain), mmap
// no gain; wal_autocheckpoint 4000 or 10000 pages 0.99x for the product but 0.93x for the floor
// (the ratio worsens). At 1M with hashed ids: 64 MB 0.99x the default. No pragma was changed.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../src/store/database.js';
import { openDatabase } from '../../src/store/database.js';
import { tagAndStore } from '../../src/pipeline/tag-and-store.js';
import { median, roundFigure } from './measure.js';
import { annotateFrom, corpusBatch, createCorpus } from './storage-corpus.js';
import { openInsertFloor, type InsertFloor } from './storage-floor.js';

const BATCH = 1000;
const NOW = new Date('2024-01-15T12:00:00Z');

/** Pragmas set on top of openDatabase's own (and the floor's), per set. */
const SETS: Record<string, string[]> = {
  // openDatabase's own: better-sqlite3 builds SQLite with SQLITE_DEFAULT_CACHE_SIZE=-16000.
  default: [],
  base: ['cache_size = -2000'],
  cache16: ['cache_size = -16384'],
  cache32: ['cache_size = -32768'],
  cache64: ['cache_size = -65536'],
  mmap: ['cache_size = -2000', 'mmap_size = 268435456'],
  cache16mmap: ['cache_size = -16384', 'mmap_size = 268435456'],
  temp: ['cache_size = -2000', 'temp_store = MEMORY'],
  ckpt4k: ['wal_autocheckpoint = 4000'],
  ckpt10k: ['wal_autocheckpoint = 10000'],
  cache64ckpt10k: ['cache_size = -65536', 'wal_autocheckpoint = 10000'],
};

interface Arm {
  name: string;
  product: Db;
  floor: InsertFloor;
  productMs: number;
  floorMs: number;
  perStory: number[];
}

const args = process.argv.slice(2);
const at = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const size = Number(at('--size') ?? 100_000);
const names = (at('--sets') ?? 'base,cache16,cache64').split(',');
const randomIds = args.includes('--random-ids');
const withFloor = !args.includes('--no-floor');
const dir = mkdtempSync(join(tmpdir(), 'briefing-pragmas-'));
const arms: Arm[] = names.map((name) => {
  const product = openDatabase(join(dir, `${name}.db`));
  const floor = openInsertFloor(join(dir, `${name}-floor.db`), SETS[name]);
  for (const p of SETS[name]!) product.pragma(p);
  return { name, product, floor, productMs: 0, floorMs: 0, perStory: [] };
});
const corpus = createCorpus(20170213, size);
try {
  for (let start = 0, b = 0; start < size; start += BATCH, b++) {
    const items = corpusBatch(corpus, start, Math.min(size, start + BATCH), (item) => {
      if (!randomIds) return item;
      const id = `g_${createHash('sha256').update(item.story.id).digest('hex').slice(0, 20)}`;
      return { ...item, story: { ...item.story, id } };
    });
    const stories = [...items.values()].map((i) => i.story);
    const annotate = annotateFrom(items);
    // Rotate which arm goes first, and whether product or floor goes first.
    const order = arms.map((_, i) => arms[(i + b) % arms.length]!);
    for (const arm of order) {
      const runProduct = () => {
        const t0 = performance.now();
        tagAndStore(arm.product, stories, NOW, annotate);
        const ms = performance.now() - t0;
        arm.productMs += ms;
        arm.perStory.push(ms / stories.length);
      };
      const runFloor = () => {
        if (withFloor) arm.floorMs += arm.floor.insertBatch(stories);
      };
      if (b % 2 === 0) [runProduct, runFloor].forEach((r) => r());
      else [runFloor, runProduct].forEach((r) => r());
    }
    if (b % 100 === 99) process.stderr.write(`pragmas: ${start + BATCH} stories\n`);
  }
  const base = arms[0]!;
  for (const arm of arms) {
    const tenth = Math.max(1, Math.floor(arm.perStory.length / 10));
    const figures = {
      set: arm.name,
      pragmas: SETS[arm.name]!.join('; '),
      insert_per_s: (size / arm.productMs) * 1000,
      product_vs_base: arm.productMs / base.productMs,
      ...(withFloor && {
        floor_per_s: (size / arm.floorMs) * 1000,
        vs_floor_ratio: arm.productMs / arm.floorMs,
        vs_base_floor_ratio: arm.productMs / base.floorMs,
        floor_vs_base: arm.floorMs / base.floorMs,
      }),
      last_tenth_per_s: 1000 / median(arm.perStory.slice(-tenth)),
      first_tenth_per_s: 1000 / median(arm.perStory.slice(0, tenth)),
    };
    const rounded = Object.fromEntries(
      Object.entries(figures).map(([k, v]) => [k, typeof v === 'number' ? roundFigure(v) : v]),
    );
    process.stdout.write(`${JSON.stringify({ size, ...rounded })}\n`);
  }
} finally {
  for (const arm of arms) {
    arm.product.close();
    arm.floor.close();
  }
  rmSync(dir, { recursive: true, force: true });
}
