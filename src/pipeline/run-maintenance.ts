// The daily maintenance run (scheduler, 03:30 local) and `briefing prune`: drop article text
// older than retention.contentMonths, then give the space back. Nothing happens when retention
// is off (the default), and a VACUUM runs only after something was dropped. The scheduled run
// (`mergeIndex`) first merges the full-text index into one segment (store/fts-merge.ts: the
// day's digests and searches then look each word up once, not once per segment).
import type { Settings } from '../config/settings.js';
import type { Logger } from '../logging.js';
import type { Db } from '../store/database.js';
import { mergeFtsIndex, type FtsMergeResult } from '../store/fts-merge.js';
import {
  dropContentBefore,
  reclaimSpace,
  retentionCutoff,
  type DropContentResult,
  type ReclaimResult,
} from '../store/retention.js';

export interface MaintenanceReport {
  /** null when retention.contentMonths is not set. */
  cutoff: string | null;
  dropped: DropContentResult;
  reclaimed: ReclaimResult | null;
  /** Only with `mergeIndex`: the full-text index merge's steps. */
  indexMerge?: FtsMergeResult;
}

export interface MaintenanceOptions {
  months?: number;
  reclaim?: 'if-dropped' | 'always';
  mergeIndex?: boolean;
}

/** The scheduler's daily run (src/main.ts): the index merge, then retention. */
export const NIGHTLY_RUN: MaintenanceOptions = { mergeIndex: true };

export function runMaintenance(
  db: Db,
  settings: Pick<Settings, 'retention'>,
  now: Date,
  logger?: Logger,
  options: MaintenanceOptions = {},
): MaintenanceReport {
  const indexMerge = options.mergeIndex ? mergeFtsIndex(db) : undefined;
  if (indexMerge) logger?.info({ steps: indexMerge.steps }, 'maintenance: full-text index merged');
  const merged = indexMerge ? { indexMerge } : {};
  const months = options.months ?? settings.retention.contentMonths;
  if (months === null) {
    return { cutoff: null, dropped: { stories: 0, characters: 0 }, reclaimed: null, ...merged };
  }
  const cutoff = retentionCutoff(now, months);
  const dropped = dropContentBefore(db, cutoff);
  const reclaim = options.reclaim ?? 'if-dropped';
  const reclaimed = dropped.stories > 0 || reclaim === 'always' ? reclaimSpace(db) : null;
  logger?.info(
    { cutoff: cutoff.toISOString(), ...dropped, ...(reclaimed ?? {}) },
    'maintenance: article text past retention dropped',
  );
  return { cutoff: cutoff.toISOString(), dropped, reclaimed, ...merged };
}
