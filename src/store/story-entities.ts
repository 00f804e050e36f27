// The organisations and sums a story names, kept as one JSON array on its row
// (stories.entities, migrations/0016-entities-on-stories.sql) instead of a row each: written with
// the story's INSERT or its re-tag UPDATE, read through the story_entities view. "Stories naming
// organisation X" are found through the organisation's facet token in stories_fts (fts-index.ts).
import type { Entities, OrganisationKind } from '../domain.js';

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

interface StoredMention {
  kind: 'org' | 'money';
  id?: string;
  name: string;
  matched?: string;
  orgKind?: string | null;
  pounds?: number;
  context?: string | null;
}

/** Entities from their stored form (encodeEntities; also what the migration wrote). */
export function decodeEntities(stored: string | null): Entities {
  const entities: Entities = { organisations: [], money: [] };
  if (stored === null) return entities;
  for (const m of JSON.parse(stored) as StoredMention[]) {
    if (m.kind === 'org') {
      entities.organisations.push({
        id: m.id ?? '',
        name: m.name,
        kind: (m.orgKind ?? 'other') as OrganisationKind,
        matched: m.matched ?? m.name,
      });
    } else {
      const sum = { text: m.name, pounds: m.pounds ?? 0 };
      entities.money.push(m.context ? { ...sum, context: m.context } : sum);
    }
  }
  return entities;
}
