-- Corrections from readers (issue 14): "this story is not carter, it is procurement", said in one
-- workspace. Owned by src/store/corrections.ts. Times are ISO 8601 UTC strings.
--
-- An override layer, never an edit: story_tags (what the rules decided) is left alone, so
-- `briefing retag` rewrites story_tags and cannot undo a correction. Each row adds or removes one
-- theme for one story in one workspace (platform + workspace id); the latest row for a
-- (workspace, story, theme) wins, so "+procurement" then "-procurement" leaves it removed.
-- Rows are kept as a log (who, where, when, why) for `corrections`, export and report.
-- story_id is the public story id (stories.id) without a foreign key: the log outlives a story
-- pruned from the archive, and a correction never blocks a story's deletion.
CREATE TABLE corrections (
  seq          INTEGER PRIMARY KEY,
  platform     TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  story_id     TEXT NOT NULL,
  theme        TEXT NOT NULL,
  action       TEXT NOT NULL CHECK (action IN ('add', 'remove')),
  user_id      TEXT NOT NULL,
  channel_id   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  note         TEXT
) STRICT;

-- The effective override of one (workspace, story, theme): the row with the highest seq.
CREATE INDEX corrections_by_story ON corrections (platform, workspace_id, story_id, theme, seq);
-- Recent corrections of a workspace (`corrections`, newest first).
CREATE INDEX corrections_by_workspace ON corrections (platform, workspace_id, seq);
