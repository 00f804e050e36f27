// The organisations and sums a story mentions, from its title, summary and body in that order;
// each organisation once (first spelling kept), each distinct sum once, with what it is.
import type { Entities, MoneyMention, OrganisationMention } from '../domain.js';
import { findMoney } from './money.js';
import { type Gazetteer } from './organisations.js';
import { findStoryOrganisations, type StoryOrganisation } from './story-organisations.js';

export interface EntitySource {
  title: string;
  summary: string;
  content?: string;
}

/** `found`: the story's organisation scan when the caller already has it (tagging shares it). */
export function extractEntities(
  story: EntitySource,
  gazetteer: Gazetteer,
  found: readonly StoryOrganisation[] = findStoryOrganisations(story, gazetteer),
): Entities {
  const organisations: OrganisationMention[] = [];
  // Sets and maps only for a story that needs them: most name one organisation or none, and
  // no sum (issue 18).
  const orgIds = found.length > 1 ? new Set<string>() : null;
  for (const hit of found) {
    if (orgIds !== null) {
      if (orgIds.has(hit.id)) continue;
      orgIds.add(hit.id);
    }
    organisations.push({ id: hit.id, name: hit.name, kind: hit.kind, matched: hit.matched });
  }
  const money: MoneyMention[] = [];
  let sums: Map<string, number> | null = null;
  for (let order = 0; order < 3; order++) {
    const text = order === 0 ? story.title : order === 1 ? story.summary : (story.content ?? '');
    if (!text) continue;
    for (const sum of findMoney(text)) {
      sums ??= new Map<string, number>();
      const key = `${sum.pounds}|${sum.text}`;
      const seen = sums.get(key);
      if (seen === undefined) {
        sums.set(key, money.length);
        money.push(sum);
      } else if (money[seen]!.context === undefined && sum.context !== undefined) {
        // A headline's bare "£78m" learns what it is from the standfirst's "£78m contract".
        money[seen] = sum;
      }
    }
  }
  return { organisations, money };
}
