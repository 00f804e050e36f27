-- Whether a channel following everything also sees stories the tagger vetoed as off-topic (a
-- negative rule with veto: true, e.g. "MCP" the Model Context Protocol) in its digest (issue 15).
-- Owned by src/store/subscriptions.ts. 0: left out (the default), 1: shown.
ALTER TABLE subscriptions ADD COLUMN include_off_topic INTEGER NOT NULL DEFAULT 0
  CHECK (include_off_topic IN (0, 1));
