// Counts the metrics endpoint and readiness check read from the archive: one indexed query each,
// cheap enough to run on every scrape (Prometheus scrapes every 15-60 s).
import { readMigrations, type Db } from './database.js';
import { prepareCached } from './prepared.js';

export interface OutboxCount {
  platform: string;
  status: string;
  parts: number;
}

/** Outbox parts by platform and status (the outbox_due index covers status). */
export function countOutboxByState(db: Db): OutboxCount[] {
  return prepareCached<[], OutboxCount>(
    db,
    'SELECT platform, status, count(*) AS parts FROM outbox GROUP BY platform, status',
  ).all();
}

/** Stories with each theme (current tags, global rules). */
export function countTagsByTheme(db: Db): { theme: string; stories: number }[] {
  return prepareCached<[], { theme: string; stories: number }>(
    db,
    'SELECT theme, count(*) AS stories FROM story_tags GROUP BY theme',
  ).all();
}

/** The newest successful poll of any source (ISO time), or null before the first. */
export function lastSuccessfulPollAt(db: Db): string | null {
  const row = prepareCached<[], { at: string | null }>(
    db,
    'SELECT max(last_success_at) AS at FROM source_state',
  ).get();
  return row?.at ?? null;
}

export interface SchemaState {
  version: number;
  latest: number;
}

/** The database's schema version against the migrations this code ships. */
export function schemaState(db: Db): SchemaState {
  return {
    version: db.pragma('user_version', { simple: true }) as number,
    latest: readMigrations().length,
  };
}

/** How long a probe waits for another process's write lock: a probe must never stall the bot. */
const PROBE_BUSY_MS = 200;

export type WriteProbe = { ok: true; busy?: true } | { ok: false; reason: string };

/**
 * Whether a write can happen now (not read-only, no other writer holding the lock past
 * busy_timeout). It takes the write lock and releases it without changing anything.
 *
 * better-sqlite3 is synchronous, so waiting out the connection's usual busy_timeout (5 s) while
 * another process (a `briefing backup`, a `retag`) writes would freeze the event loop, and every
 * chat command with it, for as long as the probe waits. The probe waits briefly instead and
 * reports "busy": the database is writable, just in use, which is not a reason to be taken out of
 * a load balancer.
 */
export function canWrite(db: Db): WriteProbe {
  const usual = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma(`busy_timeout = ${PROBE_BUSY_MS}`);
  try {
    db.exec('BEGIN IMMEDIATE');
    // BEGIN IMMEDIATE alone succeeds on a read-only connection; a write statement (matching no
    // row, so nothing changes) is what meets "attempt to write a readonly database".
    db.exec('DELETE FROM source_state WHERE 0');
    db.exec('ROLLBACK');
    return { ok: true };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return { ok: true, busy: true };
    return { ok: false, reason: (error as Error).message };
  } finally {
    db.pragma(`busy_timeout = ${usual}`);
  }
}
