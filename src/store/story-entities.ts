// The organisations and sums a story names, kept as one JSON array on its row
// (stories.entities, migrations/0015-entities-on-stories.sql) instead of a row each: written with
// the story's INSERT or its re-tag UPDATE, read through the story_entities view. "Stories naming
// organisation X" are found through the organisation's facet token in stories_fts (fts-index.ts).
import type { Entities } from '../domain.js';

/**
 * The stored form of `entities` (the migration's header gives its shape), or null when there
 * are none. Organisations first, then sums, each in the tagger's order: the view's rowid keeps
 * that order, as the table's rowid did.
 */
export function encodeEntities(entities: Entities): string | null {
  if (entities.organisations.length + entities.money.length === 0) return null;
  const mentions: object[] = [];
  for (const o of entities.organisations) {
    mentions.push({ kind: 'org', id: o.id, name: o.name, matched: o.matched, orgKind: o.kind });
  }
  for (const m of entities.money) {
    mentions.push(
      m.context === undefined || m.context === ''
        ? { kind: 'money', name: m.text, pounds: m.pounds }
        : { kind: 'money', name: m.text, pounds: m.pounds, context: m.context },
    );
  }
  return JSON.stringify(mentions);
}
