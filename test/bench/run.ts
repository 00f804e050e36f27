// `npm run bench` (node --expose-gc --import tsx test/bench/run.ts [--quick] [--json]):
// runs every benchmark of issue 7 in turn and prints a table of figures against their targets;
// with --json, ONE JSON object with every figure on the last line of stdout (stable names, see
// README "Performance"). --quick runs reduced sizes (a smoke check, under a minute); the 1M-story
// figures are then taken at 10k and named for it (e.g. search_p95_ms_10k).
//
// A section whose module is missing or fails is shown as "not measured" (with the reason) and its
// figures are absent: numbers are never invented. Progress goes to stderr.
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RUN_ENV, RUN_NODE_FLAGS } from '../../src/bin/runtime-node-flags.js';
import { AGAINST_SECTIONS, againstOutcome } from './against.js';
import { describeHost, probeHost } from './host-probe.js';
import { flattenFigures, roundFigure } from './measure.js';
import { formatTable, summariseJson } from './report.js';

export { flattenFigures, formatTable, summariseJson };

const HERE = dirname(fileURLToPath(import.meta.url));

/**
 * The long-running process is measured as it is deployed: with the heap flags `npm start` gives
 * node (src/bin/runtime-node-flags.ts). A full run also measures it with node's defaults
 * (`*_default_heap_*` figures), to show what the flags buy.
 */
const PRODUCT_FLAGS = [...RUN_NODE_FLAGS];
/** The environment `npm start` sets (MALLOC_ARENA_MAX): the idle process is measured with it. */
const PRODUCT_ENV = { ...RUN_ENV };

export type Figures = Record<string, number>;

export interface SectionOutcome {
  section: string;
  figures: Figures;
  /** Why the section has no figures (missing module, failure). */
  notMeasured: string | null;
  seconds: number;
}

export interface BenchPlan {
  quick: boolean;
  /** Only these sections (by name); all when empty. */
  only: string[];
  log: (line: string) => void;
}

/** Imports a sibling bench module written by someone else, or null when it does not exist yet. */
async function importOptional(name: string): Promise<Record<string, unknown> | null> {
  if (!existsSync(join(HERE, `${name}.ts`))) return null;
  return (await import(pathToFileURL(join(HERE, `${name}.ts`)).href)) as Record<string, unknown>;
}

type SectionRun = (plan: BenchPlan) => Promise<Figures | string>;

const SECTIONS: { name: string; run: SectionRun }[] = [
  {
    name: 'parse',
    run: async ({ quick }) => {
      const { runParseBench } = await import('./parse.js');
      return flattenFigures(
        await runParseBench(
          quick
            ? { documents: 10, itemsPerDocument: 50, rounds: 5, warmup: 1 }
            : { documents: 60, itemsPerDocument: 50, rounds: 7, warmup: 2 },
        ),
      );
    },
  },
  {
    name: 'poll',
    run: async ({ quick }) => {
      const { runPollBench } = await import('./poll.js');
      const size = quick
        ? { sources: 100, itemsPerSource: 50, concurrency: 8, rounds: 1 }
        : { sources: 500, itemsPerSource: 50, concurrency: 8, rounds: 3 };
      const figures = flattenFigures(await runPollBench({ ...size, nodeArgs: PRODUCT_FLAGS }));
      if (!quick) {
        const plain = await runPollBench({ ...size, rounds: 1 });
        figures.poll_default_heap_first_s = plain.poll_first_s;
        figures.poll_default_heap_peak_rss_mb = plain.poll_peak_rss_mb;
      }
      return figures;
    },
  },
  {
    name: 'item-bomb',
    run: async () => {
      const { runItemBombBench } = await import('./item-bomb.js');
      return flattenFigures(await runItemBombBench());
    },
  },
  {
    name: 'tagging',
    run: async ({ quick }) => {
      const mod = await importOptional('tagging');
      if (!mod) return 'test/bench/tagging.ts (runTaggingBench) does not exist';
      if (typeof mod.runTaggingBench !== 'function')
        return 'test/bench/tagging.ts exports no runTaggingBench';
      return flattenFigures(
        await (mod.runTaggingBench as (o: { quick: boolean }) => Promise<unknown>)({ quick }),
      );
    },
  },
  {
    name: 'storage',
    run: async ({ quick, log }) => {
      const mod = await importOptional('storage');
      if (!mod) return 'test/bench/storage.ts (runStorageBench) does not exist';
      if (typeof mod.runStorageBench !== 'function')
        return 'test/bench/storage.ts exports no runStorageBench';
      const run = mod.runStorageBench as (o: {
        sizes: number[];
        log?: (l: string) => void;
      }) => Promise<unknown>;
      const sizes = quick ? [10_000] : [10_000, 100_000, 1_000_000];
      return flattenFigures(await run({ sizes, log: (line) => log(`storage: ${line}`) }));
    },
  },
  {
    name: 'digest',
    run: async ({ quick, log }) => {
      const figures: Figures = {};
      const { measureDigestRendering } = await import('./digest-render.js');
      Object.assign(
        figures,
        flattenFigures(await measureDigestRendering({ runs: quick ? 20 : 100 })),
      );
      const mod = await importOptional('digest');
      if (!mod || typeof mod.runDigestBench !== 'function') {
        return 'test/bench/digest.ts (runDigestBench) is missing; rendering alone is not reported';
      }
      const run = mod.runDigestBench as (o: {
        quick: boolean;
        sizes: number[];
        log: (l: string) => void;
      }) => Promise<unknown>;
      const sizes = quick ? [10_000] : [100_000, 1_000_000];
      Object.assign(figures, flattenFigures(await run({ quick, sizes, log: (line) => log(line) })));
      return figures;
    },
  },
  {
    name: 'fanout',
    run: async ({ quick }) => {
      const { runFanoutBench } = await import('./fanout.js');
      return flattenFigures(
        await runFanoutBench(
          quick ? { channels: 40, weekStories: 600 } : { channels: 1000, weekStories: 600 },
        ),
      );
    },
  },
  {
    name: 'cold-start',
    run: async ({ quick }) => {
      const result = (await import('./cold-start.js')).runColdStartBench({ runs: quick ? 5 : 15 });
      return typeof result === 'string' ? result : flattenFigures(result);
    },
  },
  {
    name: 'idle-rss',
    run: async ({ quick }) => {
      const { runIdleRssBench } = await import('./idle-rss.js');
      const options = {
        sources: 20,
        itemsPerSource: 50,
        timeoutMs: quick ? 60_000 : 120_000,
        observeMs: quick ? 15_000 : 60_000,
      };
      const product = { ...options, nodeArgs: PRODUCT_FLAGS, env: PRODUCT_ENV };
      const result = await runIdleRssBench(product);
      if (!result.measured) return result.reason;
      const figures = flattenFigures({ ...result, measured: undefined });
      // A restart (every start but the first): config/ comes from the validated cache.
      const restart = await runIdleRssBench({ ...product, restart: true });
      if (restart.measured) {
        figures.idle_rss_restart_mb = restart.idle_rss_mb;
        figures.idle_rss_restart_max_mb = restart.idle_rss_max_mb;
      }
      if (!quick) {
        const plain = await runIdleRssBench(options);
        if (plain.measured) figures.idle_default_heap_rss_mb = plain.idle_rss_mb;
      }
      return figures;
    },
  },
];

