-- Which process is delivering (issue 12). Owned by src/store/delivery-instances.ts (the table) and
-- src/store/outbox-claims.ts (outbox.claimed_by). Times are ISO 8601 UTC strings.
--
-- Every process that sends from the outbox registers an instance and updates heartbeat_at every
-- beat_ms; a part it claims records its id in outbox.claimed_by. A part claimed by an instance that
-- is known to be gone (its pid has exited on this host, it stopped, or it missed several beats)
-- is due again at once instead of after its lease; src/delivery/claimant-state.ts decides.
CREATE TABLE delivery_instances (
  id            TEXT PRIMARY KEY,
  -- os.hostname(), for people reading `status`.
  host_name     TEXT NOT NULL,
  -- Identifies the pid namespace (Linux: boot id + pid namespace); pids compare only within one.
  host_key      TEXT NOT NULL,
  pid           INTEGER NOT NULL,
  beat_ms       INTEGER NOT NULL CHECK (beat_ms > 0),
  started_at    TEXT NOT NULL,
  heartbeat_at  TEXT NOT NULL,
  -- Set by a clean stop, after its in-flight sends were recorded.
  stopped_at    TEXT
) STRICT, WITHOUT ROWID;

-- The instance that last claimed the part (NULL: never claimed, or claimed before this migration,
-- which keeps the old rule: due again when the lease expires).
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
