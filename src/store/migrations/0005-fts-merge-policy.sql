-- How FTS5 merges the full-text index (stories_fts) as it grows. Owned by src/store/fts-index.ts.
--
-- FTS5 writes each transaction's new terms as a new segment and merges segments during later
-- writes. With its defaults (automerge 4, crisismerge 16) every indexed token is rewritten about
-- log4(archive / batch) times. Merging 16 segments at a time (and at the latest 64 on one
-- level) measured with test/bench/storage.ts, 1000-story batches: 18% fewer bytes written
-- (1M stories: 12.4 KB -> 10.2 KB a story, for a 2.75 KB-a-story database), ~12% less CPU per
-- story, and a flat per-story cost up to 1M stories. Searches at 1M stories were as fast: about
-- 25 segments instead of 10, and each extra segment costs one b-tree probe per search term.
-- Both values live in stories_fts_config, so existing archives pick them up here; nothing is
-- rewritten now: later writes merge under the new policy.
INSERT INTO stories_fts (stories_fts, rank) VALUES ('automerge', 16);
INSERT INTO stories_fts (stories_fts, rank) VALUES ('crisismerge', 64);
