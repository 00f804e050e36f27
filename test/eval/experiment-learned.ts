// Issue 14 experiment (no product change): would a small learned scorer beside the rules hold better
// on headlines nobody tuned on? For each real batch group in the order collected (real-a..c, then
// real-d, -e, -f, -g, -h), a logistic regression (learned-model.ts) is trained ONLY on items that
// existed before the group was collected (the development set plus earlier real batches), and the
// group is scored three ways: (1) its frozen rules alone (rulesBeforeBatch: must reproduce the
// recorded held-out figure), (2) the model alone, (3) rules combined with the model:
//   tag = (rules says yes AND p >= low) OR p >= high,
// with per-theme `low`/`high` (and the model-alone threshold) chosen on earlier data only: a
// backtest over the earlier groups, each scored held-out by its own frozen rules and by the model
// trained before it; for the first group (nothing earlier) 5-fold cross-validation in the dev set.
// Deterministic. Run: node --import tsx test/eval/experiment-learned.ts
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { loadThemes } from '../../src/config/themes.js';
import { loadOrganisations } from '../../src/config/organisations.js';
import { compileThemes, type CompiledThemes } from '../../src/tagging/compile-themes.js';
import { annotateStory } from '../../src/tagging/annotate-story.js';
import { compileGazetteer, type Gazetteer } from '../../src/tagging/organisations.js';
import { rulesBeforeBatch } from './eval-pooled.js';
import { HELD_OUT_BATCHES, POOLED_ALL } from './eval-new-batch.js';
import {
  EVALUATED_THEMES,
  FIXTURES_DIR,
  evaluateTagging,
  loadDevSet,
  loadRealBatches,
  type LabelledStory,
} from './eval-tagging.js';
import {
  explainScore,
  extractFeatures,
  scoreItem,
  trainModels,
  type ThemeModel,
} from './learned-model.js';
import {
  chooseThresholds,
  countDisagreements,
  type Disagreement,
  formatTable,
  scoreMethod,
  sumCounts,
  type Counts,
  type Scored,
  type Thresholds,
} from './experiment-scoring.js';

const THEMES = EVALUATED_THEMES;
const GROUPS: ReadonlyArray<{ name: string; batches: string[] }> = [
  { name: 'real-a..c', batches: ['real-a.jsonl', 'real-a2.jsonl', 'real-b.jsonl', 'real-c.jsonl'] },
  ...['real-d', 'real-e', 'real-f', 'real-g', 'real-h'].map((n) => ({
    name: n,
    batches: [`${n}.jsonl`],
  })),
];

const gazetteer: Gazetteer = (() => {
  const orgs = loadOrganisations(join(FIXTURES_DIR, '../../../config/organisations.yaml'));
  if (!orgs.ok) throw new Error('experiment-learned: invalid organisations');
  return compileGazetteer(orgs.value);
})();
const compiledCache = new Map<string, CompiledThemes>();
function compiledRules(file: string): CompiledThemes {
  let c = compiledCache.get(file);
  if (!c) {
    const loaded = loadThemes(file);
    if (!loaded.ok) throw new Error(`experiment-learned: invalid rules ${file}`);
    c = compileThemes(loaded.value);
    compiledCache.set(file, c);
  }
  return c;
}

function rulesPredict(file: string, story: LabelledStory): Set<string> {
  const tags = annotateStory(story, compiledRules(file), gazetteer, 'tags-only').tags;
  return new Set(tags.map((t) => t.theme).filter((t) => (THEMES as readonly string[]).includes(t)));
}

function modelProbs(models: ThemeModel[], story: LabelledStory): Map<string, number> {
  const features = extractFeatures(story);
  return new Map(models.map((m) => [m.theme, scoreItem(m, features)]));
}

/** Every item of the group with its rules call (the group's own freeze) and model probabilities. */
function scoreGroup(batches: Map<string, LabelledStory[]>, names: string[], models: ThemeModel[]) {
  return names.flatMap((name) =>
    (batches.get(name) ?? []).map((story): Scored => ({
      story,
      rules: rulesPredict(rulesBeforeBatch(name), story),
      probs: modelProbs(models, story),
    })),
  );
}

