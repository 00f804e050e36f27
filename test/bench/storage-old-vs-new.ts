// The write path of two checkouts side by side in one process (issue 18): this tree's
// tagAndStore and another checkout's (--old DIR, e.g. `git worktree add /tmp/old main`), each
// into its own archive, from the same 1,000-story batches, alternating which goes first. Prints
// each one's rate and the median of the per-batch time ratios (new / old). Not run by npm test.
//
//   node --expose-gc --import tsx test/bench/storage-old-vs-new.ts --old /tmp/old --size 100000
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tagAndStore } from '../../src/pipeline/tag-and-store.js';
import { openDatabase } from '../../src/store/database.js';
import { median, roundFigure } from './measure.js';
import { annotateFrom, corpusBatch, createCorpus } from './storage-corpus.js';

type TagAndStore = typeof tagAndStore;
type OpenDatabase = typeof openDatabase;

const BATCH = 1000;
const NOW = new Date('2024-01-15T12:00:00Z');
const args = process.argv.slice(2);
const at = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const oldDir = at('--old');
if (oldDir === undefined) throw new Error('usage: --old DIR [--size N]');
const size = Number(at('--size') ?? 100_000);
const load = async <T>(path: string): Promise<T> =>
  (await import(pathToFileURL(join(oldDir, path)).href)) as T;
const oldStore = (await load<{ tagAndStore: TagAndStore }>('src/pipeline/tag-and-store.ts'))
  .tagAndStore;
const oldOpen = (await load<{ openDatabase: OpenDatabase }>('src/store/database.ts')).openDatabase;

const dir = mkdtempSync(join(tmpdir(), 'briefing-old-vs-new-'));
const arms = [
  {
    name: 'old',
    db: oldOpen(join(dir, 'old.db')),
    store: oldStore,
    ms: 0,
    batches: [] as number[],
  },
  {
    name: 'new',
    db: openDatabase(join(dir, 'new.db')),
    store: tagAndStore,
    ms: 0,
    batches: [] as number[],
  },
];
const corpus = createCorpus(20170213, size);
try {
  for (let start = 0, b = 0; start < size; start += BATCH, b++) {
    const items = corpusBatch(corpus, start, Math.min(size, start + BATCH));
    const stories = [...items.values()].map((i) => i.story);
    const annotate = annotateFrom(items);
    for (const arm of b % 2 === 0 ? arms : [...arms].reverse()) {
      const t0 = performance.now();
      arm.store(arm.db, stories, NOW, annotate);
      const ms = performance.now() - t0;
      arm.ms += ms;
      arm.batches.push(ms);
    }
  }
  const [old, neu] = arms as [(typeof arms)[0], (typeof arms)[0]];
  const ratios = neu.batches.map((ms, i) => ms / old.batches[i]!);
  const figures = {
    size,
    old_per_s: (size / old.ms) * 1000,
    new_per_s: (size / neu.ms) * 1000,
    new_vs_old_time: neu.ms / old.ms,
    new_vs_old_median_batch_ratio: median(ratios),
  };
  for (const key of Object.keys(figures) as (keyof typeof figures)[]) {
    figures[key] = roundFigure(figures[key]);
  }
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} finally {
  for (const arm of arms) arm.db.close();
  rmSync(dir, { recursive: true, force: true });
}
