// The organisations and sums a story mentions, from its title, summary and body in that order;
// each organisation once (first spelling kept), each distinct sum once.
import type { Entities, MoneyMention, OrganisationMention } from '../domain.js';
import { findMoney } from './money.js';
import { findOrganisations, type Gazetteer } from './organisations.js';

export interface EntitySource {
  title: string;
  summary: string;
  content?: string;
}

export function extractEntities(story: EntitySource, gazetteer: Gazetteer): Entities {
  const organisations: OrganisationMention[] = [];
  const money: MoneyMention[] = [];
  const orgIds = new Set<string>();
  const sums = new Set<string>();
  for (const text of [story.title, story.summary, story.content ?? '']) {
    if (!text) continue;
    for (const mention of findOrganisations(text, gazetteer)) {
      if (orgIds.has(mention.id)) continue;
      orgIds.add(mention.id);
      organisations.push(mention);
    }
    for (const sum of findMoney(text)) {
      const key = `${sum.pounds}|${sum.text}`;
      if (sums.has(key)) continue;
      sums.add(key);
      money.push(sum);
    }
  }
  return { organisations, money };
}
