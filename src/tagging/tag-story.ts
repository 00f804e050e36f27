// tagStory: pure and deterministic. Scores every theme from the matches of its rules and returns
// the themes at or above their threshold, each with the evidence that put it there, plus the near
// misses (an acronym without context, a veto by a negative rule, a date outside the theme's
// window, a score below threshold) so `explain` can say why a theme was not given.
// Scoring: each rule counts once per field, weight x field weight (title > summary > content);
// an acronym or other context-bound rule counts fully only when a named context set matches in
// the title or summary or within `contextDistance` characters in the same field, or when another
// unconditional rule of the same theme fired (its expansion is near); otherwise it counts
// `withoutContext` x weight (default nothing). Organisation rules count the organisations the
// caller's one gazetteer scan found (story-organisations.ts); without that scan they never fire.
import type { Evidence, NearMiss, Tag, TagResult, TextField } from '../domain.js';
import type { ThemeDefinition, ThemeRule } from '../config/themes.js';
import { describeRule, type CompiledThemes, type MatchPayload } from './compile-themes.js';
import { collectFieldHits, type ContextPairs, type LazyContextHits } from './field-hits.js';
import type { PhraseHit } from './phrase-index.js';
import { snippet } from './snippet.js';
import type { RuleHit } from './organisation-rule-hits.js';
import type { StoryOrganisation } from './story-organisations.js';

export interface TaggableStory {
  title: string;
  summary: string;
  content?: string;
  publishedAt?: string | null;
}

export interface TagOptions {
  /** The story's theme-index hits per field (scan-story.ts), so the text is not scanned twice. */
  phraseHits?: readonly PhraseHit<MatchPayload>[][];
  /** False when only tags are wanted (polling): near misses and their evidence are skipped. */
  nearMisses?: boolean;
}

export function tagStory(
  story: TaggableStory,
  compiled: CompiledThemes,
  organisations: readonly StoryOrganisation[] = [],
  options: TagOptions = {},
): TagResult {
  const { ruleHits, contextHits } = collectFieldHits(
    story,
    compiled,
    organisations,
    options.phraseHits,
  );
  const wantNearMisses = options.nearMisses ?? true;

  const tags: Tag[] = [];
  const nearMisses: NearMiss[] = [];
  let vetoed = false;
  for (let t = 0; t < compiled.themes.length; t++) {
    const hits = ruleHits[t]!;
    if (hits.length === 0) continue;
    const theme = compiled.themes[t]!;
    const publishedAt = story.publishedAt ?? null;
    const decision = decideTheme(theme, hits, contextHits, compiled, publishedAt, wantNearMisses);
    if (decision === null) continue;
    if (decision.kind === 'tag') tags.push(decision.tag);
    else if (decision.kind === 'vetoed') vetoed = true;
    else nearMisses.push(decision.nearMiss);
  }
  tags.sort(byScoreThenTheme);
  nearMisses.sort(byScoreThenTheme);
  return vetoed ? { tags, nearMisses, vetoed } : { tags, nearMisses };
}

// Comparators live at the top level: a closure made per story costs an allocation (and, under
// tsx, a name-keeping wrapper) on the hot path (issue 18).
function byScoreThenTheme(a: Tag | NearMiss, b: Tag | NearMiss): number {
  return b.score - a.score || a.theme.localeCompare(b.theme);
}

function byFieldThenStart(a: Scored, b: Scored): number {
  return a.hit.order - b.hit.order || a.hit.start - b.hit.start;
}

type Decision =
  { kind: 'tag'; tag: Tag } | { kind: 'near-miss'; nearMiss: NearMiss } | { kind: 'vetoed' };
/** A veto without near misses: polling records only that it happened (TagResult.vetoed). */
const VETOED: Decision = { kind: 'vetoed' };

