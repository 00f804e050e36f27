// Archives at an old schema for the upgrade tests: entities as rows of the story_entities table,
// written as the store wrote them before migrations/0016-entities-on-stories.sql (which moved
// them onto the story's row), with the organisation spellings and the story's facet tokens.
import type { Entities } from '../../src/domain.js';
import type { Db } from '../../src/store/database.js';
import {
  queueReindex,
  writeFts,
  type FtsWrite,
  type IndexedText,
} from '../../src/store/fts-index.js';
import { normaliseOrganisationKey } from '../../src/store/tags.js';

/** Adds a stored story's entities as old-style rows; `withContext`: the column of 0009 exists. */
export function writeOldEntityRows(
  db: Db,
  storyId: string,
  entities: Entities,
  withContext = true,
): void {
  const row = db
    .prepare('SELECT seq, title, summary, content, facets FROM stories WHERE id = ?')
    .get(storyId) as IndexedText;
  db.transaction(() => {
    for (const org of entities.organisations) {
      db.prepare(
        `INSERT INTO story_entities (story_seq, kind, entity_id, name, matched, pounds, org_kind)
         VALUES (?, 'org', ?, ?, ?, NULL, ?)`,
      ).run(row.seq, org.id, org.name, org.matched, org.kind);
      for (const spelling of [org.name, org.matched, org.id]) {
        db.prepare(
          'INSERT OR IGNORE INTO organisation_names (name_key, entity_id) VALUES (?, ?)',
        ).run(normaliseOrganisationKey(spelling), org.id);
      }
    }
    for (const sum of entities.money) {
      const columns = withContext ? ', context' : '';
      db.prepare(
        `INSERT INTO story_entities (story_seq, kind, entity_id, name, matched, pounds${columns})
         VALUES (?, 'money', NULL, ?, ?, ?${withContext ? ', ?' : ''})`,
      ).run(row.seq, sum.text, sum.text, sum.pounds, ...(withContext ? [sum.context ?? null] : []));
    }
    const queue: FtsWrite[] = [];
    queueReindex(db, row, row, queue);
    writeFts(db, queue);
  })();
}
