// Per-source poll state (table source_state, migrations/0001-archive.sql): the poller records
// every outcome here (and a line in the poll log, store/poll-days.ts); `sources`, `status` and
// the digest read it back.
//
// Configuration changes (migrations/0004-source-config-url.sql): each record may carry the
// source's configured URL. The stored redirect target, validators and `gone` mark belong to the
// configured URL they were learnt under; a record under a different configured URL drops them,
// restarts the failure count and `first_success_at`, and sourcesDue polls such a source at once.
// Records without `configuredUrl` (older callers) keep the previous behaviour.
import type { Source, SourceHealth } from '../domain.js';
import type { Db } from './database.js';
import { logPoll } from './poll-days.js';
import { prepareCached } from './prepared.js';

export interface SourceState {
  sourceId: string;
  /** The URL to poll instead of the configured one, after a permanent redirect. */
  url: string | null;
  /**
   * The configured URL when this state was last recorded: `url`, the validators and `gone` are
   * valid only while the source's configured URL still equals it. Null on rows from before
   * migration 0004 (treat as not matching).
   */
  configuredUrl: string | null;
  /** The first successful poll of the configured URL (see ingest/first-poll-backlog.ts). */
  firstSuccessAt: string | null;
  etag: string | null;
  lastModified: string | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  nextPollAt: string | null;
  gone: boolean;
  /** Items beyond poll.maxItemsPerDocument in the last successful document (migration 0007). */
  itemsDropped: number;
}

interface StateRow {
  source_id: string;
  url: string | null;
  configured_url: string | null;
  first_success_at: string | null;
  etag: string | null;
  last_modified: string | null;
  last_attempt_at: string | null;
  last_success_at: string | null;
  last_error_at: string | null;
  last_error: string | null;
  consecutive_failures: number;
  next_poll_at: string | null;
  gone: number;
  items_dropped: number;
}

function toState(row: StateRow): SourceState {
  return {
    sourceId: row.source_id,
    url: row.url,
    configuredUrl: row.configured_url,
    firstSuccessAt: row.first_success_at,
    etag: row.etag,
    lastModified: row.last_modified,
    lastAttemptAt: row.last_attempt_at,
    lastSuccessAt: row.last_success_at,
    lastErrorAt: row.last_error_at,
    lastError: row.last_error,
    consecutiveFailures: row.consecutive_failures,
    nextPollAt: row.next_poll_at,
    gone: row.gone === 1,
    itemsDropped: row.items_dropped,
  };
}

export function getSourceState(db: Db, sourceId: string): SourceState | null {
  const row = prepareCached<[string], StateRow>(
    db,
    'SELECT * FROM source_state WHERE source_id = ?',
  ).get(sourceId);
  return row === undefined ? null : toState(row);
}

/**
 * The URL a poll should fetch: the stored permanent-redirect target while the source's configured
 * URL is still the one it was learnt under, else the configured URL.
 */
export function effectivePollUrl(source: Pick<Source, 'url'>, state: SourceState | null): string {
  return (state !== null && state.configuredUrl === source.url ? state.url : null) ?? source.url;
}

export function listSourceStates(db: Db): SourceState[] {
  return prepareCached<[], StateRow>(db, 'SELECT * FROM source_state ORDER BY source_id')
    .all()
    .map(toState);
}

function ensureRow(db: Db, sourceId: string): void {
  prepareCached(db, 'INSERT OR IGNORE INTO source_state (source_id) VALUES (?)').run(sourceId);
}

// SQL fragments over the row's old values and @configured (the record's configured URL or NULL).
/** The stored redirect and validators still apply: no configured URL given, or the same one. */
const TRUSTED = '(@configured IS NULL OR configured_url IS @configured)';
/** The configuration names a different URL than the one the state was learnt under. */
const CHANGED =
  '(@configured IS NOT NULL AND configured_url IS NOT NULL AND configured_url IS NOT @configured)';

export interface PollNotModified {
  at: Date;
  nextPollAt: Date;
  /**
   * The new URL after a permanent redirect, or null to keep the current one (kept only while
   * `configuredUrl` matches the stored one).
   */
  url?: string | null;
  /** The source's configured URL at this poll (sources.yaml). */
  configuredUrl?: string;
}

export interface PollSuccess extends PollNotModified {
  etag: string | null;
  lastModified: string | null;
  /** Items beyond the per-document cap, not read (0 when absent). */
  itemsDropped?: number;
}

/** A 200 with a usable document: validators stored, failures reset, `gone` cleared. */
export function recordPollSuccess(db: Db, sourceId: string, poll: PollSuccess): void {
  recordHealthyPoll(db, sourceId, poll, {
    etag: poll.etag,
    lastModified: poll.lastModified,
    itemsDropped: poll.itemsDropped ?? 0,
  });
}

/** A 304: the source was checked and is healthy; validators stay as they are. */
export function recordPollNotModified(db: Db, sourceId: string, poll: PollNotModified): void {
  recordHealthyPoll(db, sourceId, poll, null);
}

/**
 * The one update for a healthy poll. `document` is what a 200 brought (validators, items over
 * the cap); null for a 304, which keeps the stored ones.
 */
