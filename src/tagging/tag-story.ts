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
import type { Evidence, NearMiss, Tag, TagResult } from '../domain.js';
import type { ThemeDefinition, ThemeRule } from '../config/themes.js';
import { describeRule, type CompiledThemes, type MatchPayload } from './compile-themes.js';
import { collectFieldHits, type ContextHits } from './field-hits.js';
import type { PhraseHit } from './phrase-index.js';
import { snippet } from './snippet.js';
import { fieldCounts, hasUnconditionalHit, keepFirstHitPerRule } from './first-hits.js';
import type { RuleHit } from './organisation-rule-hits.js';
import type { StoryOrganisation } from './story-organisations.js';
import { sortSmall } from './sort-small.js';

export interface TaggableStory {
  title: string;
  summary: string;
  content?: string;
  publishedAt?: string | null;
}

export interface TagOptions {
  /** The story's theme-index hits per field (scan-story.ts), so the text is not scanned twice. */
  phraseHits?: readonly (readonly PhraseHit<MatchPayload>[])[];
  /** The same scan's context hits, when it kept them out of `phraseHits` (scan-story.ts). */
  contextHits?: ContextHits;
  /** The same scan's rule-term hits per theme, when it kept them out of `phraseHits`. */
  ruleHits?: RuleHit[][];
  /** The same scan's word check per field (StoryScan.asciiWords), for regexes' needed words. */
  asciiWords?: readonly boolean[];
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
    options.contextHits,
    options.ruleHits,
    options.asciiWords,
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
    const decision = decideTheme(
      theme,
      t,
      hits,
      contextHits,
      compiled,
      publishedAt,
      wantNearMisses,
    );
    if (decision === null) continue;
    if (decision.kind === 'tag') tags.push(decision.tag);
    else if (decision.kind === 'vetoed') vetoed = true;
    else nearMisses.push(decision.nearMiss);
  }
  sortSmall(tags, byScoreThenTheme);
  sortSmall(nearMisses, byScoreThenTheme);
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

/** What one first hit did to its theme's score (decideTheme). */
const SKIPPED = 0;
const VETO = 1;
const COUNTED = 2;
const NO_CONTEXT = 3;
const ZERO = 4;
/** Per first hit: its effect and weight, in arrays reused by every call (no object per hit). */
let effects = new Uint8Array(64);
let weights = new Float64Array(64);

function decideTheme(
  theme: ThemeDefinition,
  t: number,
  hits: RuleHit[],
  contextHits: ContextHits,
  compiled: CompiledThemes,
  publishedAt: string | null,
  wantNearMisses: boolean,
): Decision | null {
  const firsts = keepFirstHitPerRule(theme, hits);
  const unconditionalFired = hasUnconditionalHit(theme, firsts);
  if (effects.length < firsts.length) {
    effects = new Uint8Array(firsts.length * 2);
    weights = new Float64Array(firsts.length * 2);
  }
  // Score first with plain numbers; build evidence (with snippets) only for what is returned.
  let score = 0;
  let vetoed = false;
  let positive = false;
  for (let i = 0; i < firsts.length; i++) {
    const hit = firsts[i]!;
    const rule = theme.rules[hit.rule]!;
    effects[i] = SKIPPED;
    if (!fieldCounts(rule, hit.field)) continue;
    const fieldWeight = theme.fieldWeights[hit.field];
    if (rule.role === 'negative') {
      if (rule.veto) {
        effects[i] = VETO;
        weights[i] = 0;
        vetoed = true;
      } else {
        const weight = round(rule.weight * fieldWeight);
        score += weight;
        effects[i] = COUNTED;
        weights[i] = weight;
      }
      continue;
    }
    const hasContext =
      rule.context.length === 0 ||
      unconditionalFired ||
      contextIsNear(compiled.ruleContexts[t]![hit.rule]!, hit, contextHits, compiled);
    const weight = round(rule.weight * fieldWeight * (hasContext ? 1 : rule.withoutContext));
    effects[i] = !hasContext ? NO_CONTEXT : weight !== 0 ? COUNTED : ZERO;
    weights[i] = weight;
    if (weight > 0 || !hasContext) positive = true;
    score += weight;
  }
  score = round(score);
  if (!positive) return null;
  if (vetoed && !wantNearMisses) return VETOED;
  const outside = score >= theme.threshold ? outsideWindow(theme, publishedAt) : null;
  if (!vetoed && score >= theme.threshold && outside === null) {
    const scored = scoredOf(theme, firsts, COUNTED);
    for (const w of scoredOf(theme, firsts, NO_CONTEXT)) if (w.weight !== 0) scored.push(w);
    sortSmall(scored, byFieldThenStart);
    const evidence: Evidence[] = [];
    for (const s of scored) evidence.push(toEvidence(s));
    return { kind: 'tag', tag: { theme: theme.id, score, evidence } };
  }
  return wantNearMisses ? explainMiss(theme, firsts, score, vetoed, outside) : null;
}

