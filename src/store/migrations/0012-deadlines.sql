-- Closing dates found in stories (issue 15), written by src/store/deadlines.ts whenever a story's
-- tags are (re)written, so a re-tag re-extracts them. One row per (story, closing day, kind).
-- closes_at is the ISO UTC instant (the time given, else 23:59 local); closes_on the local day in
-- time_zone; phrase the words the date came from, as written.

CREATE TABLE story_deadlines (
  story_seq  INTEGER NOT NULL REFERENCES stories (seq) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('consultation', 'call_for_evidence', 'tender', 'other')),
  closes_on  TEXT NOT NULL,
  closes_at  TEXT NOT NULL,
  time_zone  TEXT NOT NULL,
  phrase     TEXT NOT NULL,
  PRIMARY KEY (story_seq, closes_on, kind)
) STRICT, WITHOUT ROWID;

-- "Closing soon", reminders and `deadlines`: what closes in a window.
CREATE INDEX story_deadlines_closes_at ON story_deadlines (closes_at, story_seq);
