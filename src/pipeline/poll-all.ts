// Polls many sources at once within the configured concurrency. Each source is isolated: an
// unexpected error in one becomes that source's failed outcome and the others carry on.
import type { Source } from '../domain.js';
import { forEachBounded } from '../for-each-bounded.js';
import { pollSource, type PollDeps, type PollOutcome } from './poll-source.js';

export interface PollAllOptions {
  concurrency: number;
  /** Called as each source finishes (for progress lines). */
  onOutcome?: (outcome: PollOutcome, source: Source) => void;
  signal?: AbortSignal;
}

export async function pollSources(
  sources: readonly Source[],
  deps: PollDeps,
  options: PollAllOptions,
): Promise<PollOutcome[]> {
  const outcomes: (PollOutcome | undefined)[] = new Array(sources.length);
  const indexed = sources.map((source, index) => ({ source, index }));
  await forEachBounded(indexed, Math.max(1, options.concurrency), async ({ source, index }) => {
    if (options.signal?.aborted) return;
    let outcome: PollOutcome;
    try {
      outcome = await pollSource(source, deps);
    } catch (error) {
      outcome = {
        sourceId: source.id,
        status: 'failed',
        newStories: 0,
        updatedStories: 0,
        items: 0,
        reason: `unexpected error: ${error instanceof Error ? error.message : String(error)}`,
        durationMs: 0,
      };
      deps.logger.error({ source_id: source.id, err: error }, 'poll crashed');
    }
    outcomes[index] = outcome;
    options.onOutcome?.(outcome, source);
  });
  return outcomes.filter((o) => o !== undefined);
}
