// Merges the full-text index (stories_fts) down to one segment, in bounded steps. The nightly
// maintenance runs it (pipeline/run-maintenance.ts NIGHTLY_RUN, from src/main.ts), and the digest
// benchmark runs it on its archive: the index the bench measures is the one the product keeps.
//
// Why: FTS5 writes each transaction as a new segment and merges them only 16 at a time
// (migrations/0005-fts-merge-policy.sql), so a 1M-story archive holds 30-40 segments, and every
// term of every query is looked up in each (issue 18). Measured on the digest bench's 1M archive
// (tmp scripts, CPU time per week's digest): continuity's headline queries 94 ms with the 33
// segments the 1000-story batches left, 30 ms after a full merge, 36 ms after a full merge and
// then a week of poll-sized writes (60 transactions, 10 small segments); the organisation
// queries 86 -> 45 -> 48 ms. Small recent segments cost little; the large levels are the cost.
//
// How: `INSERT INTO stories_fts(stories_fts, rank) VALUES('merge', -N)` does about N pages of
// merge work; a negative N merges segments from every level together, ignoring the automerge
// setting (https://www.sqlite.org/fts5.html section 6.8, "The 'merge' command"). Each step is its
// own transaction, so polls and searches interleave with it and the WAL stays small; a step that
// adds fewer than 2 to total_changes() did no work: nothing is left to merge (same page). Cost at 1M
// stories (942 MB of index): 53 steps of 4,000 pages, 9.5 s CPU, the index rewritten once; an
// index already in one segment costs one step that does nothing.
import type { Db } from './database.js';
import { prepareCached } from './prepared.js';

/** Pages merged per step: about 4 MB, a fraction of a second of work at a time. */
export const MERGE_PAGES_PER_STEP = 1000;

export interface FtsMergeResult {
  /** Steps that did merge work (0: the index was already one segment). */
  steps: number;
}

/** Merges stories_fts into one segment; `maxSteps` bounds the work of one call. */
export function mergeFtsIndex(
  db: Db,
  options: { pagesPerStep?: number; maxSteps?: number } = {},
): FtsMergeResult {
  const pages = Math.max(16, Math.floor(options.pagesPerStep ?? MERGE_PAGES_PER_STEP));
  const maxSteps = options.maxSteps ?? Number.POSITIVE_INFINITY;
  const merge = prepareCached<[number]>(
    db,
    "INSERT INTO stories_fts (stories_fts, rank) VALUES ('merge', ?)",
  );
  const changes = prepareCached<[], number>(db, 'SELECT total_changes()').pluck();
  let steps = 0;
  while (steps < maxSteps) {
    const before = changes.get()!;
    merge.run(-pages);
    if (changes.get()! - before < 2) break;
    steps += 1;
  }
  return { steps };
}
