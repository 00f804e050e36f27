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
  const orgIds = new Set<string>();
  for (const hit of found) {
    if (orgIds.has(hit.id)) continue;
    orgIds.add(hit.id);
    organisations.push({ id: hit.id, name: hit.name, kind: hit.kind, matched: hit.matched });
  }
  const money: MoneyMention[] = [];
  const sums = new Map<string, number>();
  for (const text of [story.title, story.summary, story.content ?? '']) {
    if (!text) continue;
    for (const sum of findMoney(text)) {
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
