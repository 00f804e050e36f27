// Where the digest's SQL time goes (issue 18): builds three weeks of an archive with the product's
// buildWeekDigest and the shipped config, and prints, per statement, the CPU milliseconds per
// build, the calls per build and the rows per call, with the whole build's CPU per week. The
// archive is opened read-only. Statement timing wraps better-sqlite3's all/get/iterate in this
// process only (a few microseconds a call), so compare figures from one run with each other, and
// old code with new side by side (digest-side-by-side.ts), not with other runs.
//   node --import tsx test/bench/digest-statements.ts --db archive.db --at 2019-12-31T13:24:37Z \
//     [--rounds 5]
import { loadavg } from 'node:os';
import Database from 'better-sqlite3';
import { loadConfigOrThrow } from '../../src/config/load.js';
import type { IsoWeek } from '../../src/domain.js';
import { buildWeekDigest } from '../../src/pipeline/build-week-digest.js';
import { previousWeek, weekOf } from '../../src/time/week.js';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const dbPath = option('--db');
if (dbPath === undefined)
  throw new Error('usage: digest-statements.ts --db <archive> --at <date> [--rounds 5]');
const rounds = Number(option('--rounds') ?? 5);
const config = loadConfigOrThrow(new URL('../../config', import.meta.url).pathname);
const db = new Database(dbPath, { readonly: true });
const weeks: IsoWeek[] = [];
let week = weekOf(new Date(option('--at') ?? Date.now()), config.settings.timeZone);
for (let i = 0; i < 3; i++) {
  weeks.push(week);
  week = previousWeek(week);
}
const buildAll = (): void => {
  for (const w of weeks) buildWeekDigest(db, config, w);
};
// Warm the page cache, the statement cache and the JIT before anything is counted.
buildAll();
buildAll();

interface Tally {
  calls: number;
  ms: number;
  rows: number;
}
const tallies = new Map<string, Tally>();
type Run = (this: Database.Statement, ...args: unknown[]) => unknown;
const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<string, Run>;
for (const method of ['all', 'get', 'iterate']) {
  const original = proto[method]!;
  proto[method] = function (this: Database.Statement, ...args: unknown[]): unknown {
    const before = process.cpuUsage();
    const result = original.apply(this, args);
    const used = process.cpuUsage(before);
    const key = this.source.replace(/\s+/g, ' ').trim().slice(0, 100);
    const tally = tallies.get(key) ?? { calls: 0, ms: 0, rows: 0 };
    tally.calls++;
    tally.ms += (used.user + used.system) / 1000;
    tally.rows += Array.isArray(result) ? result.length : result === undefined ? 0 : 1;
    tallies.set(key, tally);
    return result;
  };
}
const before = process.cpuUsage();
for (let round = 0; round < rounds; round++) buildAll();
const used = process.cpuUsage(before);
const builds = rounds * weeks.length;
let sqlMs = 0;
for (const t of tallies.values()) sqlMs += t.ms;
console.log(
  `${builds} builds: ${((used.user + used.system) / 1000 / builds).toFixed(1)} ms CPU a build, ` +
    `of which SQL statements ${(sqlMs / builds).toFixed(1)} ms; load ` +
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
);
for (const [sql, t] of [...tallies].sort((a, b) => b[1].ms - a[1].ms)) {
  console.log(
    `${(t.ms / builds).toFixed(2).padStart(8)} ms ${(t.calls / builds).toFixed(1).padStart(7)} calls ` +
      `${(t.rows / t.calls).toFixed(1).padStart(8)} rows/call  ${sql}`,
  );
}
