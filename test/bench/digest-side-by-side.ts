// Side by side for speed work on the digest (issue 18): the product's buildWeekDigest of another
// tree of this repository ("old", e.g. a worktree of main) against this tree's, loaded into one
// process and run in turns on the same archive and weeks, so load on a shared machine hits both
// alike. Each side opens the archive with its own code. Prints, per week and overall, the median
// CPU milliseconds of each side and the median of the per-round ratios new/old (below 1: this
// tree is faster), with the load average. `--self` runs this tree against itself (the noise).
//   node --import tsx test/bench/digest-side-by-side.ts --old /work/wt-base --db archive.db \
//     --at 2016-05-26T05:14:09Z [--weeks 3] [--rounds 11] [--self]
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as ConfigLoad from '../../src/config/load.js';
import type { IsoWeek } from '../../src/domain.js';
import type * as WeekDigest from '../../src/pipeline/build-week-digest.js';
import type * as Database from '../../src/store/database.js';
import { previousWeek, weekOf } from '../../src/time/week.js';
import { median } from './measure.js';

type Build = (week: IsoWeek) => unknown;

async function builderOf(root: string, dbPath: string): Promise<{ build: Build; zone: string }> {
  const url = (path: string) => pathToFileURL(resolve(root, path)).href;
  const load = (await import(url('src/config/load.ts'))) as typeof ConfigLoad;
  const store = (await import(url('src/store/database.ts'))) as typeof Database;
  const pipeline = (await import(url('src/pipeline/build-week-digest.ts'))) as typeof WeekDigest;
  const config = load.loadConfigOrThrow(resolve(root, 'config'));
  const db = store.openDatabase(dbPath);
  return {
    build: (week) => pipeline.buildWeekDigest(db, config, week),
    zone: config.settings.timeZone,
  };
}

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const oldRoot = option('--old');
const dbPath = option('--db');
if (oldRoot === undefined || dbPath === undefined)
  throw new Error('usage: digest-side-by-side.ts --old <tree> --db <archive> --at <date>');
const self = argv.includes('--self');
const rounds = Number(option('--rounds') ?? 11);
const newSide = await builderOf(process.cwd(), dbPath);
const sides = { old: self ? newSide : await builderOf(oldRoot, dbPath), new: newSide };
const weeks: IsoWeek[] = [];
let week = weekOf(new Date(option('--at') ?? Date.now()), newSide.zone);
for (let i = 0; i < Number(option('--weeks') ?? 3); i++) {
  weeks.push(week);
  week = previousWeek(week);
}
const cpuMs = (build: Build, w: IsoWeek): number => {
  const before = process.cpuUsage();
  build(w);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
};
// Warm both sides (page cache, statement caches, JIT).
for (let i = 0; i < 2; i++) for (const w of weeks) for (const s of Object.values(sides)) s.build(w);
const times = weeks.map(() => ({
  old: [] as number[],
  new: [] as number[],
  ratios: [] as number[],
}));
for (let round = 0; round < rounds; round++) {
  weeks.forEach((w, i) => {
    // Alternate which side goes first, so neither always runs on a warmer cache.
    const first = (round + i) % 2 === 0 ? 'new' : 'old';
    const a = cpuMs(sides[first].build, w);
    const b = cpuMs(sides[first === 'new' ? 'old' : 'new'].build, w);
    const [oldMs, newMs] = first === 'old' ? [a, b] : [b, a];
    times[i]!.old.push(oldMs);
    times[i]!.new.push(newMs);
    times[i]!.ratios.push(newMs / oldMs);
  });
}
const load = loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
weeks.forEach((w, i) => {
  const t = times[i]!;
  console.log(
    `${w.year}-W${String(w.week).padStart(2, '0')}: old ${median(t.old).toFixed(1)} ms, ` +
      `new ${median(t.new).toFixed(1)} ms, median ratio new/old ${median(t.ratios).toFixed(3)}`,
  );
});
const all = times.flatMap((t) => t.ratios);
console.log(
  `${self ? 'self vs self' : 'new vs old'}: ${weeks.length} weeks x ${rounds} rounds; old ` +
    `${median(times.flatMap((t) => t.old)).toFixed(1)} ms, new ` +
    `${median(times.flatMap((t) => t.new)).toFixed(1)} ms, median ratio new/old ` +
    `${median(all).toFixed(3)}; load ${load}`,
);
