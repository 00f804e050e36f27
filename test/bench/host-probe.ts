// How fast this host is while the bench runs. The machines are shared: on 2026-12-04 the same
// tree measured 48,227 tagged stories per CPU second at 15:25 and 26,824 at 21:10, with the
// naive scan and `node -e 0` slower by a similar factor, while side-by-side ratios held. Every
// run therefore records two fixed probes, at its start and at its end, so an absolute figure can
// be read against the host's state (a run whose probes are 1.5x a quiet run's is not a quiet
// run), and so a run during which the host changed speed shows it.
//
// - host_probe_ms: a fixed single-threaded JavaScript workload shaped like ours (split words,
//   count them in a Map, test a regex, sort), median of several rounds, CPU time.
// - host_node_e0_ms: `node -e 0`, median of several spawns, wall time (start-up, disk, fork).
import { spawnSync } from 'node:child_process';
import { createRng, median, roundFigure } from './measure.js';

const WORDS = [
  'trust',
  'board',
  'carter',
  'review',
  'sustainability',
  'transformation',
  'partnership',
  'vanguard',
  'procurement',
  'tender',
  'contract',
  'efficiency',
  'savings',
  'integrated',
  'care',
  'system',
  'community',
  'provider',
  'england',
  'health',
  'finance',
  'deficit',
  'plan',
  'the',
];

/** The same text every time: 4,000 lines of 12 words from a seeded generator. */
function probeText(): string[] {
  const rng = createRng(20261204);
  const lines: string[] = [];
  for (let i = 0; i < 4000; i++) {
    const words: string[] = [];
    for (let w = 0; w < 12; w++) words.push(rng.pick(WORDS));
    lines.push(words.join(' '));
  }
  return lines;
}

function probeOnce(lines: readonly string[]): { ms: number; check: number } {
  const before = process.cpuUsage();
  const counts = new Map<string, number>();
  let hits = 0;
  for (let pass = 0; pass < 4; pass++) {
    for (const line of lines) {
      for (const word of line.split(' ')) counts.set(word, (counts.get(word) ?? 0) + 1);
      if (/\bcarter review\b/i.test(line)) hits++;
    }
  }
  const sorted = [...lines].sort();
  const used = process.cpuUsage(before);
  return { ms: (used.user + used.system) / 1000, check: hits + sorted.length + counts.size };
}

/** Median CPU milliseconds of the fixed workload (after one warm-up round). */
export function probeHostCpu(rounds = 11): number {
  const lines = probeText();
  probeOnce(lines);
  const times: number[] = [];
  let check = 0;
  for (let i = 0; i < rounds; i++) {
    const { ms, check: c } = probeOnce(lines);
    times.push(ms);
    check += c;
  }
  // The check keeps the work observable, so no engine can drop it.
  if (check < 0) throw new Error('unreachable');
  return roundFigure(median(times));
}

/** Median wall milliseconds of `node -e 0`. */
export function probeNodeStart(runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const run = spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    if (run.status !== 0) throw new Error(`node -e 0 exited with ${String(run.status)}`);
    times.push(performance.now() - t0);
  }
  return roundFigure(median(times));
}

/** Both probes, with the moment's name in each key (e.g. host_probe_ms_start). */
export function probeHost(moment: 'start' | 'end'): Record<string, number> {
  return {
    [`host_probe_ms_${moment}`]: probeHostCpu(),
    [`host_node_e0_ms_${moment}`]: probeNodeStart(),
  };
}

/** The host probes as one line: absolute figures are read against them. */
export function describeHost(host: Record<string, number>): string {
  const at = (moment: string) =>
    `${String(host[`host_probe_ms_${moment}`])} ms probe, node -e 0 ${String(host[`host_node_e0_ms_${moment}`])} ms`;
  return `host speed (lower is faster; compare with the README's quiet run): start ${at('start')}; end ${at('end')}`;
}
