-- Whether the tagger vetoed an untagged story as off-topic (a negative rule with veto: true, e.g.
-- "MCP" the Model Context Protocol), recorded with its tags so the weekly digest need not re-tag
-- the week's untagged stories to find them (issue 18: about a fifth of a digest build).
-- Written by src/store/story-rows.ts (insert) and tags.ts (re-tag); read by digest-week.ts.
-- 1: vetoed, 0: not vetoed, NULL: not recorded (tagged before this column): the digest re-tags.
ALTER TABLE stories ADD COLUMN off_topic INTEGER CHECK (off_topic IN (0, 1));
