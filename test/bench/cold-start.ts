// Cold start of a `briefing` command (issue 17): wall time of `node src/bin/briefing.mjs ...` as a
// user runs it, against `node -e 0` on the same machine in the same run, runs interleaved so load
// from other processes hits both alike; medians. Measured for every ordinary command: `--help`
// (no configuration or database), `sources --json` (configuration and database, the usual shape
// of a command), `search x` (the search vocabulary from themes and the gazetteer) and `deadlines`.
// `cli_cold_start_ratio` is the WORST of these (the per-command ratios say which). There is no
// `briefing status` command (status is a chat command), so it is not measured.
// For comparison: `sources --json` right after config/ changed (the validated-config cache in
// data/ missed: YAML, zod and the regex checks run; config/config-cache.ts), and `--help` from the
// TypeScript sources through tsx (BRIEFING_FROM_SOURCE=1), as it started before the compiled
// build. Needs the build (npm run build; npm ci makes it): a missing or stale dist/ is rebuilt
// first (fresh-build.ts), so an edit since the last build never sends the figures through tsx.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureFreshBuild } from './fresh-build.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'src/bin/briefing.mjs');

/** The ordinary commands, by the name their figures take (cli_<name>_ms). */
export const ORDINARY_COMMANDS = {
  help: ['--help'],
  sources: ['sources', '--json'],
  search: ['search', 'x'],
  deadlines: ['deadlines'],
} as const satisfies Record<string, readonly string[]>;

type CommandName = keyof typeof ORDINARY_COMMANDS;

function timeRun(args: readonly string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: 'ignore' });
  if (run.status !== 0) throw new Error(`cold-start: ${args.join(' ')} exited ${run.status}`);
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export type ColdStartResult = Record<string, number> & {
  node_e0_ms: number;
  /** The worst ordinary command's median over `node -e 0`'s. */
  cli_cold_start_ratio: number;
  cli_sources_uncached_ms: number;
  cli_help_from_source_ms: number;
  cli_from_source_ratio: number;
};

export function runColdStartBench(options: { runs: number }): ColdStartResult | string {
  const build = ensureFreshBuild(ROOT);
  if (!build.ready) return `${build.reason}; the compiled start cannot be measured`;
  if (build.rebuilt) process.stderr.write('cold-start: dist/ was older than src/: rebuilt it\n');
  const work = mkdtempSync(join(tmpdir(), 'briefing-cold-start-'));
  const env = {
    ...process.env,
    LOG_LEVEL: 'silent',
    DATABASE_PATH: join(work, 'archive.db'),
    BRIEFING_FROM_SOURCE: '',
  };
  const names = Object.keys(ORDINARY_COMMANDS) as CommandName[];
  const samples = new Map<string, number[]>();
  const add = (key: string, ms: number): void => {
    samples.set(key, [...(samples.get(key) ?? []), ms]);
  };
  const bin = (args: readonly string[]): string[] => [BIN, ...args];
  try {
    timeRun(bin(ORDINARY_COMMANDS.sources), env); // creates and migrates the database once
    for (let i = 0; i < options.runs; i++) {
      add('node', timeRun(['-e', '0'], env));
      for (const name of names) add(name, timeRun(bin(ORDINARY_COMMANDS[name]), env));
      rmSync(join(work, 'config-cache.json'), { force: true }); // as after an edit of config/
      add('uncached', timeRun(bin(ORDINARY_COMMANDS.sources), env));
      add('src', timeRun(bin(['--help']), { ...env, BRIEFING_FROM_SOURCE: '1' }));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const of = (key: string): number => median(samples.get(key) ?? []);
  const node = of('node');
  const figures: Record<string, number> = { node_e0_ms: node };
  let worst = 0;
  for (const name of names) {
    figures[`cli_${name}_ms`] = of(name);
    figures[`cli_${name}_cold_start_ratio`] = of(name) / node;
    worst = Math.max(worst, of(name) / node);
  }
  return {
    ...figures,
    node_e0_ms: node,
    cli_cold_start_ratio: worst,
    cli_sources_uncached_ms: of('uncached'),
    cli_sources_uncached_ratio: of('uncached') / node,
    cli_help_from_source_ms: of('src'),
    cli_from_source_ratio: of('src') / node,
  };
}
