-- Channels, weekly digest runs and the delivery outbox (issue 4). Owned by
-- src/store/subscriptions.ts, src/store/digest-runs.ts and src/store/outbox.ts.
-- Depends on no other table. Times are ISO 8601 UTC strings, which sort as text.
-- Everything is keyed by the channel (platform, workspace_id, channel_id), not by subscription id,
-- so unsubscribing and subscribing again in the same week can never post that week twice.

CREATE TABLE subscriptions (
  id             INTEGER PRIMARY KEY,
  platform       TEXT NOT NULL,
  -- Slack team id or Discord guild id.
  workspace_id   TEXT NOT NULL,
  channel_id     TEXT NOT NULL,
  -- 'all' or a JSON array of theme ids.
  themes         TEXT NOT NULL,
  -- JSON array of canonical organisation ids.
  organisations  TEXT NOT NULL DEFAULT '[]',
  -- Own digest day (0 = Sunday) and local time 'HH:MM'; both NULL for the configured default.
  schedule_day   INTEGER CHECK (schedule_day BETWEEN 0 AND 6),
  schedule_time  TEXT,
  created_by     TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  -- Set after a permanent delivery failure (channel gone, bot removed, missing permission).
  paused_reason  TEXT,
  paused_at      TEXT,
  UNIQUE (platform, workspace_id, channel_id)
) STRICT;

-- The decision, per channel and week, to send (enqueued) or not (skipped: beyond the grace
-- period after downtime). The primary key makes the weekly job idempotent.
CREATE TABLE digest_runs (
  week          TEXT NOT NULL,
  platform      TEXT NOT NULL,
  workspace_id  TEXT NOT NULL,
  channel_id    TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('enqueued', 'skipped')),
  reason        TEXT,
  due_at        TEXT NOT NULL,
  decided_at    TEXT NOT NULL,
  PRIMARY KEY (week, platform, workspace_id, channel_id)
) STRICT, WITHOUT ROWID;

-- One row per message part of a digest for a channel, written (all parts) before any is sent.
-- status: pending -> sending (committed before the platform is called) -> sent; a transient
-- failure goes back to pending with a later next_attempt_at; a permanent one marks the part
-- failed and the channel's other unsent parts paused; cancelled when the channel unsubscribed.
CREATE TABLE outbox (
  id               INTEGER PRIMARY KEY,
  week             TEXT NOT NULL,
  platform         TEXT NOT NULL,
  workspace_id     TEXT NOT NULL,
  channel_id       TEXT NOT NULL,
  part_index       INTEGER NOT NULL,
  part_total       INTEGER NOT NULL,
  -- JSON of the platform payload (OutboundPart.payload) and its plain-text fallback.
  payload          TEXT NOT NULL,
  text             TEXT NOT NULL,
  -- Sent to the platform (Slack metadata, Discord nonce) to find a message after a crash.
  idempotency_key  TEXT NOT NULL UNIQUE,
  status           TEXT NOT NULL
                   CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'paused', 'cancelled')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  TEXT NOT NULL,
  message_id       TEXT,
  last_error       TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  sent_at          TEXT,
  UNIQUE (week, platform, workspace_id, channel_id, part_index)
) STRICT;

-- The delivery loop's query: due parts in order.
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_channel ON outbox (platform, workspace_id, channel_id, week, part_index);
