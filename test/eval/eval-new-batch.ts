// The held-out figures for the fresh real batches (issue 14): each batch was collected after the
// rules were last tuned and scored ONCE with the rules as they stood, before anyone tuned on it.
// Those rules are frozen next to the fixtures (rules-before-<batch>.yaml) so each figure can be
// re-computed at any time; `npm run eval:tagging` prints one section per batch after (a), and
// section (b) shows the same batches with the current, since-tuned rules.
//
// real-d.jsonl (evald): first scored 2026-12-03, commit 4d82ae8, rules 7683ee9fcda7, never tuned
//   on: 229 items; macro F1 0.864 (carter 0.982, stp 0.811, mcp 0.841, procurement 0.939,
//   covid_cip 0.744); traps 65/83; six extra themes macro 0.799.
// real-e.jsonl (evale): first scored 2026-12-03, commit 546a9e6, rules 5a28a3ec8411, never tuned
//   on: 160 items; macro F1 0.878 (carter 1.000, stp 0.850, mcp 0.938, procurement 0.900,
//   covid_cip 0.700); traps 29/37; six extra themes macro 0.795.
// real-f.jsonl (evalf): first scored 2026-12-03, commit d683035, rules 0fbeeb798356, never tuned
//   on: 92 items (short of the 120 asked: the pages corpus is largely used up); macro F1 0.867
//   (carter 1.000, stp 1.000, mcp 0.963, procurement 0.973, covid_cip 0.400 on only 4 positives);
//   traps 6/6; six extra themes macro 0.818.
import { fileURLToPath } from 'node:url';
import { formatEvaluation } from './eval-report.js';
// A cycle (eval-tagging prints these sections): only use these inside functions.
import { EXTRA_THEMES, TARGETS, evaluateTagging, loadRealBatches } from './eval-tagging.js';

export interface HeldOutBatch {
  /** The batch file in test/fixtures/tagging. */
  batch: string;
  /** The rules frozen the day it was first scored (never edited). */
  rules: string;
  /** What those rules scored on the batch that day (see the header). */
  record: { scoredOn: string; commit: string; rulesVersion: string; macroF1: number };
  title: string;
}

const frozen = (file: string): string =>
  fileURLToPath(new URL(`../fixtures/tagging/${file}`, import.meta.url));

export const HELD_OUT_BATCHES: readonly HeldOutBatch[] = [
  {
    batch: 'real-d.jsonl',
    rules: frozen('rules-before-real-d.yaml'),
    record: {
      scoredOn: '2026-12-03',
      commit: '4d82ae8',
      rulesVersion: '7683ee9fcda7',
      macroF1: 0.864,
    },
    title: '(a2) HELD-OUT, new batch real-d.jsonl',
  },
  {
    batch: 'real-e.jsonl',
    rules: frozen('rules-before-real-e.yaml'),
    record: {
      scoredOn: '2026-12-03',
      commit: '546a9e6',
      rulesVersion: '5a28a3ec8411',
      macroF1: 0.878,
    },
    title: '(a3) HELD-OUT, new batch real-e.jsonl',
  },
  {
    batch: 'real-f.jsonl',
    rules: frozen('rules-before-real-f.yaml'),
    record: {
      scoredOn: '2026-12-03',
      commit: 'd683035',
      rulesVersion: '0fbeeb798356',
      macroF1: 0.867,
    },
    title: '(a4) HELD-OUT, new batch real-f.jsonl',
  },
];

// The first held-out batch under its original names (test/tagging/eval.test.ts uses them).
const first = HELD_OUT_BATCHES[0]!;
export const NEW_BATCH = first.batch;
export const NEW_BATCH_RULES = first.rules;
export const NEW_BATCH_RECORD = first.record;
export const NEW_BATCH_TITLE = first.title;

/** One section per held-out batch: the batch scored with the rules frozen before it was tuned on. */
export function formatNewBatchSection(): string {
  const batches = loadRealBatches();
  return HELD_OUT_BATCHES.map((h) => {
    const batch = batches.get(h.batch);
    if (!batch) return '';
    const r = h.record;
    return [
      `\n## ${h.title}: rules frozen when it was first scored, never tuned on\n`,
      `First scored ${r.scoredOn} at commit ${r.commit} (rules ${r.rulesVersion}): macro F1 ` +
        `${r.macroF1.toFixed(3)}. Recomputed now from ${h.rules.split('/').pop()}:\n`,
      formatEvaluation(evaluateTagging(h.rules, batch), { targets: TARGETS }),
      `\n### The six extra themes on ${h.batch} alone\n`,
      formatEvaluation(evaluateTagging(h.rules, batch, EXTRA_THEMES), {
        targets: null,
        traps: false,
      }),
    ].join('\n');
  }).join('\n');
}
