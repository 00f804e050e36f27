// The bounded poll log (table poll_days, migrations/0001-archive.sql): one row per source per UTC
// day with counts of successful (200 or 304) and failed polls and the last failure's reason. Rows
// older than POLL_LOG_DAYS are pruned when a source's first row of a new day is written, so the
// table stays at about sources x 400 rows. The digest's coverage line reads it back.
import type { Db } from './database.js';
import { prepareCached } from './prepared.js';

export const POLL_LOG_DAYS = 400;

/** Count one poll (failure = its reason, or null for a success) in the source's row for that day. */
export function logPoll(db: Db, sourceId: string, at: Date, failure: string | null): void {
  const day = at.toISOString().slice(0, 10);
  const created = prepareCached(
    db,
    'INSERT OR IGNORE INTO poll_days (source_id, day) VALUES (?, ?)',
  ).run(sourceId, day);
  if (created.changes > 0) {
    const oldest = new Date(at.getTime() - POLL_LOG_DAYS * 86_400_000).toISOString().slice(0, 10);
    prepareCached(db, 'DELETE FROM poll_days WHERE source_id = ? AND day < ?').run(
      sourceId,
      oldest,
    );
  }
  if (failure === null) {
    prepareCached(
      db,
      'UPDATE poll_days SET successes = successes + 1 WHERE source_id = ? AND day = ?',
    ).run(sourceId, day);
  } else {
    prepareCached(
      db,
      `UPDATE poll_days SET failures = failures + 1, last_failure_at = ?, last_reason = ?
       WHERE source_id = ? AND day = ?`,
    ).run(at.toISOString(), failure, sourceId, day);
  }
}

export interface SourceFailures {
  sourceId: string;
  failures: number;
  /** Successful polls (200 or 304) in the same days: 0 means the source could not be checked. */
  successes: number;
  lastReason: string | null;
  lastFailureAt: string | null;
}

/**
 * Sources with failed polls on any UTC day overlapping [startIso, endIso). Day granularity: a
 * week boundary at local midnight includes the UTC day it falls in.
 */
export function failuresBetween(db: Db, startIso: string, endIso: string): SourceFailures[] {
  const firstDay = startIso.slice(0, 10);
  const lastDay = new Date(new Date(endIso).getTime() - 1).toISOString().slice(0, 10);
  return prepareCached<
    [{ first: string; last: string }],
    {
      source_id: string;
      failures: number;
      successes: number;
      last_reason: string | null;
      last_failure_at: string | null;
    }
  >(
    db,
    `SELECT source_id, sum(failures) AS failures, sum(successes) AS successes,
       max(last_failure_at) AS last_failure_at,
       (SELECT p2.last_reason FROM poll_days p2 WHERE p2.source_id = p.source_id
          AND p2.day >= @first AND p2.day <= @last AND p2.failures > 0
        ORDER BY p2.day DESC LIMIT 1) AS last_reason
     FROM poll_days p WHERE day >= @first AND day <= @last
     GROUP BY source_id HAVING sum(failures) > 0 ORDER BY source_id`,
  )
    .all({ first: firstDay, last: lastDay })
    .map((r) => ({
      sourceId: r.source_id,
      failures: r.failures,
      successes: r.successes,
      lastReason: r.last_reason,
      lastFailureAt: r.last_failure_at,
    }));
}

/**
 * Which of `sourceIds` were being polled before [startIso, endIso) (a poll is recorded on an
 * earlier UTC day) but have no poll at all, successful or not, on any day of it: the bot was
 * down, or the source was gone or waiting out a long backoff. The digest lists them beside the
 * sources that failed, so silence is never read as "no news". A source first polled after the
 * week began, or a week older than the poll log, tells us nothing and is not listed.
 */
export function sourcesNotPolledBetween(
  db: Db,
  startIso: string,
  endIso: string,
  sourceIds: readonly string[],
): string[] {
  const firstDay = startIso.slice(0, 10);
  const lastDay = new Date(new Date(endIso).getTime() - 1).toISOString().slice(0, 10);
  const silent = new Set(
    prepareCached<[{ first: string; last: string }], { source_id: string }>(
      db,
      `SELECT source_id FROM poll_days
       WHERE successes > 0 OR failures > 0
       GROUP BY source_id
       HAVING min(day) < @first AND max(day >= @first AND day <= @last) = 0`,
    )
      .all({ first: firstDay, last: lastDay })
      .map((r) => r.source_id),
  );
  return sourceIds.filter((id) => silent.has(id));
}

/**
 * When the bot first polled (ISO UTC), or null when it never has: the first story's first
 * sighting or the first day in the poll log, whichever is earlier. Both lookups are cheap (the
 * stories primary key; poll_days is one row per source per day).
 */
export function firstPollAt(db: Db): string | null {
  const story = prepareCached<[], { first_seen_at: string }>(
    db,
    'SELECT first_seen_at FROM stories ORDER BY seq LIMIT 1',
  ).get();
  const day = prepareCached<[], { day: string | null }>(
    db,
    'SELECT min(day) AS day FROM poll_days',
  ).get()?.day;
  const candidates = [story?.first_seen_at, day ? `${day}T00:00:00.000Z` : undefined].filter(
    (v): v is string => v !== undefined,
  );
  return candidates.length === 0 ? null : candidates.sort()[0]!;
}
