// The record of each fresh real batch's held-out figure (issue 14), split out of eval-new-batch.ts
// (max-lines), which re-exports it: the batch, the rules frozen for it and what they scored the
// day it was first scored. Pure data, so eval-pooled.ts and the report can share it.
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
// real-g.jsonl (evalg): first scored 2026-12-03, commit b182f08, rules 0fbeeb798356 (round 7, the
//   same frozen file as real-f: nobody tuned between them), never tuned on: 152 items; macro F1
//   0.824 (carter 0.941, stp 0.882, mcp 0.889, procurement 0.807, covid_cip 0.600 on 3
//   positives); traps 46/56; six extra themes macro 0.536.
// Pooled real-f + real-g (244 items, both held out against round 7): macro F1 0.848 (carter
//   0.968, stp 0.941, mcp 0.926, procurement 0.872, covid_cip 0.533 on 7 positives); traps 52/62;
//   six extra themes macro 0.780.
// real-h.jsonl (evalh): first scored 2026-12-04, commit b2489d2, rules dcca92eeffb9 (round 8,
//   frozen as rules-before-real-h.yaml), never tuned on: 139 items; macro F1 0.849 (carter
//   0.947, stp 0.947, mcp 0.909, procurement 0.868, covid_cip 0.571 on 6 positives); traps 36/48.
// real-i.jsonl (evali): first scored 2026-12-04, commit 82bcf7f (the labels were committed there
//   before the tagger was run on them), rules f3c55695af9c (round 9, frozen as
//   rules-before-real-i.yaml), never tuned on: 103 items; macro F1 0.860 (carter 0.923, stp
//   0.947, mcp 0.900, procurement 0.864, covid_cip 0.667 on 2 positives); traps 34/40; six
//   extra themes macro 0.864.
// Pooled, every real batch against the rules that preceded it (eval-pooled.ts: real-a..c against
//   round 5, then each later batch against its own freeze): first computed 2026-12-04 at commit
//   b2489d2 over 1,210 items: macro F1 0.858 (carter 0.931, stp 0.917, mcp 0.884, procurement
//   0.842, covid_cip 0.712 on 62 positives); traps 268/331; six extra themes macro 0.780.
//   Extended with real-i against round 9 (evali, commit 82bcf7f, 1,313 items): macro F1 0.858
//   (carter 0.931, stp 0.919, mcp 0.885, procurement 0.845, covid_cip 0.711 on 64 positives);
//   traps 302/371; six extra themes macro 0.786.
// real-j.jsonl (evalj): first scored 2026-12-04, commit b179e61 (the labels were committed there
//   before the tagger was run on them), rules 553c406a8cdf (round 10, frozen as
//   rules-before-real-j.yaml), never tuned on: 98 items; macro F1 0.905 (carter 1.000, stp
//   1.000, mcp 0.917, procurement 0.941, covid_cip 0.667 on 1 positive, which says nothing);
//   traps 36/38; six extra themes macro 0.842.
//   Pooled with it, every real batch against its own freeze (1,411 items, commit b179e61): macro
//   F1 0.861 (carter 0.933, stp 0.923, mcp 0.888, procurement 0.852, covid_cip 0.710 on 65
//   positives); traps 338/409; six extra themes macro 0.792.
// real-k.jsonl (evalk): first scored 2026-12-04, commit c447567 (the labels were committed there
//   before the tagger was run on them), rules e59c86933f57 (round 11, frozen as
//   rules-before-real-k.yaml), never tuned on: 109 items; macro F1 0.931 (carter 0.857 on 3
//   positives, stp 0.941, mcp 0.880, procurement 0.979, covid_cip 1.000 on 1 positive, which says
//   nothing); traps 38/41; six extra themes macro 0.765.
//   Pooled with it, every real batch against its own freeze (1,520 items, commit c447567): macro
//   F1 0.864 (carter 0.930, stp 0.925, mcp 0.887, procurement 0.863, covid_cip 0.713); traps
//   376/450; six extra themes macro 0.793.
// real-l.jsonl (evall): first scored 2026-12-04, commit 4e56710 (the labels were committed there
//   before the tagger was run on them), rules 15604e2b2ce9 (round 12, frozen as
//   rules-before-real-l.yaml), never tuned on: 103 items; macro F1 0.760 (carter 1.000 on 8
//   positives, stp 0.889 on 5, mcp 1.000 on 1, procurement 0.913 on 25, covid_cip 0.000 on 1
//   positive, which says nothing; 0.951 over the other four); traps 36/40; six extra themes macro
//   0.666 (mental_health has no items).
//   Pooled with it, every real batch against its own freeze (1,623 items, commit 4e56710): macro
//   F1 0.865 (carter 0.935, stp 0.924, mcp 0.888, procurement 0.867, covid_cip 0.709 on 67
//   positives); traps 412/490; six extra themes macro 0.788.
// real-m.jsonl (evalm): first scored 2026-12-04, commit 0313196 (the labels were committed there
//   before the tagger was run on them), rules b6e40be13052 (round 13, frozen as
//   rules-before-real-m.yaml), never tuned on: 96 items; macro F1 0.786 (carter 0.900 on 10
//   positives, stp 0.957 on 12, mcp 0.700 on 11, procurement 0.875 on 17, covid_cip 0.500 on 1
//   positive, which says nothing; 0.858 over the other four); traps 27/35; six extra themes macro
//   0.414.
//   Pooled with it, every real batch against its own freeze (1,719 items, commit 0313196): macro
//   F1 0.861 (carter 0.932, stp 0.926, mcp 0.878, procurement 0.868, covid_cip 0.704 on 68
//   positives); traps 439/525; six extra themes macro 0.780.
// real-n.jsonl (evaln): first scored 2026-12-04, commit 33bb6a0 (the labels were committed there
//   before the tagger was run on them), rules 81242486e5e9 (round 14, frozen as
//   rules-before-real-n.yaml), never tuned on: 87 items; macro F1 0.681 over four themes (carter
//   1.000 on 4 positives, stp 0.000 on 0 positives with 2 false positives, mcp n/a, procurement
//   0.725 on 36, covid_cip 1.000 on 3); traps 33/48; six extra themes macro 0.489.
//   Pooled with it, every real batch against its own freeze (1,806 items, commit 33bb6a0): macro
//   F1 0.860 (carter 0.934, stp 0.921, mcp 0.878, procurement 0.851, covid_cip 0.714 on 71
//   positives); traps 472/573; six extra themes macro 0.775.
// real-o.jsonl (evalo): first scored 2026-12-04, commit 25ea66c (the labels were committed there
//   before the tagger was run on them), rules 81242486e5e9 (round 14, frozen as
//   rules-before-real-o.yaml, a byte-for-byte copy of rules-before-real-n.yaml: real-o is scored
//   against the same round 14 rules as real-n, collected at the same time by evalo on other
//   ground: stp and mcp), never tuned on: 94 items; macro F1 0.577 over the three themes with
//   items (stp 0.880 on 26 positives, mcp 0.851 on 21, procurement 0.000 on 1 positive, which
//   says nothing; carter and covid_cip have no positives and no predictions, so n/a; 0.866 over
//   stp and mcp); traps 21/28; six extra themes macro 0.653.
//   Pooled with real-n and real-o, every real batch against its own freeze (1,900 items, merged
//   by the lead; record commit 25ea66c, the later labels): macro F1 0.858 (carter 0.934, stp
//   0.917, mcp 0.875, procurement 0.848, covid_cip 0.714 on 71 positives); traps 493/601; six
//   extra themes macro 0.776.
// real-p.jsonl (evalp): first scored 2026-12-04, commit cf3b3cf (the labels were committed there,
//   and first at d354f8b, before the tagger was run on them), rules 93579f5fe45e (round 15, frozen
//   as rules-before-real-p.yaml), never tuned on: 86 items on covid_cip, procurement and Carter
//   ground and their traps (real-q was collected beside it by evalq on other ground); macro F1
//   0.597 over the three themes that count (carter 0.952 on 11 positives, procurement 0.838 on
//   38, covid_cip 0.000 on 0 positives with 1 false positive; stp and mcp have no positives and
//   no predictions, so n/a; 0.895 over carter and procurement); traps 35/44; six extra themes
//   macro 0.061. The pages corpus ran dry on the Covid regime: every covid_cip page found was in
//   an earlier batch.
// real-q.jsonl (evalq): first scored 2026-12-04, commit 8165d4c (the labels were committed there
//   before the tagger was run on them), rules 93579f5fe45e (round 15, frozen as
//   rules-before-real-q.yaml, a byte-for-byte copy of rules-before-real-p.yaml: real-q is scored
//   against the same round 15 rules as real-p, collected at the same time by evalq on other
//   ground: stp and mcp), never tuned on: 83 items; macro F1 0.706 over the three themes with
//   items (stp 0.760 on 30 positives, mcp 0.857 on 11, procurement 0.500 on 3; carter and
//   covid_cip have no positives and no predictions, so n/a); traps 16/17; six extra themes macro
//   0.587.
//   Pooled with it, every real batch against its own freeze (1,983 items, commit 8165d4c, before
//   real-p is merged): macro F1 0.854 (carter 0.934, stp 0.901, mcp 0.874, procurement 0.846,
//   covid_cip 0.714 on 71 positives); traps 509/618; six extra themes macro 0.775.
//   Pooled with real-p and real-q both (the lead, on merging them; 2,069 items): macro F1 0.853
//   (carter 0.936, stp 0.901, mcp 0.874, procurement 0.845, covid_cip 0.710 on 71 positives);
//   traps 544/662; six extra themes macro 0.762.
// real-r.jsonl (evalr): first scored 2026-12-04, commit 9193b68 (labels), rules e2d507ce3589 (round
//   16), never tuned on: 96 items, macro F1 0.785, traps 18/22, extra themes 0.507. Pooled with it
//   (2,165 items, before real-s): 0.850, traps 562/684 (figures: test/fixtures/tagging/README.md).
// real-s.jsonl (evals): first scored 2026-12-04, commit c7f03f4 (labels committed there, untagged),
//   rules e2d507ce3589 (round 16; rules-before-real-s.yaml is a byte copy of rules-before-real-r.yaml),
//   never tuned on: 103 items, macro F1 0.705 over five themes (figures: fixtures README); traps 26/34.
// real-t.jsonl (evalt): first scored 2026-12-05, labels committed at bfaa7f8 before the tagger ran
//   on them, rules 5a39f80b8835 (round 17, tuned on real-r and real-s, frozen as
//   rules-before-real-t.yaml by the lead), never tuned on: 93 items published 2014-2019 (the Five
//   Year Forward View era) plus traps from any year; macro F1 0.855 over the four themes with
//   items (covid_cip has no positives and no predictions); traps 19/25 (figures: fixtures README).
// real-u.jsonl (evalu, items published 2020-2026): first scored 2026-12-05, commit fd01fb4 (labels
//   committed there, untagged), rules 5a39f80b8835 (round 17; rules-before-real-u.yaml is a byte
//   copy of rules-before-real-t.yaml), never tuned on: 85 items, macro F1 0.732 over five themes
//   (carter and covid_cip on 1 positive each; figures: fixtures README); traps 25/33.
import { fileURLToPath } from 'node:url';

