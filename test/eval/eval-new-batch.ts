// The held-out figure for real-d.jsonl (issue 14, evald): the batch was collected after round 5
// and scored ONCE with the rules as they stood, before anyone tuned on it. Those rules are frozen
// in test/fixtures/tagging/rules-before-real-d.yaml so the figure can be re-computed at any time.
//
// Recorded when first scored, 2026-12-03, commit 4d82ae8, rules 7683ee9fcda7, never tuned on:
//   229 items; macro F1 0.864 (carter 0.982, stp 0.811, mcp 0.841, procurement 0.939,
//   covid_cip 0.744); traps 65/83; six extra themes macro 0.799.
// `npm run eval:tagging` prints this section after (a); section (b) shows the same batch with the
// current, since-tuned rules.
import { fileURLToPath } from 'node:url';
import { formatEvaluation } from './eval-report.js';
// A cycle (eval-tagging prints this section): only use these inside functions.
import { EXTRA_THEMES, TARGETS, evaluateTagging, loadRealBatches } from './eval-tagging.js';

export const NEW_BATCH = 'real-d.jsonl';
export const NEW_BATCH_RULES = fileURLToPath(
  new URL('../fixtures/tagging/rules-before-real-d.yaml', import.meta.url),
);
/** What the frozen rules scored on the batch the day it was collected (see the header). */
export const NEW_BATCH_RECORD = {
  scoredOn: '2026-12-03',
  commit: '4d82ae8',
  rulesVersion: '7683ee9fcda7',
  macroF1: 0.864,
} as const;

export const NEW_BATCH_TITLE = `(a2) HELD-OUT, new batch ${NEW_BATCH}`;

/** The section: real-d.jsonl scored with the rules frozen before it was tuned on. */
export function formatNewBatchSection(): string {
  const batch = loadRealBatches().get(NEW_BATCH);
  if (!batch) return '';
  const r = NEW_BATCH_RECORD;
  return [
    `\n## ${NEW_BATCH_TITLE}: rules frozen when it was first scored, never tuned on\n`,
    `First scored ${r.scoredOn} at commit ${r.commit} (rules ${r.rulesVersion}): macro F1 ` +
      `${r.macroF1.toFixed(3)}. Recomputed now from ${NEW_BATCH_RULES.split('/').pop()}:\n`,
    formatEvaluation(evaluateTagging(NEW_BATCH_RULES, batch), { targets: TARGETS }),
    `\n### The six extra themes on ${NEW_BATCH} alone\n`,
    formatEvaluation(evaluateTagging(NEW_BATCH_RULES, batch, EXTRA_THEMES), {
      targets: null,
      traps: false,
    }),
  ].join('\n');
}
