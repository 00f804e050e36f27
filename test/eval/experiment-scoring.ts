// Scoring arithmetic for the learned-scorer experiment (experiment-learned.ts): per-theme counts
// for a tagging method, pooling by summed counts, threshold choice on calibration items only, and
// a compact Markdown table. F1 follows evaluateTagging (an empty ratio is 1, F1 is 0 when
// precision and recall are both 0, a theme with no positive and no false call is left out of the
// macro figure) so the rules-alone column reproduces the recorded held-out figures. Pure.
import type { LabelledStory } from './eval-tagging.js';

export interface Scored {
  story: LabelledStory;
  /** The five-theme tags the frozen rules gave. */
  rules: Set<string>;
  /** The model's probability per theme. */
  probs: Map<string, number>;
}

export interface Counts {
  themes: Map<string, { tp: number; fp: number; fn: number }>;
  trapsOk: number;
  traps: number;
  macro: number;
}

export interface Thresholds {
  model: Record<string, number>;
  combined: Record<string, { low: number; high: number }>;
}

type Predict = (s: Scored, theme: string) => boolean;

export function scoreMethod(
  items: readonly Scored[],
  themes: readonly string[],
  predict: Predict,
): Counts {
  const counts = new Map(themes.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  let trapsOk = 0;
  let traps = 0;
  for (const s of items) {
    let allRight = true;
    for (const t of themes) {
      const p = predict(s, t);
      const e = s.story.labels.includes(t);
      const c = counts.get(t)!;
      if (p && e) c.tp++;
      else if (p) c.fp++;
      else if (e) c.fn++;
      if (p !== e) allRight = false;
    }
    if (s.story.trap) {
      traps++;
      if (allRight) trapsOk++;
    }
  }
  return { themes: counts, trapsOk, traps, macro: macroF1(counts) };
}

export function sumCounts(parts: readonly Counts[], themes: readonly string[]): Counts {
  const counts = new Map(
    themes.map((t) => [
      t,
      {
        tp: parts.reduce((n, p) => n + p.themes.get(t)!.tp, 0),
        fp: parts.reduce((n, p) => n + p.themes.get(t)!.fp, 0),
        fn: parts.reduce((n, p) => n + p.themes.get(t)!.fn, 0),
      },
    ]),
  );
  return {
    themes: counts,
    trapsOk: parts.reduce((n, p) => n + p.trapsOk, 0),
    traps: parts.reduce((n, p) => n + p.traps, 0),
    macro: macroF1(counts),
  };
}

export function f1(c: { tp: number; fp: number; fn: number }): number {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function macroF1(counts: Map<string, { tp: number; fp: number; fn: number }>): number {
  const informative = [...counts.values()].filter((c) => c.tp + c.fp + c.fn > 0);
  return informative.length === 0
    ? 1
    : informative.reduce((sum, c) => sum + f1(c), 0) / informative.length;
}

const MODEL_GRID = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
// Ordered least-intervention first: a later setting must be strictly better to replace an earlier
// one, so with no evidence either way the combination stays the plain rules (low 0, high never).
const HIGH_GRID = [Infinity, 0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5];
const LOW_GRID = [0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3];

/** Per theme, the thresholds that maximise F1 on the calibration items (never the batch scored). */
export function chooseThresholds(items: readonly Scored[], themes: readonly string[]): Thresholds {
  const model: Record<string, number> = {};
  const combined: Record<string, { low: number; high: number }> = {};
  for (const t of themes) {
    const labelled = items.map((s) => ({
      e: s.story.labels.includes(t),
      r: s.rules.has(t),
      p: s.probs.get(t)!,
    }));
    const f1Of = (predict: (x: (typeof labelled)[number]) => boolean) => {
      const c = { tp: 0, fp: 0, fn: 0 };
      for (const x of labelled) {
        const p = predict(x);
        if (p && x.e) c.tp++;
        else if (p) c.fp++;
        else if (x.e) c.fn++;
      }
      return f1(c);
    };
    let best = -1;
    for (const th of MODEL_GRID) {
      const score = f1Of((x) => x.p >= th);
      if (score > best) [best, model[t]] = [score, th];
    }
    best = -1;
    for (const high of HIGH_GRID) {
      for (const low of LOW_GRID) {
        const score = f1Of((x) => (x.r && x.p >= low) || x.p >= high);
        if (score > best + 1e-12) [best, combined[t]] = [score, { low, high }];
      }
    }
  }
  return { model, combined };
}

/** Rows: theme F1 (tp/fp/fn) for each method, then macro and traps. */
export function formatTable(methods: Record<string, Counts>, themes: readonly string[]): string {
  const names = Object.keys(methods);
  const out = [`| theme | ${names.join(' | ')} |`, `|---|${names.map(() => '---').join('|')}|`];
  for (const t of themes) {
    const cells = names.map((n) => {
      const c = methods[n]!.themes.get(t)!;
      return `${f1(c).toFixed(3)} (${c.tp}/${c.fp}/${c.fn})`;
    });
    out.push(`| ${t} | ${cells.join(' | ')} |`);
  }
  out.push(`| **macro** | ${names.map((n) => methods[n]!.macro.toFixed(3)).join(' | ')} |`);
  out.push(
    `| traps | ${names.map((n) => `${methods[n]!.trapsOk}/${methods[n]!.traps}`).join(' | ')} |`,
  );
  return out.join('\n') + '\n(cells: F1 (tp/fp/fn))';
}

export interface Disagreement {
  /** Item-theme pairs where the model (at its chosen threshold) and the rules differ. */
  flagged: number;
  /** Of those, how many the rules had wrong (so the model was right). */
  rulesWrong: number;
  /** Every item-theme pair the rules had wrong. */
  rulesErrors: number;
  pairs: number;
}

/** The model as a reviewer's aid: how many of the rules' held-out errors its disagreements point at. */
export function countDisagreements(
  items: readonly Scored[],
  themes: readonly string[],
  thresholds: Record<string, number>,
): Disagreement {
  const d = { flagged: 0, rulesWrong: 0, rulesErrors: 0, pairs: 0 };
  for (const s of items) {
    for (const t of themes) {
      const r = s.rules.has(t);
      const wrong = r !== s.story.labels.includes(t);
      d.pairs++;
      if (wrong) d.rulesErrors++;
      if (s.probs.get(t)! >= thresholds[t]! !== r) {
        d.flagged++;
        if (wrong) d.rulesWrong++;
      }
    }
  }
  return d;
}
