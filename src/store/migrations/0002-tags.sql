-- Themes and entities found in each story (issue 3), written by src/store/tags.ts when a story is
-- stored or re-tagged. `rules_version` (here and on stories) says which themes configuration
-- produced them.

CREATE TABLE story_tags (
  story_seq     INTEGER NOT NULL REFERENCES stories (seq) ON DELETE CASCADE,
  theme         TEXT NOT NULL,
  score         REAL NOT NULL,
  -- JSON array of Evidence (domain.ts).
  evidence      TEXT NOT NULL DEFAULT '[]',
  rules_version TEXT NOT NULL,
  PRIMARY KEY (story_seq, theme)
) STRICT, WITHOUT ROWID;

-- theme: filters and per-theme counts.
CREATE INDEX story_tags_theme ON story_tags (theme, story_seq);

-- kind 'org': entity_id is the canonical organisation id (ODS code or slug), name its canonical
-- name, matched the text as written. kind 'money': entity_id is NULL, name the text as written,
-- pounds the value.
CREATE TABLE story_entities (
  story_seq INTEGER NOT NULL REFERENCES stories (seq) ON DELETE CASCADE,
  kind      TEXT NOT NULL CHECK (kind IN ('org', 'money')),
  entity_id TEXT,
  name      TEXT NOT NULL,
  matched   TEXT NOT NULL,
  pounds    REAL,
  org_kind  TEXT
) STRICT;

CREATE INDEX story_entities_story ON story_entities (story_seq);
-- org: filters.
CREATE INDEX story_entities_org ON story_entities (entity_id, story_seq) WHERE kind = 'org';

-- Every way an organisation has been named in the archive (canonical name and the text as
-- written), lower-cased: lets `org:"dudley group"` find the canonical ids without scanning
-- story_entities. Small: one row per distinct (id, spelling).
CREATE TABLE organisation_names (
  name_key  TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  PRIMARY KEY (name_key, entity_id)
) STRICT, WITHOUT ROWID;
