// The polling side of the poll benchmark (poll.ts), run in a child process of its own so its
// peak RSS is its own. It imports only src/ and bench-source.ts: poll.ts runs it compiled
// (compiled-build.ts), as the bot is deployed, so nothing here may need a TypeScript loader or
// a test helper. Two polls of every source against `origin`, timed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfigOrThrow } from '../../src/config/load.js';
import { createWorkerDocumentReader } from '../../src/ingest/document-reader.js';
import { createFetchLimiter } from '../../src/ingest/limiter.js';
import { silentLogger } from '../../src/logging.js';
import { buildAnnotator } from '../../src/pipeline/build-poll-deps.js';
import { pollSources } from '../../src/pipeline/poll-all.js';
import type { PollDeps, PollOutcome } from '../../src/pipeline/poll-source.js';
import { openDatabase } from '../../src/store/database.js';
import { benchSource } from './bench-source.js';

export interface PollChildInput {
  origin: string;
  /** Feed URL paths, one per source (poll.ts feedPath). */
  paths: string[];
  concurrency: number;
  expectedItems: number;
  /** The project's config/ folder: themes and organisations for the real annotator. */
  configDir: string;
}

export interface PollChildResult {
  firstMs: number;
  secondMs: number;
  stored: number;
}

function describeFailures(outcomes: readonly PollOutcome[], status: PollOutcome['status']): string {
  const wrong = outcomes.filter((o) => o.status !== status);
  return wrong.length === 0
    ? ''
    : `${wrong.length} sources were not ${status}, e.g. ${wrong[0]!.sourceId}: ${wrong[0]!.status} ${wrong[0]!.reason ?? ''}`;
}

export async function pollTwiceInChild(input: PollChildInput): Promise<PollChildResult> {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-bench-poll-'));
  const db = openDatabase(join(dir, 'bench.db'));
  // As the bot reads documents: in a parse worker with the default limits (settings.ts).
  const reader = createWorkerDocumentReader({ workers: 1, timeoutMs: 10_000, heapMb: 96 });
  try {
    const sources = input.paths.map((path, i) => benchSource(i, `${input.origin}${path}`));
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
      annotate: buildAnnotator(loadConfigOrThrow(input.configDir)),
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
