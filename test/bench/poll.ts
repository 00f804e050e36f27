// Poll benchmark: N sources on one loopback feed server (ETag on every feed), M items each.
// The first poll fetches, parses, normalises and stores every item; the second gets 304 for all.
// The poller runs in a child process (runInChild) so its peak RSS is its own, not the server's
// or the rest of the bench's. Targets (issue 7): second poll <= 10% of the first; peak RSS < 250 MB.
//
// Fetch concurrency follows the settings default (8 in flight). Real sources sit on many hosts,
// so the per-host cap (default 2) is set to the same 8 here: on one loopback host it would
// otherwise measure politeness, not cost. Stories are tagged with the real annotator built from
// config/ (themes and organisations), as `briefing run` does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAnnotator } from '../../src/pipeline/build-poll-deps.js';
import { loadConfigOrThrow } from '../../src/config/load.js';
import { silentLogger } from '../../src/logging.js';
import { createWorkerDocumentReader } from '../../src/ingest/document-reader.js';
import { createFetchLimiter } from '../../src/ingest/limiter.js';
import { pollSources } from '../../src/pipeline/poll-all.js';
import type { PollDeps, PollOutcome } from '../../src/pipeline/poll-source.js';
import { openDatabase } from '../../src/store/database.js';
import { serveBody, startFeedServer, type FeedServer } from '../fakes/feed-server.js';
import { generateFeedDocument } from './generate-feeds.js';
import { median, runInChild } from './measure.js';
import { benchSource } from './parse.js';

export interface PollBenchOptions {
  sources: number;
  itemsPerSource: number;
  concurrency: number;
  /** Child processes run one after another; figures are medians across them. */
  rounds: number;
  /** Extra node flags for the polling child, e.g. heap limits. */
  nodeArgs?: string[];
}

export interface PollBenchResult {
  poll_sources: number;
  poll_items_per_source: number;
  poll_first_s: number;
  poll_second_s: number;
  poll_second_ratio: number;
  poll_first_req_per_s: number;
  poll_second_req_per_s: number;
  poll_peak_rss_mb: number;
  poll_stories_stored: number;
}

interface ChildInput {
  origin: string;
  sources: number;
  concurrency: number;
  expectedItems: number;
}

interface ChildResult {
  firstMs: number;
  secondMs: number;
  stored: number;
}

export function feedPath(index: number): string {
  return `/feeds/${index}.xml`;
}

/** Starts the loopback server with one generated feed (and its ETag) per source. */
export async function startBenchFeedServer(
  sources: number,
  itemsPerSource: number,
): Promise<FeedServer> {
  const server = await startFeedServer();
  for (let i = 0; i < sources; i++) {
    const body = generateFeedDocument({
      format: i % 3 === 2 ? 'atom' : 'rss',
      items: itemsPerSource,
      sourceIndex: i,
      seed: 11,
    });
    server.setRoute(feedPath(i), serveBody(body, { etag: `"bench-${i}-v1"` }));
  }
  return server;
}

function describeFailures(outcomes: readonly PollOutcome[], status: PollOutcome['status']): string {
  const wrong = outcomes.filter((o) => o.status !== status);
  return wrong.length === 0
    ? ''
    : `${wrong.length} sources were not ${status}, e.g. ${wrong[0]!.sourceId}: ${wrong[0]!.status} ${wrong[0]!.reason ?? ''}`;
}

const CONFIG_DIR = fileURLToPath(new URL('../../config', import.meta.url));

/** Runs in the child: two polls of every source against `origin`, timed. */
export async function pollTwiceInChild(input: ChildInput): Promise<ChildResult> {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-bench-poll-'));
  const db = openDatabase(join(dir, 'bench.db'));
  // As the bot reads documents: in a parse worker with the default limits (settings.ts).
  const reader = createWorkerDocumentReader({ workers: 1, timeoutMs: 10_000, heapMb: 96 });
  try {
    const sources = Array.from({ length: input.sources }, (_, i) =>
      benchSource(i, `${input.origin}${feedPath(i)}`),
    );
    const deps: PollDeps = {
      db,
      fetchOptions: {
        userAgent: 'nhs-briefing-bot-bench/0.1 (+https://example.org/bench)',
        connectTimeoutMs: 10_000,
        timeoutMs: 30_000,
        maxBytes: 5 * 1024 * 1024,
        maxRedirects: 5,
        allowPrivateAddresses: true,
        limiter: createFetchLimiter({ concurrency: input.concurrency, perHost: input.concurrency }),
      },
      annotate: buildAnnotator(loadConfigOrThrow(CONFIG_DIR)),
      now: () => new Date(),
      maxBackoffMinutes: 24 * 60,
      logger: silentLogger,
      reader,
    };
    const started = performance.now();
    const first = await pollSources(sources, deps, { concurrency: input.concurrency });
    const firstMs = performance.now() - started;
    const firstProblem = describeFailures(first, 'ok');
    if (firstProblem) throw new Error(`bench: first poll: ${firstProblem}`);
    const stored = first.reduce((sum, o) => sum + o.newStories, 0);
    if (stored !== input.expectedItems) {
      throw new Error(
        `bench: first poll stored ${stored} stories, expected ${input.expectedItems}`,
      );
    }
    const again = performance.now();
    const second = await pollSources(sources, deps, { concurrency: input.concurrency });
    const secondMs = performance.now() - again;
    const secondProblem = describeFailures(second, 'not-modified');
    if (secondProblem) throw new Error(`bench: second poll: ${secondProblem}`);
    return { firstMs, secondMs, stored };
  } finally {
    await reader.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runPollBench(options: PollBenchOptions): Promise<PollBenchResult> {
  const server = await startBenchFeedServer(options.sources, options.itemsPerSource);
  const runs: { firstMs: number; secondMs: number; peak: number; stored: number }[] = [];
  try {
    for (let round = 0; round < options.rounds; round++) {
      const child = await runInChild<ChildResult>(
        import.meta.url,
        'pollTwiceInChild',
        {
          origin: server.origin,
          sources: options.sources,
          concurrency: options.concurrency,
          expectedItems: options.sources * options.itemsPerSource,
        } satisfies ChildInput,
        options.nodeArgs,
      );
      runs.push({ ...child.result, peak: child.peakRssMb });
    }
  } finally {
    await server.close();
  }
  const firstS = median(runs.map((r) => r.firstMs)) / 1000;
  const secondS = median(runs.map((r) => r.secondMs)) / 1000;
  return {
    poll_sources: options.sources,
    poll_items_per_source: options.itemsPerSource,
    poll_first_s: firstS,
    poll_second_s: secondS,
    poll_second_ratio: median(runs.map((r) => r.secondMs / r.firstMs)),
    poll_first_req_per_s: options.sources / firstS,
    poll_second_req_per_s: options.sources / secondS,
    poll_peak_rss_mb: Math.max(...runs.map((r) => r.peak)),
    poll_stories_stored: runs[0]?.stored ?? 0,
  };
}
