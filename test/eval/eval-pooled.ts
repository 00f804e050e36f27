// The pooled held-out figure (issue 14): every real batch scored with the rules that stood before
// anyone tuned on it, the counts summed across batches, then precision, recall and F1 per theme
// taken from the summed counts. A batch listed in HELD_OUT_BATCHES uses the rules frozen for it;
// the earlier ones (real-a, real-a2, real-b, real-c) use the round-5 freeze, as section (a) does.
// Different batches therefore use different rules files, which is why this cannot be one
// evaluateTagging call: it pools Evaluations instead. Pure arithmetic on the eval types.
import {
  FROZEN_RULES,
  evaluateTagging,
  isVacuous,
  loadRealBatches,
  type Evaluation,
  type LabelledStory,
  type ThemeScore,
} from './eval-tagging.js';
import { HELD_OUT_BATCHES } from './eval-new-batch.js';

/** The rules each real batch was first held out against (round 5 for the batches before real-d). */
export function rulesBeforeBatch(batch: string): string {
  return HELD_OUT_BATCHES.find((h) => h.batch === batch)?.rules ?? FROZEN_RULES;
}

/** Every real batch evaluated with the rules that preceded it, then pooled (see the header). */
export function evaluateAllHeldOut(
  batches: Map<string, LabelledStory[]> = loadRealBatches(),
  themeIds?: readonly string[],
): Evaluation {
  const evaluations = [...batches].map(([name, stories]) =>
    evaluateTagging(rulesBeforeBatch(name), stories, themeIds),
  );
  return poolEvaluations(evaluations);
}

/** Sums the counts of several evaluations over the same themes and recomputes the scores. */
export function poolEvaluations(evaluations: readonly Evaluation[]): Evaluation {
  const first = evaluations[0];
  if (!first) throw new Error('eval-pooled: nothing to pool');
  const themes: ThemeScore[] = first.themes.map(({ theme }) => {
    const parts = evaluations.map((e) => e.themes.find((s) => s.theme === theme)!);
    return score(
      theme,
      parts.reduce((n, s) => n + s.truePositives, 0),
      parts.flatMap((s) => s.falsePositives),
      parts.flatMap((s) => s.falseNegatives),
    );
  });
  const informative = themes.filter((s) => !isVacuous(s));
  return {
    items: evaluations.reduce((n, e) => n + e.items, 0),
    withoutFiveThemes: evaluations.reduce((n, e) => n + e.withoutFiveThemes, 0),
    themes,
    macroF1:
      informative.length === 0
        ? 1
        : informative.reduce((sum, s) => sum + s.f1, 0) / informative.length,
    traps: evaluations.flatMap((e) => e.traps),
    rulesVersion: [...new Set(evaluations.map((e) => e.rulesVersion))].join('+'),
  };
}

// The same arithmetic as evaluateTagging (1.0 for an empty ratio, 0 F1 when both are 0), so a pool of one
// batch reproduces that batch's figure exactly.
function score(theme: string, tp: number, fps: string[], fns: string[]): ThemeScore {
  const precision = ratio(tp, tp + fps.length);
  const recall = ratio(tp, tp + fns.length);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    theme,
    truePositives: tp,
    falsePositives: fps,
    falseNegatives: fns,
    precision,
    recall,
    f1,
  };
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}