export const SECTION_NAMES = SECTIONS.map((s) => s.name);

export async function runBenchmarks(plan: BenchPlan): Promise<SectionOutcome[]> {
  const outcomes: SectionOutcome[] = [];
  for (const section of SECTIONS) {
    if (plan.only.length > 0 && !plan.only.includes(section.name)) continue;
    plan.log(`bench: ${section.name} ...`);
    const started = performance.now();
    let figures: Figures = {};
    let notMeasured: string | null = null;
    try {
      const result = await section.run(plan);
      if (typeof result === 'string') notMeasured = result;
      else figures = result;
    } catch (error) {
      notMeasured = `failed: ${error instanceof Error ? error.message : String(error)}`;
      plan.log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    const seconds = (performance.now() - started) / 1000;
    for (const key of Object.keys(figures)) figures[key] = roundFigure(figures[key]!);
    plan.log(
      `bench: ${section.name} done in ${seconds.toFixed(1)} s${notMeasured ? ` (not measured: ${notMeasured})` : ''}`,
    );
    outcomes.push({ section: section.name, figures, notMeasured, seconds });
  }
  return outcomes;
}

async function main(argv: string[]): Promise<number> {
  const quick = argv.includes('--quick');
  const json = argv.includes('--json');
  const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const only = (option('--only') ?? '').split(',').filter(Boolean);
  const against = option('--against');
  const names: readonly string[] = against === undefined ? SECTION_NAMES : AGAINST_SECTIONS;
  const unknown = only.filter((name) => !names.includes(name));
  if (unknown.length > 0 || argv.includes('--help')) {
    process.stderr.write(
      `usage: npm run bench -- [--quick] [--json] [--only ${SECTION_NAMES.join(',')}]\n` +
        `       npm run bench -- --against <other checkout> [--only ${AGAINST_SECTIONS.join(',')}] [--db <archive> --at <ISO date>] [--quick] [--json]\n`,
    );
    return unknown.length > 0 ? 2 : 0;
  }
  const started = performance.now();
  const host = probeHost('start');
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const outcomes =
    against === undefined
      ? await runBenchmarks({ quick, only, log })
      : [
          await againstOutcome({
            tree: against,
            quick,
            only,
            log,
            db: option('--db'),
            at: option('--at'),
          }),
        ];
  Object.assign(host, probeHost('end'));
  const total = (performance.now() - started) / 1000;
  process.stdout.write(
    `${formatTable(outcomes)}\n\n${quick ? 'quick run' : 'full run'}: ${total.toFixed(1)} s on ${cpus().length} cores, Node ${process.version}\n${describeHost(host)}\n`,
  );
  if (json)
    process.stdout.write(`${JSON.stringify(summariseJson(outcomes, quick, total, host))}\n`);
  return outcomes.some((o) => o.notMeasured?.startsWith('failed')) ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(
        `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
