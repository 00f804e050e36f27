// `npm run bench -- --against <tree>`: this checkout against another (a worktree of main, a
// release), side by side, with the harnesses that interleave both in one process so load on a
// shared machine hits both alike: tagging-side-by-side.ts (the per-story step),
// storage-old-vs-new.ts (the write path) and digest-side-by-side.ts (buildWeekDigest on one
// archive). Each comparison also runs this tree against itself, so its noise is printed beside it.
//
// Figures are time ratios this/other (below 1: this tree is faster), medians of per-round ratios:
//   against_tag_short_time_ratio, against_tag_real_time_ratio, against_insert_time_ratio,
//   against_digest_time_ratio, and the same with self_ for the tree against itself.
// The other tree needs its dependencies (e.g. `git worktree add ../old main && ln -s
// "$PWD/node_modules" ../old/`). The digest needs an archive: `--db <file> --at <ISO date>`
// reuses one; without them a 100k-story archive is built in a temporary folder first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SectionOutcome } from './run.js';
import { roundFigure } from './measure.js';
import { createCorpus } from './storage-corpus.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface AgainstPlan {
  /** The other checkout's root folder. */
  tree: string;
  quick: boolean;
  /** Comparisons to run (tagging, storage, digest); all when empty. */
  only: readonly string[];
  db?: string | undefined;
  at?: string | undefined;
  log: (line: string) => void;
}

export const AGAINST_SECTIONS = ['tagging', 'storage', 'digest'] as const;

/** Runs a harness script of this tree in a child node; its stdout, or an error naming it. */
function harness(script: string, args: readonly string[]): string {
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join('test/bench', script), ...args],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (run.status !== 0) {
    throw new Error(`${script} ${args.join(' ')} failed: ${run.stderr.trim().slice(-800)}`);
  }
  return run.stdout;
}

/** The number after `label` in a harness's output line. */
export function figureAfter(output: string, label: string): number {
  const at = output.lastIndexOf(label);
  const value = at < 0 ? NaN : Number.parseFloat(output.slice(at + label.length));
  if (!Number.isFinite(value)) throw new Error(`no "${label}" figure in: ${output.slice(-400)}`);
  return value;
}

function compareTagging(other: string, quick: boolean): Record<string, number> {
  const rounds = quick ? '5' : '41';
  const out: Record<string, number> = {};
  for (const which of ['short', 'real']) {
    for (const [prefix, tree] of [
      ['against', other],
      ['self', ROOT],
    ] as const) {
      // The harness prints old/new CPU time (above 1: this tree faster): inverted to this/other.
      const speedup = figureAfter(
        harness('tagging-side-by-side.ts', [tree, which, rounds]),
        'median ratio old/new ',
      );
      out[`${prefix}_tag_${which}_time_ratio`] = 1 / speedup;
    }
  }
  return out;
}

function compareStorage(other: string, quick: boolean): Record<string, number> {
  const size = quick ? '3000' : '30000';
  const out: Record<string, number> = {};
  for (const [prefix, tree] of [
    ['against', other],
    ['self', ROOT],
  ] as const) {
    const figures = JSON.parse(
      harness('storage-old-vs-new.ts', ['--old', tree, '--size', size]).trim().split('\n').pop()!,
    ) as { new_vs_old_median_batch_ratio: number };
    out[`${prefix}_insert_time_ratio`] = figures.new_vs_old_median_batch_ratio;
  }
  return out;
}

async function compareDigest(plan: AgainstPlan): Promise<Record<string, number>> {
  let { db, at } = plan;
  const dir = mkdtempSync(join(tmpdir(), 'briefing-against-'));
  try {
    if (db === undefined || at === undefined) {
      const size = plan.quick ? 10_000 : 100_000;
      db = join(dir, 'archive.db');
      plan.log(`against: building a ${size}-story archive for the digest`);
      const { runDigestBench } = await import('./digest.js');
      await runDigestBench({ sizes: [size], keep: db });
      // digest.ts measures the weeks ending at the story in the middle of the archive.
      at = createCorpus(20170213, 1_000_000).item(Math.floor(size / 2)).story.publishedAt;
    }
    const rounds = plan.quick ? '3' : '9';
    const common = ['--old', plan.tree, '--db', db, '--at', at, '--rounds', rounds];
    const label = 'median ratio new/old ';
    return {
      against_digest_time_ratio: figureAfter(harness('digest-side-by-side.ts', common), label),
      self_digest_time_ratio: figureAfter(
        harness('digest-side-by-side.ts', [...common, '--self']),
        label,
      ),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every requested comparison's figures; a missing tree is an error before anything runs. */
export async function runAgainst(plan: AgainstPlan): Promise<Record<string, number>> {
  if (!existsSync(join(plan.tree, 'src/pipeline/build-poll-deps.ts'))) {
    throw new Error(`--against ${plan.tree}: not a checkout of this project (no src/pipeline)`);
  }
  const wanted = (name: string) => plan.only.length === 0 || plan.only.includes(name);
  const figures: Record<string, number> = {};
  if (wanted('tagging')) {
    plan.log('against: tagging');
    Object.assign(figures, compareTagging(plan.tree, plan.quick));
  }
  if (wanted('storage')) {
    plan.log('against: storage');
    Object.assign(figures, compareStorage(plan.tree, plan.quick));
  }
  if (wanted('digest')) {
    plan.log('against: digest');
    Object.assign(figures, await compareDigest(plan));
  }
  return figures;
}

/** The comparisons as the runner's one section, "against": a failure is reported, not thrown. */
export async function againstOutcome(plan: AgainstPlan): Promise<SectionOutcome> {
  const t0 = performance.now();
  const seconds = () => (performance.now() - t0) / 1000;
  try {
    const figures = await runAgainst(plan);
    for (const key of Object.keys(figures)) figures[key] = roundFigure(figures[key]!);
    return { section: 'against', figures, notMeasured: null, seconds: seconds() };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      section: 'against',
      figures: {},
      notMeasured: `failed: ${reason}`,
      seconds: seconds(),
    };
  }
}