/** 5-fold cross-validation inside the dev set (fold = position mod 5), rules given: the first group's calibration. */
function crossValidateDev(dev: LabelledStory[], rules: string): Scored[] {
  const out: Scored[] = [];
  for (let fold = 0; fold < 5; fold++) {
    const models = trainModels(
      dev.filter((_, i) => i % 5 !== fold),
      THEMES,
    );
    dev.forEach((story, i) => {
      if (i % 5 === fold)
        out.push({ story, rules: rulesPredict(rules, story), probs: modelProbs(models, story) });
    });
  }
  return out;
}

function main(): void {
  const batches = loadRealBatches();
  const realIds = new Set([...batches.values()].flat().map((s) => s.id));
  const dev = loadDevSet().filter((s) => !realIds.has(s.id));
  const scoredGroups: Scored[][] = [];
  const totals: Record<'rules' | 'model' | 'combined' | 'oracle', Counts[]> = {
    rules: [],
    model: [],
    combined: [],
    oracle: [],
  };
  const lines: string[] = [];
  const disagreements: Disagreement[] = [];
  for (const [k, group] of GROUPS.entries()) {
    const earlier = GROUPS.slice(0, k).flatMap((g) => g.batches.flatMap((b) => batches.get(b)!));
    const train = [...dev, ...earlier];
    const models = trainModels(train, THEMES);
    const scored = scoreGroup(batches, group.batches, models);
    const calibration =
      k === 0 ? crossValidateDev(dev, rulesBeforeBatch(group.batches[0]!)) : scoredGroups.flat();
    scoredGroups.push(scored);
    const thresholds: Thresholds = chooseThresholds(calibration, THEMES);
    const rules = scoreMethod(scored, THEMES, (s, t) => s.rules.has(t));
    const model = scoreMethod(scored, THEMES, (s, t) => s.probs.get(t)! >= thresholds.model[t]!);
    const combined = scoreMethod(scored, THEMES, (s, t) => {
      const p = s.probs.get(t)!;
      const c = thresholds.combined[t]!;
      return (s.rules.has(t) && p >= c.low) || p >= c.high;
    });
    // An upper bound, NOT held out: the same combination with thresholds fit on the batch itself.
    const fit = chooseThresholds(scored, THEMES).combined;
    const oracle = scoreMethod(scored, THEMES, (s, t) => {
      const p = s.probs.get(t)!;
      return (s.rules.has(t) && p >= fit[t]!.low) || p >= fit[t]!.high;
    });
    totals.oracle.push(oracle);
    if (k > 0) disagreements.push(countDisagreements(scored, THEMES, thresholds.model));
    totals.rules.push(rules);
    totals.model.push(model);
    totals.combined.push(combined);
    lines.push(
      `\n## ${group.name}: ${scored.length} items; trained on ${train.length} earlier items`,
    );
    lines.push(checkRecorded(group.batches, batches, rules.macro));
    lines.push(
      `calibrated on ${calibration.length} ${k === 0 ? 'dev items (5-fold CV)' : 'earlier real items (backtest)'}; thresholds ${describe(thresholds)}`,
    );
    lines.push(formatTable({ rules, model, combined, 'fit on batch (bound)': oracle }, THEMES));
    if (k === GROUPS.length - 1) lines.push(formatChangedCalls(scored, thresholds, models));
  }
  const pooled = {
    rules: sumCounts(totals.rules, THEMES),
    model: sumCounts(totals.model, THEMES),
    combined: sumCounts(totals.combined, THEMES),
    'fit on batch (bound)': sumCounts(totals.oracle, THEMES),
  };
  const pooledDToH = {
    rules: sumCounts(totals.rules.slice(1), THEMES),
    model: sumCounts(totals.model.slice(1), THEMES),
    combined: sumCounts(totals.combined.slice(1), THEMES),
    'fit on batch (bound)': sumCounts(totals.oracle.slice(1), THEMES),
  };
  console.log('# Learned scorer beside the rules: held-out per batch (issue 14 experiment)');
  console.log(lines.join('\n'));
  console.log(
    `\n## Pooled, every group (counts summed); recorded rules figure ${POOLED_ALL.record.macroF1}`,
  );
  console.log(formatTable(pooled, THEMES));
  console.log('\n## Pooled real-d..h only (groups calibrated by backtest)');
  console.log(formatTable(pooledDToH, THEMES));
  console.log(formatDisagreements(disagreements));
  console.log(measureCost(batches, dev));
}

