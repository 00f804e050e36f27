// The held-out figures for the fresh real batches (issue 14): each batch was collected after the
// rules were last tuned and scored ONCE with the rules as they stood, before anyone tuned on it.
// Those rules are frozen next to the fixtures (rules-before-<batch>.yaml) so each figure can be
// re-computed at any time; `npm run eval:tagging` prints one section per batch after (a), and
// section (b) shows the same batches with the current, since-tuned rules.
// The per-batch records (the figures each batch scored when first scored) live in
// held-out-batches.ts.
import { formatEvaluation } from './eval-report.js';
import { evaluateAllHeldOut, rulesBeforeBatch } from './eval-pooled.js';
// A cycle (eval-tagging prints these sections): only use these inside functions.
import {
  EXTRA_THEMES,
  HELD_OUT_TARGETS,
  evaluateTagging,
  loadRealBatches,
  type LabelledStory,
} from './eval-tagging.js';
import { HELD_OUT_BATCHES, frozen, type HeldOutBatch } from './held-out-batches.js';

export { HELD_OUT_BATCHES, type HeldOutBatch };

/** Held-out batches scored with the same frozen rules, pooled for a figure with enough positives. */
export interface HeldOutPool {
  batches: readonly string[];
  rules: string;
  record: HeldOutBatch['record'];
  title: string;
}

export const HELD_OUT_POOLS: readonly HeldOutPool[] = [
  {
    batches: ['real-f.jsonl', 'real-g.jsonl'],
    rules: frozen('rules-before-real-f.yaml'),
    record: {
      scoredOn: '2026-12-03',
      commit: 'b182f08',
      rulesVersion: '0fbeeb798356',
      macroF1: 0.848,
    },
    title: '(a6) HELD-OUT, pooled real-f + real-g against round 7',
  },
];

/** Every real batch against the rules that preceded it, pooled (eval-pooled.ts). */
export const POOLED_ALL = {
  record: {
    scoredOn: '2026-12-05',
    // real-p (evalp) and real-q (evalq), both against round 15, merged by the lead: 2,069 items,
    // 0.853 at 8165d4c. real-r (evalr, labels 9193b68) and real-s (evals, labels c7f03f4), both
    // against round 16, merged by the lead: 2,268 items, 0.848. real-t (evalt, labels bfaa7f8,
    // items of 2014-2019) and real-u (evalu, labels fd01fb4, items of 2020-2026), both against
    // round 17, merged by the lead: 2,446 items, 0.847.
    commit: 'fd01fb4',
    rulesVersion:
      'a6e0b9ef5e28+7683ee9fcda7+5a28a3ec8411+0fbeeb798356+dcca92eeffb9+f3c55695af9c+553c406a8cdf+e59c86933f57+15604e2b2ce9+b6e40be13052+81242486e5e9+93579f5fe45e+e2d507ce3589+5a39f80b8835',
    macroF1: 0.847,
  },
  title: '(a8) HELD-OUT, pooled: every real batch against the rules that preceded it',
} as const;

// The first held-out batch under its original names (test/tagging/eval.test.ts uses them).
const first = HELD_OUT_BATCHES[0]!;
export const NEW_BATCH = first.batch;
export const NEW_BATCH_RULES = first.rules;
export const NEW_BATCH_RECORD = first.record;
export const NEW_BATCH_TITLE = first.title;

/** One section per held-out batch, then each pool: the rules frozen before they were tuned on. */
export function formatNewBatchSection(): string {
  const batches = loadRealBatches();
  const single = HELD_OUT_BATCHES.map((h) => {
    const batch = batches.get(h.batch);
    return batch ? formatHeldOut(h.title, h.rules, h.record, batch, h.batch) : '';
  });
  const pooled = HELD_OUT_POOLS.map((p) => {
    const stories = p.batches.flatMap((name) => batches.get(name) ?? []);
    return stories.length === 0
      ? ''
      : formatHeldOut(p.title, p.rules, p.record, stories, p.batches.join(' + '));
  });
  return [...single, ...pooled, formatPooledAll(batches)].join('\n');
}

function formatPooledAll(batches: Map<string, LabelledStory[]>): string {
  const r = POOLED_ALL.record;
  const names = [...batches.keys()].map((b) => `${b} (${rulesBeforeBatch(b).split('/').pop()})`);
  return [
    `\n## ${POOLED_ALL.title}: each batch scored with its own freeze, counts summed\n`,
    `First computed ${r.scoredOn} at commit ${r.commit}: macro F1 ${r.macroF1.toFixed(3)}. ` +
      `Recomputed now from ${names.join(', ')}:\n`,
    formatEvaluation(evaluateAllHeldOut(batches), { targets: HELD_OUT_TARGETS }),
    `\n### The six extra themes, pooled the same way\n`,
    formatEvaluation(evaluateAllHeldOut(batches, EXTRA_THEMES), { targets: null, traps: false }),
  ].join('\n');
}

function formatHeldOut(
  title: string,
  rules: string,
  r: HeldOutBatch['record'],
  stories: LabelledStory[],
  name: string,
): string {
  return [
    `\n## ${title}: rules frozen when it was first scored, never tuned on\n`,
    `First scored ${r.scoredOn} at commit ${r.commit} (rules ${r.rulesVersion}): macro F1 ` +
      `${r.macroF1.toFixed(3)}. Recomputed now from ${rules.split('/').pop()}:\n`,
    formatEvaluation(evaluateTagging(rules, stories), { targets: HELD_OUT_TARGETS }),
    `\n### The six extra themes on ${name} alone\n`,
    formatEvaluation(evaluateTagging(rules, stories, EXTRA_THEMES), {
      targets: null,
      traps: false,
    }),
  ].join('\n');
}
