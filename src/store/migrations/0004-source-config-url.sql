-- Poll state follows the configuration (src/store/source-state.ts, src/ingest/poll-source.ts).
--
-- configured_url: the source's configured URL when its state was last recorded. A permanent
-- redirect target (`url`), the validators and the `gone` mark belong to that URL: when
-- sources.yaml names a different URL, the poller ignores them and polls the new one.
-- NULL on rows written before this migration: the stored redirect is then not trusted, and the
-- next poll re-learns it (one extra redirect hop).
--
-- first_success_at: the first successful poll of the configured URL. Stories with an estimated
-- date first seen at or before it are the feed's backlog, not news from that week
-- (ingest/first-poll-backlog.ts). Backfilled from the earliest story the source carried, or
-- its last success when it never carried one.
ALTER TABLE source_state ADD COLUMN configured_url TEXT;
ALTER TABLE source_state ADD COLUMN first_success_at TEXT;

UPDATE source_state
SET first_success_at = coalesce(
  (SELECT min(l.first_seen_at) FROM story_sources l WHERE l.source_id = source_state.source_id),
  last_success_at
)
WHERE last_success_at IS NOT NULL;