/** The near miss for a theme not given (vetoed, outside its window, below threshold), or null. */
function explainMiss(
  theme: ThemeDefinition,
  firsts: readonly RuleHit[],
  score: number,
  vetoed: boolean,
  outside: string | null,
): Decision | null {
  const counted = scoredOf(theme, firsts, COUNTED);
  const withoutContext = scoredOf(theme, firsts, NO_CONTEXT);
  const vetoes = scoredOf(theme, firsts, VETO);
  if (vetoed) {
    const rules = unique(vetoes.map((v) => describeRule(v.rule, v.hit.term)));
    return nearMiss(theme, score, `vetoed by ${rules.join(', ')}`, counted, withoutContext, vetoes);
  }
  if (outside !== null) return nearMiss(theme, score, outside, counted, withoutContext, vetoes);
  // Below threshold: worth explaining only when something real scored or an acronym lacked context.
  if (
    score <= 0 &&
    !withoutContext.some((w) => w.rule.kind === 'acronym' || w.rule.role === 'alias')
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

/** The first hits with one effect, in order, as scored evidence to build. */
function scoredOf(theme: ThemeDefinition, firsts: readonly RuleHit[], effect: number): Scored[] {
  const out: Scored[] = [];
  for (let i = 0; i < firsts.length; i++) {
    if (effects[i] !== effect) continue;
    const hit = firsts[i]!;
    out.push({ rule: theme.rules[hit.rule]!, hit, weight: weights[i]! });
  }
  return out;
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

/** Made once: a regex literal in the function made a new RegExp at every call (issue 18, tag5). */
const ISO_DATE_START = /^\d{4}-\d{2}-\d{2}/;

function outsideWindow(theme: ThemeDefinition, publishedAt: string | null): string | null {
  if (!theme.window || !publishedAt || !ISO_DATE_START.test(publishedAt)) return null;
  const date = publishedAt.slice(0, 10);
  const { from, to } = theme.window;
  if ((from !== null && date < from) || (to !== null && date > to)) {
    return `published ${date}, outside the date window ${from ?? '…'} to ${to ?? '…'}`;
  }
  return null;
}

/** Whether a context term of one of `sets` is near the hit (see the header). */
function contextIsNear(
  sets: readonly number[],
  hit: RuleHit,
  contextHits: ContextHits,
  compiled: CompiledThemes,
): boolean {
  const data = contextHits.data;
  const end = contextHits.count * 3;
  for (const set of sets) {
    for (let k = 0; k < end; k += 3) {
      if (data[k] !== set) continue;
      const order = data[k + 1]!;
      const start = data[k + 2]!;
      // A term is not its own context ("STP" is NHS context for other rules, not for itself).
      if (order === hit.order && start === hit.start) continue;
      // FIELDS order: 0 title, 1 summary.
      if (order <= 1) return true;
      if (order === hit.order && Math.abs(start - hit.start) <= compiled.contextDistance) {
        return true;
      }
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