export interface HeldOutBatch {
  /** The batch file in test/fixtures/tagging. */
  batch: string;
  /** The rules frozen the day it was first scored (never edited). */
  rules: string;
  /** What those rules scored on the batch that day (see the header). */
  record: { scoredOn: string; commit: string; rulesVersion: string; macroF1: number };
  title: string;
}

export const frozen = (file: string): string =>
  fileURLToPath(new URL(`../fixtures/tagging/${file}`, import.meta.url));

/** One batch's record: its file, the freeze it was scored with, that day's figure, its section. */
function held(
  batch: string,
  rulesBefore: string,
  scoredOn: string,
  commit: string,
  rulesVersion: string,
  macroF1: number,
  section: string,
): HeldOutBatch {
  return {
    batch: `${batch}.jsonl`,
    rules: frozen(`rules-before-${rulesBefore}.yaml`),
    record: { scoredOn, commit, rulesVersion, macroF1 },
    title: `(${section}) HELD-OUT, new batch ${batch}.jsonl`,
  };
}

export const HELD_OUT_BATCHES: readonly HeldOutBatch[] = [
  held('real-d', 'real-d', '2026-12-03', '4d82ae8', '7683ee9fcda7', 0.864, 'a2'),
  held('real-e', 'real-e', '2026-12-03', '546a9e6', '5a28a3ec8411', 0.878, 'a3'),
  held('real-f', 'real-f', '2026-12-03', 'd683035', '0fbeeb798356', 0.867, 'a4'),
  held('real-g', 'real-f', '2026-12-03', 'b182f08', '0fbeeb798356', 0.824, 'a5'),
  held('real-h', 'real-h', '2026-12-04', 'b2489d2', 'dcca92eeffb9', 0.849, 'a7'),
  held('real-i', 'real-i', '2026-12-04', '82bcf7f', 'f3c55695af9c', 0.86, 'a9'),
  held('real-j', 'real-j', '2026-12-04', 'b179e61', '553c406a8cdf', 0.905, 'a10'),
  held('real-k', 'real-k', '2026-12-04', 'c447567', 'e59c86933f57', 0.931, 'a11'),
  held('real-l', 'real-l', '2026-12-04', '4e56710', '15604e2b2ce9', 0.76, 'a12'),
  held('real-m', 'real-m', '2026-12-04', '0313196', 'b6e40be13052', 0.786, 'a13'),
  held('real-n', 'real-n', '2026-12-04', '33bb6a0', '81242486e5e9', 0.681, 'a14'),
  held('real-o', 'real-o', '2026-12-04', '25ea66c', '81242486e5e9', 0.577, 'a15'),
  held('real-p', 'real-p', '2026-12-04', 'cf3b3cf', '93579f5fe45e', 0.597, 'a16'),
  // real-q (evalq): the same round 15 rules as real-p (a16), its own frozen copy.
  held('real-q', 'real-q', '2026-12-04', '8165d4c', '93579f5fe45e', 0.706, 'a17'),
  held('real-r', 'real-r', '2026-12-04', '9193b68', 'e2d507ce3589', 0.785, 'a18'),
  // real-s (evals): the same round 16 rules as real-r (a18), its own frozen copy.
  held('real-s', 'real-s', '2026-12-04', 'c7f03f4', 'e2d507ce3589', 0.705, 'a19'),
  // real-t (evalt): round 17, items published 2014-2019 (evalu's real-u takes 2020-2026).
  held('real-t', 'real-t', '2026-12-05', 'bfaa7f8', '5a39f80b8835', 0.855, 'a20'),
  // real-u (evalu): the round 17 rules real-t (evalt) is scored against, its own frozen copy.
  held('real-u', 'real-u', '2026-12-05', 'fd01fb4', '5a39f80b8835', 0.732, 'a21'),
];
