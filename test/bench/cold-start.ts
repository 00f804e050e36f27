// Cold start of a `briefing` command (issue 17): wall time of `node src/bin/briefing.mjs ...` as a
// user runs it, against `node -e 0` on the same machine in the same run, runs interleaved so load
// from other processes hits both alike; medians. Measured for `--help` (no configuration or
// database), `sources --json` (configuration and database, the usual shape of a command) and,
// for comparison, `--help` from the TypeScript sources through tsx (BRIEFING_FROM_SOURCE=1), as it
// started before the compiled build. Needs the build (npm run build; npm ci makes it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'src/bin/briefing.mjs');

function timeRun(args: string[], env: NodeJS.ProcessEnv): number {
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

export interface ColdStartResult {
  node_e0_ms: number;
  cli_help_ms: number;
  cli_sources_ms: number;
  cli_help_from_source_ms: number;
  cli_cold_start_ratio: number;
  cli_sources_cold_start_ratio: number;
  cli_from_source_ratio: number;
}

export function runColdStartBench(options: { runs: number }): ColdStartResult | string {
  if (!existsSync(join(ROOT, 'dist/.build-stamp'))) {
    return 'dist/ is not built (npm run build); the compiled start cannot be measured';
  }
  const work = mkdtempSync(join(tmpdir(), 'briefing-cold-start-'));
  const env = {
    ...process.env,
    LOG_LEVEL: 'silent',
    DATABASE_PATH: join(work, 'archive.db'),
    BRIEFING_FROM_SOURCE: '',
  };
  const samples = {
    node: [] as number[],
    help: [] as number[],
    sources: [] as number[],
    src: [] as number[],
  };
  try {
    timeRun([BIN, 'sources', '--json'], env); // creates and migrates the database once
    for (let i = 0; i < options.runs; i++) {
      samples.node.push(timeRun(['-e', '0'], env));
      samples.help.push(timeRun([BIN, '--help'], env));
      samples.sources.push(timeRun([BIN, 'sources', '--json'], env));
      samples.src.push(timeRun([BIN, '--help'], { ...env, BRIEFING_FROM_SOURCE: '1' }));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const node = median(samples.node);
  const help = median(samples.help);
  const sources = median(samples.sources);
  const src = median(samples.src);
  return {
    node_e0_ms: node,
    cli_help_ms: help,
    cli_sources_ms: sources,
    cli_help_from_source_ms: src,
    cli_cold_start_ratio: help / node,
    cli_sources_cold_start_ratio: sources / node,
    cli_from_source_ratio: src / node,
  };
}