function checkRecorded(
  names: string[],
  batches: Map<string, LabelledStory[]>,
  macro: number,
): string {
  const stories = names.flatMap((n) => batches.get(n)!);
  const evaluator = evaluateTagging(rulesBeforeBatch(names[0]!), stories).macroF1;
  const recorded = HELD_OUT_BATCHES.find((h) => names.length === 1 && h.batch === names[0]);
  const same = Math.abs(evaluator - macro) < 1e-12;
  return (
    `check: rules alone ${macro.toFixed(3)}; evaluateTagging ${evaluator.toFixed(3)} (${same ? 'same' : 'DIFFERENT'})` +
    (recorded ? `; recorded held-out ${recorded.record.macroF1.toFixed(3)}` : '; section (a) group')
  );
}

/** Where the combination overrode the rules, with the words that drove the learned call. */
function formatChangedCalls(scored: Scored[], t: Thresholds, models: ThemeModel[]): string {
  const out = ['\nCalls the combination changed (evidence: the three heaviest features):'];
  for (const s of scored) {
    for (const m of models) {
      const p = s.probs.get(m.theme)!;
      const c = t.combined[m.theme]!;
      const combined = (s.rules.has(m.theme) && p >= c.low) || p >= c.high;
      if (combined === s.rules.has(m.theme)) continue;
      const right = combined === s.story.labels.includes(m.theme);
      const why = explainScore(m, extractFeatures(s.story))
        .map(([f, w]) => `"${f}" ${w.toFixed(2)}`)
        .join(', ');
      out.push(
        `- ${s.story.id} ${combined ? '+' : '-'}${m.theme} p=${p.toFixed(2)} ` +
          `${right ? 'right' : 'WRONG'}: ${why}`,
      );
    }
  }
  return out.join('\n');
}

function formatDisagreements(parts: Disagreement[]): string {
  const sum = (k: keyof Disagreement) => parts.reduce((n, d) => n + d[k], 0);
  return (
    `\n## The model as a reviewer's aid, real-d..h (item-theme pairs)\n` +
    `rules wrong on ${sum('rulesErrors')} of ${sum('pairs')} pairs; the model disagrees with ` +
    `the rules on ${sum('flagged')}, of which the rules were wrong on ${sum('rulesWrong')}`
  );
}

function describe(t: Thresholds): string {
  const fmt = (x: number) => (x === Infinity ? 'never' : x.toFixed(2));
  return THEMES.map((th) => {
    const c = t.combined[th]!;
    return `${th} model>=${fmt(t.model[th]!)} comb(low ${fmt(c.low)}, high ${fmt(c.high)})`;
  }).join('; ');
}

/** Rough per-story cost, side by side in one run: the rules' annotateStory vs features + 5 scores. */
function measureCost(batches: Map<string, LabelledStory[]>, dev: LabelledStory[]): string {
  const stories = [...batches.values()].flat();
  const models = trainModels([...dev, ...stories], THEMES);
  const rulesFile = HELD_OUT_BATCHES.at(-1)!.rules;
  const time = (f: (s: LabelledStory) => unknown): number => {
    const start = performance.now();
    for (let r = 0; r < 5; r++) for (const s of stories) f(s);
    return ((performance.now() - start) * 1000) / (5 * stories.length);
  };
  time((s) => rulesPredict(rulesFile, s));
  const rulesUs = time((s) => rulesPredict(rulesFile, s));
  const modelUs = time((s) => modelProbs(models, s));
  const weights = models.reduce((n, m) => n + m.weights.size, 0);
  const start = performance.now();
  trainModels([...dev, ...stories], THEMES);
  const trainMs = performance.now() - start;
  return (
    `\n## Cost (rough, machine under load; ratios matter)\n` +
    `rules annotateStory ${rulesUs.toFixed(1)} µs/story; model features + 5 scores ` +
    `${modelUs.toFixed(1)} µs/story (${(modelUs / rulesUs).toFixed(2)}x the rules); ` +
    `training on all ${dev.length + stories.length} items ${trainMs.toFixed(0)} ms; ${weights} weights`
  );
}

main();
