-- Organisations and sums named in a story move from rows of story_entities onto the story's own
-- row, as one JSON array (issue 18: the write path). Written by src/store/story-entities.ts.
--
-- Why: each story named about three entities, each a row in story_entities plus two index
-- entries (story_entities_story, story_entities_org): nine b-tree inserts a story, measured at a
-- fifth of a poll's store time (test/bench/storage.ts). Every reader wants a story's entities with
-- the story, except "stories naming organisation X", which the full-text index already answers:
-- each organisation is a facet token in stories_fts (store/fts-index.ts), with rowid bounds.
--
-- stories.entities: NULL (none) or a JSON array, in the order the tagger found them, of
--   {"kind":"org","id":…,"name":…,"matched":…,"orgKind":…}
--   {"kind":"money","name":…,"pounds":…,"context":…}   (context absent when unknown)
-- story_entities is now a view with the old table's columns (rowid keeps a story's mention
-- order), so readers by story are unchanged.
ALTER TABLE stories ADD COLUMN entities TEXT;

UPDATE stories SET entities = (
  SELECT json_group_array(json(
    CASE e.kind
      WHEN 'org' THEN json_object('kind', 'org', 'id', e.entity_id, 'name', e.name,
                                  'matched', e.matched, 'orgKind', e.org_kind)
      ELSE json_patch(json_object('kind', 'money', 'name', e.name, 'pounds', e.pounds),
                      CASE WHEN e.context IS NULL THEN '{}'
                           ELSE json_object('context', e.context) END)
    END))
  FROM (SELECT * FROM story_entities x WHERE x.story_seq = stories.seq ORDER BY x.rowid) e)
WHERE seq IN (SELECT story_seq FROM story_entities);

DROP TABLE story_entities;

CREATE VIEW story_entities (rowid, story_seq, kind, entity_id, name, matched, pounds, org_kind,
                            context) AS
  SELECT (s.seq << 20) + e.key, s.seq, e.value ->> 'kind', e.value ->> 'id', e.value ->> 'name',
         coalesce(e.value ->> 'matched', e.value ->> 'name'), e.value ->> 'pounds',
         e.value ->> 'orgKind', e.value ->> 'context'
  FROM stories s, json_each(s.entities) e;
