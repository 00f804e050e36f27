// The held-out record for real-o.jsonl (issue 14), kept beside eval-new-batch.ts (max-lines) and
// listed in its HELD_OUT_BATCHES as section (a15).
//
// real-o.jsonl (evalo): first scored 2026-12-04, commit 25ea66c (the labels were committed there
//   before the tagger was run on them), rules 81242486e5e9 (round 14, frozen as
//   rules-before-real-o.yaml, a byte-for-byte copy of rules-before-real-n.yaml: real-o is scored
//   against the same round 14 rules as real-n, collected at the same time by evaln on other
//   ground), never tuned on: 94 items; macro F1 0.577 over the three themes with items (stp 0.880
//   on 26 positives, mcp 0.851 on 21, procurement 0.000 on 1 positive, which says nothing; carter
//   and covid_cip have no positives and no predictions, so n/a; 0.866 over stp and mcp); traps
//   21/28; six extra themes macro 0.653.
//   Pooled with it, every real batch against its own freeze (1,813 items, commit 25ea66c, before
//   real-n was merged): macro F1 0.859 (carter 0.932, stp 0.921, mcp 0.875, procurement 0.865,
//   covid_cip 0.704 on 68 positives); traps 460/553; six extra themes macro 0.781.
import { fileURLToPath } from 'node:url';
import type { HeldOutBatch } from './eval-new-batch.js';

/** A frozen rules file next to the fixtures (never edited). */
export const frozen = (file: string): string =>
  fileURLToPath(new URL(`../fixtures/tagging/${file}`, import.meta.url));

export const HELD_OUT_REAL_O: HeldOutBatch = {
  batch: 'real-o.jsonl',
  rules: frozen('rules-before-real-o.yaml'),
  record: {
    scoredOn: '2026-12-04',
    commit: '25ea66c',
    rulesVersion: '81242486e5e9',
    macroF1: 0.577,
  },
  title: '(a15) HELD-OUT, new batch real-o.jsonl',
};
