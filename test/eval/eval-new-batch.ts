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
// real-o.jsonl (evalo, against round 14): its record and figures are in held-out-real-o.ts.
import { formatEvaluation } from './eval-report.js';
import { HELD_OUT_REAL_O, frozen } from './held-out-real-o.js';
import { evaluateAllHeldOut, rulesBeforeBatch } from './eval-pooled.js';
// A cycle (eval-tagging prints these sections): only use these inside functions.
import {
  EXTRA_THEMES,
  TARGETS,
  evaluateTagging,
  loadRealBatches,
  type LabelledStory,
} from './eval-tagging.js';

export interface HeldOutBatch {
  /** The batch file in test/fixtures/tagging. */
  batch: string;
  /** The rules frozen the day it was first scored (never edited). */
  rules: string;
  /** What those rules scored on the batch that day (see the header). */
  record: { scoredOn: string; commit: string; rulesVersion: string; macroF1: number };
  title: string;
}

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
  {
    batch: 'real-g.jsonl',
    rules: frozen('rules-before-real-f.yaml'),
    record: {
      scoredOn: '2026-12-03',
      commit: 'b182f08',
      rulesVersion: '0fbeeb798356',
      macroF1: 0.824,
    },
    title: '(a5) HELD-OUT, new batch real-g.jsonl',
  },
  {
    batch: 'real-h.jsonl',
    rules: frozen('rules-before-real-h.yaml'),
    record: {
      scoredOn: '2026-12-04',
      commit: 'b2489d2',
      rulesVersion: 'dcca92eeffb9',
      macroF1: 0.849,
    },
    title: '(a7) HELD-OUT, new batch real-h.jsonl',
  },
  {
    batch: 'real-i.jsonl',
    rules: frozen('rules-before-real-i.yaml'),
    record: {
      scoredOn: '2026-12-04',
      commit: '82bcf7f',
      rulesVersion: 'f3c55695af9c',
      macroF1: 0.86,
    },
    title: '(a9) HELD-OUT, new batch real-i.jsonl',
  },
  {
    batch: 'real-j.jsonl',
    rules: frozen('rules-before-real-j.yaml'),
    record: {
      scoredOn: '2026-12-04',
      commit: 'b179e61',
      rulesVersion: '553c406a8cdf',
      macroF1: 0.905,
    },
    title: '(a10) HELD-OUT, new batch real-j.jsonl',
  },
  {
    batch: 'real-k.jsonl',
    rules: frozen('rules-before-real-k.yaml'),
    record: {
      scoredOn: '2026-12-04',
      commit: 'c447567',
      rulesVersion: 'e59c86933f57',
      macroF1: 0.931,
    },
    title: '(a11) HELD-OUT, new batch real-k.jsonl',
  },
  {
    batch: 'real-l.jsonl',
    rules: frozen('rules-before-real-l.yaml'),
    record: {
      scoredOn: '2026-12-04',
      commit: '4e56710',
      rulesVersion: '15604e2b2ce9',
      macroF1: 0.76,
    },
    title: '(a12) HELD-OUT, new batch real-l.jsonl',
  },
  {
    batch: 'real-m.jsonl',
    rules: frozen('rules-before-real-m.yaml'),
    record: {
      scoredOn: '2026-12-04',
      commit: '0313196',
      rulesVersion: 'b6e40be13052',
      macroF1: 0.786,
    },
    title: '(a13) HELD-OUT, new batch real-m.jsonl',
  },
  HELD_OUT_REAL_O,
];

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
    scoredOn: '2026-12-04',
    commit: '25ea66c',
    rulesVersion:
      'a6e0b9ef5e28+7683ee9fcda7+5a28a3ec8411+0fbeeb798356+dcca92eeffb9+f3c55695af9c+553c406a8cdf+e59c86933f57+15604e2b2ce9+b6e40be13052+81242486e5e9',
    macroF1: 0.859,
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
    formatEvaluation(evaluateAllHeldOut(batches), { targets: TARGETS }),
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
    formatEvaluation(evaluateTagging(rules, stories), { targets: TARGETS }),
    `\n### The six extra themes on ${name} alone\n`,
    formatEvaluation(evaluateTagging(rules, stories, EXTRA_THEMES), {
      targets: null,
      traps: false,
    }),
  ].join('\n');
}
