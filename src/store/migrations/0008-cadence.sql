-- Cadence and alerts (issue 15). Owned by src/store/subscriptions.ts (the two columns) and
-- src/store/alerts.ts (alerted_stories). Times are ISO 8601 UTC strings.
--
-- cadence: 'weekly' (the catch-up of the ISO week, the default) or 'daily' (the catch-up of the
-- previous local day). Daily runs reuse digest_runs and the outbox with the day's label
-- ('YYYY-MM-DD') in place of the week's ('YYYY-Www'); alert batches use 'YYYY-MM-DD alert N'.
ALTER TABLE subscriptions ADD COLUMN cadence TEXT NOT NULL DEFAULT 'weekly'
  CHECK (cadence IN ('weekly', 'daily'));
-- 1: post alerts (a followed organisation named, or a story covered by three or more outlets).
ALTER TABLE subscriptions ADD COLUMN alerts INTEGER NOT NULL DEFAULT 0 CHECK (alerts IN (0, 1));

-- Every story an alert batch named, per channel: a story is alerted to a channel at most once.
-- batch is the outbox label of the batch that carried it; day its local date, for the daily cap.
CREATE TABLE alerted_stories (
  platform      TEXT NOT NULL,
  workspace_id  TEXT NOT NULL,
  channel_id    TEXT NOT NULL,
  story_id      TEXT NOT NULL,
  day           TEXT NOT NULL,
  batch         TEXT NOT NULL,
  reason        TEXT NOT NULL,
  alerted_at    TEXT NOT NULL,
  PRIMARY KEY (platform, workspace_id, channel_id, story_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX alerted_stories_day ON alerted_stories (platform, workspace_id, channel_id, day);
