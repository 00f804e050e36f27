-- The item cap (settings poll.maxItemsPerDocument, src/ingest/cap-items.ts): how many items the
-- source's last successful document held beyond the cap and were not read (the newest are kept).
-- `briefing sources` reports it as "N items dropped". 0 on existing rows.
ALTER TABLE source_state ADD COLUMN items_dropped INTEGER NOT NULL DEFAULT 0;