function decideTheme(
  theme: ThemeDefinition,
  hits: RuleHit[],
  contextHits: LazyContextHits,
  compiled: CompiledThemes,
  publishedAt: string | null,
  wantNearMisses: boolean,
): Decision | null {
  const firsts = keepFirstHitPerRule(theme, hits);
  const unconditionalFired = hasUnconditionalHit(theme, firsts);

  // Score first with plain numbers; build evidence (with snippets) only for what is returned.
  let score = 0;
  const counted: Scored[] = [];
  const withoutContext: Scored[] = [];
  const vetoes: Scored[] = [];
  let positive = false;
  for (const hit of firsts) {
    const rule = theme.rules[hit.rule]!;
    if (!fieldCounts(rule, hit.field)) continue;
    const fieldWeight = theme.fieldWeights[hit.field];
    if (rule.role === 'negative') {
      if (rule.veto) vetoes.push({ rule, hit, weight: 0 });
      else {
        const weight = round(rule.weight * fieldWeight);
        score += weight;
        counted.push({ rule, hit, weight });
      }
      continue;
    }
    const hasContext =
      rule.context.length === 0 ||
      unconditionalFired ||
      contextIsNear(rule, hit, contextHits.get(), compiled.contextDistance);
    const weight = round(rule.weight * fieldWeight * (hasContext ? 1 : rule.withoutContext));
    if (!hasContext) withoutContext.push({ rule, hit, weight });
    else if (weight !== 0) counted.push({ rule, hit, weight });
    if (weight > 0 || !hasContext) positive = true;
    score += weight;
  }
  score = round(score);
  if (!positive) return null;

  if (vetoes.length > 0) {
    if (!wantNearMisses) return VETOED;
    const rules = unique(vetoes.map((v) => describeRule(v.rule, v.hit.term)));
    return nearMiss(theme, score, `vetoed by ${rules.join(', ')}`, counted, withoutContext, vetoes);
  }
  if (score >= theme.threshold) {
    const outside = outsideWindow(theme, publishedAt);
    if (outside !== null && !wantNearMisses) return null;
    if (outside !== null) return nearMiss(theme, score, outside, counted, withoutContext, vetoes);
    const scored = counted;
    for (const w of withoutContext) if (w.weight !== 0) scored.push(w);
    scored.sort(byFieldThenStart);
    const evidence: Evidence[] = [];
    for (const s of scored) evidence.push(toEvidence(s));
    return { kind: 'tag', tag: { theme: theme.id, score, evidence } };
  }
  // Below threshold: worth explaining only when something real scored or an acronym lacked context.
  if (
    !wantNearMisses ||
    (score <= 0 &&
      !withoutContext.some((w) => w.rule.kind === 'acronym' || w.rule.role === 'alias'))
  ) {
    return null;
  }
  const reasons: string[] = [];
  if (withoutContext.length > 0) {
    const rules = unique(withoutContext.map((w) => describeRule(w.rule, w.hit.term)));
    reasons.push(`${rules.join(', ')} without context`);
  }
  reasons.push(`score ${score} below threshold ${theme.threshold}`);
  return nearMiss(theme, score, reasons.join('; '), counted, withoutContext, vetoes);
}

/** keepFirstHitPerRule's (rule * 4 + field order) marks, all 0 between calls. */
let seen = new Uint8Array(64);

/**
 * First hit per (rule, field), in field order then position: each counts once. A match inside
 * a longer match of another rule ("Carter" in "Lord Carter") adds nothing of its own. Sorts
 * `hits` in place.
 */
function keepFirstHitPerRule(theme: ThemeDefinition, hits: RuleHit[]): RuleHit[] {
  hits.sort(byPosition);
  const firsts: RuleHit[] = [];
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
function hasUnconditionalHit(theme: ThemeDefinition, firsts: readonly RuleHit[]): boolean {
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

interface Scored {
  rule: ThemeRule;
  hit: RuleHit;
  weight: number;
}

function nearMiss(
  theme: ThemeDefinition,
  score: number,
  reason: string,
  ...groups: Scored[][]
): Decision {
  const evidence = groups.flat().map(toEvidence);
  return { kind: 'near-miss', nearMiss: { theme: theme.id, score, reason, evidence } };
}

function outsideWindow(theme: ThemeDefinition, publishedAt: string | null): string | null {
  if (!theme.window || !publishedAt || !/^\d{4}-\d{2}-\d{2}/.test(publishedAt)) return null;
  const date = publishedAt.slice(0, 10);
  const { from, to } = theme.window;
  if ((from !== null && date < from) || (to !== null && date > to)) {
    return `published ${date}, outside the date window ${from ?? '…'} to ${to ?? '…'}`;
  }
  return null;
}

function fieldCounts(rule: ThemeRule, field: TextField): boolean {
  return rule.fields === null || rule.fields.includes(field);
}

function contextIsNear(
  rule: ThemeRule,
  hit: RuleHit,
  contextHits: Map<string, ContextPairs>,
  distance: number,
): boolean {
  for (const name of rule.context) {
    const pairs = contextHits.get(name);
    if (pairs === undefined) continue;
    for (let k = 0; k < pairs.length; k += 2) {
      const order = pairs[k]!;
      const start = pairs[k + 1]!;
      // A term is not its own context ("STP" is NHS context for other rules, not for itself).
      if (order === hit.order && start === hit.start) continue;
      // FIELDS order: 0 title, 1 summary.
      if (order <= 1) return true;
      if (order === hit.order && Math.abs(start - hit.start) <= distance) return true;
    }
  }
  return false;
}

function toEvidence({ rule, hit, weight }: Scored): Evidence {
  return {
    rule: describeRule(rule, hit.term),
    kind: rule.role === 'positive' ? rule.kind : rule.role,
    field: hit.field,
    match: hit.text.slice(hit.start, hit.end),
    context: snippet(hit.text, hit.start, hit.end),
    weight,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
