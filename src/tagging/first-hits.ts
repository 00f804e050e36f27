// The hits of one theme's rules that count (tag-story.ts): the first per (rule, field), a match
// inside a longer match of another rule dropped, and whether an unconditional rule fired. Pure
// apart from one reused array of marks.
import type { TextField } from '../domain.js';
import type { ThemeDefinition, ThemeRule } from '../config/themes.js';
import type { RuleHit } from './organisation-rule-hits.js';
import { sortSmall } from './sort-small.js';

/** keepFirstHitPerRule's (rule * 4 + field order) marks, all 0 between calls. */
let seen = new Uint8Array(64);
/** keepFirstHitPerRule's result, reused: read it before the next call. */
const FIRSTS: RuleHit[] = [];

/**
 * First hit per (rule, field), in field order then position: each counts once. A match inside
 * a longer match of another rule ("Carter" in "Lord Carter") adds nothing of its own. Sorts
 * `hits` in place. The result is shared (or `hits` itself): read it before the next call.
 */
export function keepFirstHitPerRule(theme: ThemeDefinition, hits: RuleHit[]): readonly RuleHit[] {
  // One hit is its own first: the usual case, with no list to fill.
  if (hits.length <= 1) return hits;
  sortSmall(hits, byPosition);
  const firsts = FIRSTS;
  firsts.length = 0;
  // (rule, field) pairs seen, in one reused array cleared below: no Set per theme per story.
  if (seen.length < theme.rules.length * 4) seen = new Uint8Array(theme.rules.length * 4);
  let outer: RuleHit | null = null;
  for (const hit of hits) {
    const negative = theme.rules[hit.rule]!.role === 'negative';
    if (!negative) {
      const inside =
        outer !== null &&
        outer.field === hit.field &&
        outer.rule !== hit.rule &&
        hit.start >= outer.start &&
        hit.end <= outer.end;
      if (inside) continue;
      if (outer === null || outer.field !== hit.field || hit.end > outer.end) outer = hit;
    }
    const key = hit.rule * 4 + hit.order;
    if (seen[key] === 1) continue;
    seen[key] = 1;
    firsts.push(hit);
  }
  for (const hit of firsts) seen[hit.rule * 4 + hit.order] = 0;
  return firsts;
}

/** Whether a counting rule without context fired: its expansion is near, so acronyms count. */
export function hasUnconditionalHit(theme: ThemeDefinition, firsts: readonly RuleHit[]): boolean {
  for (const h of firsts) {
    const rule = theme.rules[h.rule]!;
    if (rule.role !== 'negative' && rule.context.length === 0 && fieldCounts(rule, h.field)) {
      return true;
    }
  }
  return false;
}

function byPosition(a: RuleHit, b: RuleHit): number {
  return (
    a.order - b.order ||
    a.start - b.start ||
    b.end - a.end ||
    b.weight - a.weight ||
    a.rule - b.rule
  );
}

/** Whether the rule counts matches in this field. */
export function fieldCounts(rule: ThemeRule, field: TextField): boolean {
  return rule.fields === null || rule.fields.includes(field);
}
