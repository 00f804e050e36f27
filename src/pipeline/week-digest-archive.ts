// The week's digest for the weekly job: built from the archive and written to digests/ once per
// week, when its first channel falls due. Channels with a later schedule (Friday rather than
// Monday) get that same digest, read back from digests/YYYY/YYYY-Www.json, so the file keeps
// holding exactly what every channel was sent and is not rebuilt (1M-story queries) and rewritten
// each time another channel falls due.
// Rules: digest_runs says whether the week was already enqueued (the archive is always written
// before the first enqueue); if it was but the file is missing or unreadable (digests/ moved or
// cleaned), the digest is built and archived again, and the log says so.
import { readFileSync } from 'node:fs';
import { archiveBasePath, archiveDigest, type ArchivedDigest } from '../digest/archive-digest.js';
import type { Digest } from '../domain.js';
import type { Logger } from '../logging.js';
import type { Db } from '../store/database.js';
import { isWeekEnqueued } from '../store/digest-runs.js';

export interface WeekDigest {
  digest: Digest;
  /** The files written now; null when the week's archive was read back instead. */
  archived: ArchivedDigest | null;
}

export function weekDigestOnce(input: {
  db: Db;
  week: string;
  digestsDir: string;
  build: () => Digest;
  logger?: Logger;
}): WeekDigest {
  const { db, week, digestsDir, logger } = input;
  if (isWeekEnqueued(db, week)) {
    const archived = readArchivedDigest(digestsDir, week);
    if (archived.digest) return { digest: archived.digest, archived: null };
    logger?.warn(
      { iso_week: week, reason: archived.problem },
      'digest: archived digest unreadable; building it again',
    );
  }
  const digest = input.build();
  return { digest, archived: archiveDigest(digest, digestsDir) };
}

export function readArchivedDigest(
  digestsDir: string,
  week: string,
): { digest: Digest; problem?: never } | { digest?: never; problem: string } {
  const path = `${archiveBasePath(digestsDir, week)}.json`;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { problem: `${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
  // The file is ours (written by archiveDigest), so a light check of its shape is enough.
  const digest = value as Partial<Digest> | null;
  if (digest?.week !== week || !Array.isArray(digest.sections)) {
    return { problem: `${path}: not the digest of ${week}` };
  }
  return { digest: digest as Digest };
}
