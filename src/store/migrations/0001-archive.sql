-- The story archive: per-source poll state, stories, which sources carried each story, and the
-- full-text index. Owned by src/store/stories.ts, source-state.ts and search.ts.
-- Times are ISO 8601 UTC strings ("2017-02-13T09:30:00.000Z"), which sort as text.

-- One row per configured source that has been polled at least once.
CREATE TABLE source_state (
  source_id            TEXT PRIMARY KEY,
  -- Set after a permanent redirect (301/308): polled instead of the configured URL.
  url                  TEXT,
  etag                 TEXT,
  last_modified        TEXT,
  last_attempt_at      TEXT,
  last_success_at      TEXT,
  last_error_at        TEXT,
  last_error           TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  next_poll_at         TEXT,
  -- 410 Gone (or similar): the source is not polled until its configuration changes.
  gone                 INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Poll outcomes per source per UTC day, so a digest can say which sources could not be checked
-- in its week. Bounded: one row per source per day; rows older than 400 days are pruned.
CREATE TABLE poll_days (
  source_id       TEXT NOT NULL,
  day             TEXT NOT NULL,
  successes       INTEGER NOT NULL DEFAULT 0,
  failures        INTEGER NOT NULL DEFAULT 0,
  last_failure_at TEXT,
  last_reason     TEXT,
  PRIMARY KEY (source_id, day)
) STRICT, WITHOUT ROWID;

-- `seq` is an explicit INTEGER PRIMARY KEY so the FTS index can point at it (an implicit rowid
-- may be renumbered by VACUUM). `id` is the public, stable story id (ingest/story-id.ts).
-- Column order matters: the long text columns come last, so reading published_at or the ids
-- never walks a row's overflow pages. rules_version (which themes configuration tagged the
-- story) is written by store/tags.ts; the tag tables themselves are in 0002-tags.sql.
CREATE TABLE stories (
  seq                 INTEGER PRIMARY KEY,
  id                  TEXT NOT NULL UNIQUE,
  published_at        TEXT NOT NULL,
  published_estimated INTEGER NOT NULL DEFAULT 0,
  source_id           TEXT NOT NULL,
  paywalled           INTEGER NOT NULL DEFAULT 0,
  first_seen_at       TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  content_hash        TEXT NOT NULL,
  rules_version       TEXT,
  url                 TEXT UNIQUE,
  guid                TEXT,
  author              TEXT,
  categories          TEXT NOT NULL DEFAULT '[]',
  -- Filter tokens indexed with the text (store/fts-index.ts): sources, themes, organisations.
  facets              TEXT NOT NULL DEFAULT '',
  title               TEXT NOT NULL,
  summary             TEXT NOT NULL,
  content             TEXT NOT NULL
) STRICT;

CREATE INDEX stories_published_at ON stories (published_at);

-- Every source that carried a story (the first is stories.source_id), with what it called it.
CREATE TABLE story_sources (
  story_seq     INTEGER NOT NULL REFERENCES stories (seq) ON DELETE CASCADE,
  source_id     TEXT NOT NULL,
  guid          TEXT,
  url           TEXT,
  title         TEXT NOT NULL,
  published_at  TEXT NOT NULL,
  first_seen_at TEXT NOT NULL,
  PRIMARY KEY (story_seq, source_id)
) STRICT, WITHOUT ROWID;

-- (source_id, guid) lookups during dedup, and per-source filters and counts.
CREATE INDEX story_sources_source_guid ON story_sources (source_id, guid);

-- External-content FTS5 index over stories. Written explicitly by src/store/fts-index.ts, never
-- by triggers (a trigger made inserts ~3 times slower; see the measurements there), so every
-- write to stories goes through src/store/stories.ts or tags.ts. `facets` holds the filter
-- tokens for theme:, source: and org:.
CREATE VIRTUAL TABLE stories_fts USING fts5 (
  title, summary, content, facets,
  content = 'stories',
  content_rowid = 'seq',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