function recordHealthyPoll(
  db: Db,
  sourceId: string,
  poll: PollNotModified,
  document: { etag: string | null; lastModified: string | null; itemsDropped: number } | null,
): void {
  db.transaction(() => {
    ensureRow(db, sourceId);
    prepareCached(
      db,
      `UPDATE source_state SET url = coalesce(@url, CASE WHEN ${TRUSTED} THEN url END),
         configured_url = coalesce(@configured, configured_url),
         first_success_at = CASE WHEN ${CHANGED} THEN @at ELSE coalesce(first_success_at, @at) END,
         etag = CASE WHEN @replace THEN @etag ELSE etag END,
         last_modified = CASE WHEN @replace THEN @lastModified ELSE last_modified END,
         items_dropped = CASE WHEN @replace THEN @dropped ELSE items_dropped END,
         last_attempt_at = @at, last_success_at = @at, consecutive_failures = 0,
         next_poll_at = @next, gone = 0
       WHERE source_id = @sourceId`,
    ).run({
      url: poll.url ?? null,
      configured: poll.configuredUrl ?? null,
      replace: document === null ? 0 : 1,
      etag: document?.etag ?? null,
      lastModified: document?.lastModified ?? null,
      dropped: document?.itemsDropped ?? 0,
      at: poll.at.toISOString(),
      next: poll.nextPollAt.toISOString(),
      sourceId,
    });
    logPoll(db, sourceId, poll.at, null);
  })();
}

export interface PollFailure {
  /** Why, in words a user understands ("HTTP 503 Service Unavailable", "timed out after 30 s"). */
  reason: string;
  at: Date;
  nextPollAt: Date;
  /**
   * The source said it is gone for good (410): sourcesDue skips it until it succeeds again or
   * its configured URL changes.
   */
  gone?: boolean;
  /** The source's configured URL at this poll; a new one drops the old redirect and validators. */
  configuredUrl?: string;
}

export function recordPollFailure(db: Db, sourceId: string, poll: PollFailure): void {
  db.transaction(() => {
    ensureRow(db, sourceId);
    prepareCached(
      db,
      `UPDATE source_state SET
         url = CASE WHEN ${TRUSTED} THEN url END,
         etag = CASE WHEN ${TRUSTED} THEN etag END,
         last_modified = CASE WHEN ${TRUSTED} THEN last_modified END,
         first_success_at = CASE WHEN ${CHANGED} THEN NULL ELSE first_success_at END,
         configured_url = coalesce(@configured, configured_url),
         last_attempt_at = @at, last_error_at = @at, last_error = @reason,
         consecutive_failures = CASE WHEN ${CHANGED} THEN 1 ELSE consecutive_failures + 1 END,
         next_poll_at = @next, gone = @gone
       WHERE source_id = @sourceId`,
    ).run({
      configured: poll.configuredUrl ?? null,
      at: poll.at.toISOString(),
      reason: poll.reason,
      next: poll.nextPollAt.toISOString(),
      gone: poll.gone === true ? 1 : 0,
      sourceId,
    });
    logPoll(db, sourceId, poll.at, poll.reason);
  })();
}

/** Stories stored per source (a story carried by two sources counts for both). */
export function countStoriesBySource(db: Db): Map<string, number> {
  const rows = prepareCached<[], { source_id: string; n: number }>(
    db,
    'SELECT source_id, count(*) AS n FROM story_sources GROUP BY source_id',
  ).all();
  return new Map(rows.map((r) => [r.source_id, r.n]));
}

/** Health of every configured source, in configuration order. */
export function listSourceHealth(db: Db, sources: readonly Source[]): SourceHealth[] {
  const states = new Map(listSourceStates(db).map((s) => [s.sourceId, s]));
  const counts = countStoriesBySource(db);
  return sources.map((source) => {
    const state = states.get(source.id);
    return {
      sourceId: source.id,
      name: source.name,
      enabled: source.enabled,
      lastSuccessAt: state?.lastSuccessAt ?? null,
      lastErrorAt: state?.lastErrorAt ?? null,
      lastError: state?.lastError ?? null,
      consecutiveFailures: state?.consecutiveFailures ?? 0,
      nextPollAt: state?.nextPollAt ?? null,
      storyCount: counts.get(source.id) ?? 0,
      // Present only when the item cap cut the last document (an optional field: extends the
      // `sources --json` contract without changing it for every other source).
      ...(state?.itemsDropped ? { itemsDropped: state.itemsDropped } : {}),
    };
  });
}

/**
 * Enabled sources whose next poll is due at `now` (never polled counts as due), skipping those
 * marked gone. A source whose configured URL differs from the one its state was recorded under
 * is due at once, gone or not (the state belongs to the old URL). Configuration order is kept.
 */
export function sourcesDue(db: Db, sources: readonly Source[], now: Date): Source[] {
  const states = new Map(listSourceStates(db).map((s) => [s.sourceId, s]));
  const nowIso = now.toISOString();
  return sources.filter((source) => {
    if (!source.enabled) return false;
    const state = states.get(source.id);
    if (state === undefined) return true;
    if (state.configuredUrl !== null && state.configuredUrl !== source.url) return true;
    if (state.gone) return false;
    return state.nextPollAt === null || state.nextPollAt <= nowIso;
  });
}
