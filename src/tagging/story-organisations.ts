// One scan of a story for the organisations it names, field by field, with positions: entity
// extraction turns it into the story's organisations, and tagging reuses it as evidence for rules
// that count an organisation's kind (a vanguard named is evidence for new care models).
import type { OrganisationKind, TextField } from '../domain.js';
import { findOrganisationHits, type Gazetteer, type NamePayload } from './organisations.js';
import type { PhraseHit } from './phrase-index.js';

export interface StoryOrganisation {
  field: TextField;
  start: number;
  end: number;
  id: string;
  name: string;
  kind: OrganisationKind;
  /** The text as written in the story. */
  matched: string;
}

export interface OrganisationSource {
  title: string;
  summary: string;
  content?: string;
}

const FIELDS: readonly TextField[] = ['title', 'summary', 'content'];

/** `scanned[order]`: the gazetteer's raw hits in FIELDS[order] when the caller scanned already. */
export function findStoryOrganisations(
  story: OrganisationSource,
  gazetteer: Gazetteer,
  scanned?: readonly (readonly PhraseHit<NamePayload>[])[],
): StoryOrganisation[] {
  const found: StoryOrganisation[] = [];
  for (let order = 0; order < FIELDS.length; order++) {
    const field = FIELDS[order]!;
    const text = field === 'content' ? (story.content ?? '') : story[field];
    for (const hit of findOrganisationHits(text, gazetteer, scanned?.[order])) {
      const entry = gazetteer.entries[hit.entry]!;
      found.push({
        field,
        start: hit.start,
        end: hit.end,
        id: entry.id,
        name: entry.name,
        kind: entry.kind,
        matched: text.slice(hit.start, hit.end),
      });
    }
  }
  return found;
}
