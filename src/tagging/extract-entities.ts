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
  for (let order = 0; order < 3; order++) {
    const text = order === 0 ? story.title : order === 1 ? story.summary : (story.content ?? '');
    if (!text) continue;
    for (const sum of findMoney(text)) {
      const seen = indexOfSum(money, sum);
      if (seen < 0) {
        money.push(sum);
      } else if (money[seen]!.context === undefined && sum.context !== undefined) {
        // A headline's bare "£78m" learns what it is from the standfirst's "£78m contract".
        money[seen] = sum;
      }
    }
  }
  return { organisations, money };
}

/**
 * Where `money` already holds a sum with the same amount and text, or -1. A story has a sum or
 * two: a look along the list beats a `${pounds}|${text}` key and a Map per story (issue 18,
 * tag4). The same test as that key: amounts are finite or Infinity, never NaN or -0.
 */
function indexOfSum(money: readonly MoneyMention[], sum: MoneyMention): number {
  for (let k = 0; k < money.length; k++) {
    if (money[k]!.pounds === sum.pounds && money[k]!.text === sum.text) return k;
  }
  return -1;
}
