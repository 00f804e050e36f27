// The delivery_instances table (migrations/0006): one row per process that sends from the outbox,
// with its heartbeat. Plain reads and single-row writes; deciding whether an instance is alive is
// src/delivery/claimant-state.ts's job (it needs the operating system, the store does not).
import type { Db } from './database.js';
import { prepareCached } from './prepared.js';

export interface DeliveryInstance {
  id: string;
  hostName: string;
  hostKey: string;
  pid: number;
  beatMs: number;
  startedAt: string;
  heartbeatAt: string;
  stoppedAt: string | null;
}

interface InstanceRow {
  id: string;
  host_name: string;
  host_key: string;
  pid: number;
  beat_ms: number;
  started_at: string;
  heartbeat_at: string;
  stopped_at: string | null;
}

function toInstance(row: InstanceRow): DeliveryInstance {
  return {
    id: row.id,
    hostName: row.host_name,
    hostKey: row.host_key,
    pid: row.pid,
    beatMs: row.beat_ms,
    startedAt: row.started_at,
    heartbeatAt: row.heartbeat_at,
    stoppedAt: row.stopped_at,
  };
}

export function insertInstance(
  db: Db,
  instance: Omit<DeliveryInstance, 'heartbeatAt' | 'stoppedAt'>,
): void {
  prepareCached<[object], unknown>(
    db,
    `INSERT INTO delivery_instances (id, host_name, host_key, pid, beat_ms, started_at, heartbeat_at)
     VALUES (@id, @hostName, @hostKey, @pid, @beatMs, @startedAt, @startedAt)`,
  ).run(instance);
}

export function recordHeartbeat(db: Db, id: string, at: Date): void {
  prepareCached<[object], unknown>(
    db,
    'UPDATE delivery_instances SET heartbeat_at = @at WHERE id = @id AND stopped_at IS NULL',
  ).run({ id, at: at.toISOString() });
}

export function recordStopped(db: Db, id: string, at: Date): void {
  prepareCached<[object], unknown>(
    db,
    'UPDATE delivery_instances SET stopped_at = @at, heartbeat_at = @at WHERE id = @id',
  ).run({ id, at: at.toISOString() });
}

/** The instances with these ids (unknown ids are simply absent from the map). */
export function getInstances(db: Db, ids: readonly string[]): Map<string, DeliveryInstance> {
  const get = prepareCached<[string], InstanceRow>(
    db,
    'SELECT * FROM delivery_instances WHERE id = ?',
  );
  const found = new Map<string, DeliveryInstance>();
  for (const id of new Set(ids)) {
    const row = get.get(id);
    if (row) found.set(id, toInstance(row));
  }
  return found;
}

/**
 * Forgets instances silent (or stopped) since before `before` that no part in flight names: a
 * `briefing deliver` every minute would otherwise leave a row a minute behind for ever.
 */
export function pruneInstances(db: Db, before: Date): number {
  return prepareCached<[object], unknown>(
    db,
    `DELETE FROM delivery_instances
     WHERE heartbeat_at < @before
       AND id NOT IN (SELECT claimed_by FROM outbox
                      WHERE status = 'sending' AND claimed_by IS NOT NULL)`,
  ).run({ before: before.toISOString() }).changes;
}
