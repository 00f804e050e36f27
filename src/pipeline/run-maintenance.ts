// The daily maintenance run (scheduler, 03:30 local) and `briefing prune`: drop article text
// older than retention.contentMonths, then give the space back. Nothing happens when retention
// is off (the default), and a VACUUM runs only after something was dropped.
import type { Settings } from '../config/settings.js';
import type { Logger } from '../logging.js';
import type { Db } from '../store/database.js';
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
}

export function runMaintenance(
  db: Db,
  settings: Pick<Settings, 'retention'>,
  now: Date,
  logger?: Logger,
  options: { months?: number; reclaim?: 'if-dropped' | 'always' } = {},
): MaintenanceReport {
  const months = options.months ?? settings.retention.contentMonths;
  if (months === null) {
    return { cutoff: null, dropped: { stories: 0, characters: 0 }, reclaimed: null };
  }
  const cutoff = retentionCutoff(now, months);
  const dropped = dropContentBefore(db, cutoff);
  const reclaim = options.reclaim ?? 'if-dropped';
  const reclaimed = dropped.stories > 0 || reclaim === 'always' ? reclaimSpace(db) : null;
  logger?.info(
    { cutoff: cutoff.toISOString(), ...dropped, ...(reclaimed ?? {}) },
    'maintenance: article text past retention dropped',
  );
  return { cutoff: cutoff.toISOString(), dropped, reclaimed };
}
