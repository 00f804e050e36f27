// Organisation rules of config/themes.yaml (`organisations: { kind: vanguard }`) as rule hits:
// each organisation of a listed kind that the story's one gazetteer scan found counts like a
// phrase of that rule, spelt as the story spells it ("organisation:Fylde Coast vanguard").
import type { TextField } from '../domain.js';
import { FIELDS, type CompiledThemes } from './compile-themes.js';
import type { StoryOrganisation } from './story-organisations.js';

/** One match of one theme rule in one field. */
export interface RuleHit {
  field: TextField;
  /** Index of `field` in FIELDS, for cheap ordering. */
  order: number;
  text: string;
  rule: number;
  /** The rule's configured weight, for ordering equal spans. */
  weight: number;
  term: string;
  start: number;
  end: number;
}

/** A named organisation of a rule's kind is a hit of that rule, spelt as the story spells it. */
export function addOrganisationHits(
  story: { title: string; summary: string; content?: string },
  compiled: CompiledThemes,
  organisations: readonly StoryOrganisation[],
  ruleHits: RuleHit[][],
): void {
  if (compiled.organisationRules.length === 0) return;
  for (const found of organisations) {
    for (const { theme, rule, kinds } of compiled.organisationRules) {
      if (!kinds.has(found.kind)) continue;
      const order = FIELDS.indexOf(found.field);
      ruleHits[theme]!.push({
        field: found.field,
        order,
        text: found.field === 'content' ? (story.content ?? '') : story[found.field],
        rule,
        weight: compiled.themes[theme]!.rules[rule]!.weight,
        term: found.matched,
        start: found.start,
        end: found.end,
      });
    }
  }
}
