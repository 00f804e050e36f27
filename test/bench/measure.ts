// Shared measuring helpers for `npm run bench`: a seeded PRNG (so generated data is the same on
// every run), median and percentiles, interleaved side-by-side timing (so a noisy machine slows
// both sides of a ratio alike), peak-RSS readings, and running one bench function in a child
// process so its memory figures are its own (the child reports process.resourceUsage().maxRSS,
// the kernel's high-water mark, which needs no sampling and misses no spike).
//
// Rules: benchmarks never assert on time; they return figures. Nothing here sleeps.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

// ---------------------------------------------------------------- deterministic data

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: small, fast and good enough for generating benchmark data. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new Error('bench: pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
  };
}

// ---------------------------------------------------------------- statistics

/** The p-th percentile (0..100) by linear interpolation between closest ranks. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Rounds for display and JSON: 3 significant figures below 100, whole numbers above. */
export function roundFigure(value: number): number {
  if (!Number.isFinite(value)) return value;
  if (Math.abs(value) >= 100) return Math.round(value);
  return Number(value.toPrecision(3));
}

// ---------------------------------------------------------------- timing

export function nowMs(): number {
  return performance.now();
}

export async function timeOnce(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export interface SideBySide {
  /** Median milliseconds of each side. */
  aMs: number;
  bMs: number;
  /** Median of the per-round ratios a/b (each round runs both sides in both orders). */
  ratio: number;
  rounds: number;
}

/**
 * Times `a` against `b` for `rounds` rounds after `warmup` unmeasured ones. Each round runs both
 * orders, `a b` then `b a`, each after a full GC, and its ratio is (a1 + a2) / (b1 + b2): the
 * first workload after a GC pays for regrowing the young generation (40 ms in 250 in the parse
 * bench), and a ratio from one order per round (alternating over an odd number of rounds) let
 * that penalty decide the median. Drift in machine speed hits both sides alike.
 */
export async function compareSideBySide(
  a: () => unknown,
  b: () => unknown,
  options: { rounds: number; warmup: number },
): Promise<SideBySide> {
  for (let i = 0; i < options.warmup; i++) {
    await a();
    await b();
  }
  const aTimes: number[] = [];
  const bTimes: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < options.rounds; i++) {
    collectGarbage();
    const a1 = await timeOnce(a);
    const b1 = await timeOnce(b);
    collectGarbage();
    const b2 = await timeOnce(b);
    const a2 = await timeOnce(a);
    aTimes.push((a1 + a2) / 2);
    bTimes.push((b1 + b2) / 2);
    ratios.push((a1 + a2) / (b1 + b2));
  }
  return {
    aMs: median(aTimes),
    bMs: median(bTimes),
    ratio: median(ratios),
    rounds: options.rounds,
  };
}

/** Runs a full GC when node was started with --expose-gc (npm run bench does); else nothing. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

// ---------------------------------------------------------------- memory

export function currentRssMb(): number {
  return process.memoryUsage().rss / (1024 * 1024);
}

/** This process's peak resident set size so far (kernel high-water mark), in MiB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** VmRSS of another process from /proc (Linux), in MiB; null when unavailable. */
export function readProcessRssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- child-process isolation

const RESULT_MARK = 'BENCH_CHILD_RESULT ';

export interface ChildRun<T> {
  result: T;
  /** Peak RSS of the child over its whole life, in MiB. */
  peakRssMb: number;
}

/**
 * Runs `exportName(input)` from `moduleUrl` in a fresh Node process (with tsx, or as plain
 * JavaScript given `compiledRunner`; --expose-gc and any extra `nodeArgs` such as heap limits)
 * and returns its JSON-serialisable result and the child's peak RSS. The child's stderr is
 * passed through; its stdout carries only the result line.
 */
export function runInChild<T>(
  moduleUrl: string,
  exportName: string,
  input: unknown,
  nodeArgs: readonly string[] = [],
  /** A compiled measure.js (compiled-build.ts): the child then runs plain JavaScript, no tsx. */
  compiledRunner?: string,
): Promise<ChildRun<T>> {
  const loader = compiledRunner
    ? [compiledRunner]
    : ['--import', 'tsx', fileURLToPath(import.meta.url)];
  const args = [
    ...nodeArgs,
    '--expose-gc',
    ...loader,
    moduleUrl,
    exportName,
    JSON.stringify(input),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.on('error', (error) =>
      reject(new Error('bench: could not start child', { cause: error })),
    );
    child.on('close', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARK));
      if (code !== 0 || !line) {
        reject(new Error(`bench: child ${exportName} exited with ${code} and no result`));
        return;
      }
      resolve(JSON.parse(line.slice(RESULT_MARK.length)) as ChildRun<T>);
    });
  });
}

async function runAsChild(moduleUrl: string, exportName: string, inputJson: string): Promise<void> {
  const mod = (await import(moduleUrl)) as Record<string, unknown>;
  const fn = mod[exportName];
  if (typeof fn !== 'function') throw new Error(`bench: ${moduleUrl} exports no ${exportName}`);
  const result = (await (fn as (input: unknown) => Promise<unknown>)(
    JSON.parse(inputJson),
  )) as unknown;
  process.stdout.write(`${RESULT_MARK}${JSON.stringify({ result, peakRssMb: peakRssMb() })}\n`);
}

const invokedAsScript =
  process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url;
if (invokedAsScript) {
  const [moduleUrl, exportName, inputJson] = process.argv.slice(2);
  if (!moduleUrl || !exportName || inputJson === undefined) {
    process.stderr.write('usage: measure.ts <module-url> <export> <json-input>\n');
    process.exit(2);
  }
  runAsChild(moduleUrl, exportName, inputJson).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(
        `bench child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}

/** Figures keyed by stable name (README "Performance"). */
type Figures = Record<string, number>;

/** Numeric leaves of a result object, nested keys joined with `_`; other values dropped. */
export function flattenFigures(value: unknown, prefix = ''): Figures {
  const out: Figures = {};
  if (typeof value === 'number') {
    if (prefix !== '') out[prefix] = value;
    return out;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) {
      Object.assign(out, flattenFigures(inner, prefix === '' ? key : `${prefix}_${key}`));
    }
  }
  return out;
}
