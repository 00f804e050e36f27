// How far do two careful labellers agree? (issue 14). No tagger can agree with the labels better
// than a second labeller does, so this bounds what the held-out tagging target can mean.
//
// A stratified random sample of the real batches real-a..real-q (the frame when it was drawn,
// 2026-12-04) was labelled a second time, blind: the second labellers saw only headline,
// standfirst, date and address under fresh ids, the written rules (DOMAIN.md's theme table, the
// theme descriptions, the covid_cip rule) and nothing else, and never the first labels or the
// tagger. Strata: each item goes to the first of covid_cip, carter, mcp, stp, procurement its first
// labels carry, else "none"; the sample took every covid_cip item and a fixed number from each other
// stratum, so each sampled item stands for (stratum size / sampled in stratum) items of the frame and
// every count below is weighted by that. Weighted F1 between two labellings is symmetric.
//
// Three comparisons per theme: second labeller against first (label agreement), the held-out tagger
// (each item scored with the rules frozen before its batch) against the first labels (should come
// out near the pooled held-out figure: a check on the weighting) and against the second.
// The second labellers were pointed at config/themes.yaml for the theme descriptions, and its rule
// comments quote some items' headlines with the call the rules make on them (one labeller reported
// reading them). So every figure is also given without the items whose id the rules they saw
// (round 16, frozen as rules-before-real-r.yaml) cite. Both versions lean the same way: the cited
// items are the hard ones the rules were tuned on, so leaving them out flatters agreement, and
// keeping them may too; read the figures as upper bounds on label agreement.
// Run: node --import tsx test/eval/label-agreement.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  EVALUATED_THEMES,
  FIXTURES_DIR,
  evaluateTagging,
  loadRealBatches,
  type LabelledStory,
} from './eval-tagging.js';
import { rulesBeforeBatch } from './eval-pooled.js';

export const AUDIT_FILE = join(FIXTURES_DIR, 'audit/label-audit-1.jsonl');
/** The batches the sample was drawn from (every real batch on 2026-12-04 before real-r). */
export const AUDIT_FRAME = /^real-[a-q]2?\.jsonl$/;
/** The rules the second labellers could read (round 16); items they cite are shown apart. */
export const RULES_SEEN = join(FIXTURES_DIR, 'rules-before-real-r.yaml');
const STRATUM_ORDER = ['covid_cip', 'carter', 'mcp', 'stp', 'procurement'] as const;

export interface AuditRow {
  /** The item's id in its real batch. */
  id: string;
  /** The second labeller's themes (the five core ones are compared). */
  second: string[];
  auditor: string;
  reason?: string;
  trap?: string;
}

export function stratumOf(labels: readonly string[]): string {
  return STRATUM_ORDER.find((t) => labels.includes(t)) ?? 'none';
}

export interface WeightedCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** Weighted agreement on one theme: `a` is the reference, `b` the other labelling. */
export function weightedCounts(
  rows: ReadonlyArray<{ weight: number; a: ReadonlySet<string>; b: ReadonlySet<string> }>,
  theme: string,
): WeightedCounts {
  const c = { tp: 0, fp: 0, fn: 0 };
  for (const { weight, a, b } of rows) {
    const inA = a.has(theme);
    const inB = b.has(theme);
    if (inA && inB) c.tp += weight;
    else if (inB) c.fp += weight;
    else if (inA) c.fn += weight;
  }
  return c;
}

/** F1 from (weighted) counts; 0 when there is nothing right, 1 when there is nothing at all. */
export function f1Of(c: WeightedCounts): number {
  if (c.tp + c.fp + c.fn === 0) return 1;
  return (2 * c.tp) / (2 * c.tp + c.fp + c.fn);
}

/** Each sampled item's weight: its stratum's size in the frame over the number sampled from it. */
export function sampleWeights(
  frame: ReadonlyArray<{ id: string; labels: readonly string[] }>,
  sampledIds: readonly string[],
): Map<string, number> {
  const stratumById = new Map(frame.map((s) => [s.id, stratumOf(s.labels)]));
  const size = new Map<string, number>();
  for (const s of stratumById.values()) size.set(s, (size.get(s) ?? 0) + 1);
  const sampled = new Map<string, number>();
  for (const id of sampledIds) {
    const s = stratumById.get(id);
    if (s === undefined) throw new Error(`label-agreement: ${id} is not in the sampling frame`);
    sampled.set(s, (sampled.get(s) ?? 0) + 1);
  }
  return new Map(
    sampledIds.map((id) => {
      const s = stratumById.get(id)!;
      return [id, size.get(s)! / sampled.get(s)!];
    }),
  );
}

export function loadAudit(file = AUDIT_FILE): AuditRow[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as AuditRow);
}

/** The five core themes the held-out tagger gave each item, from its batch's frozen rules. */
function heldOutPredictions(byBatch: Map<string, LabelledStory[]>): Map<string, Set<string>> {
  const predicted = new Map<string, Set<string>>();
  for (const [batch, stories] of byBatch) {
    const e = evaluateTagging(rulesBeforeBatch(batch), stories);
    for (const story of stories) {
      const mine = new Set<string>();
      for (const s of e.themes) {
        const labelled = story.labels.includes(s.theme);
        if (labelled && !s.falseNegatives.includes(story.id)) mine.add(s.theme);
        if (!labelled && s.falsePositives.includes(story.id)) mine.add(s.theme);
      }
      predicted.set(story.id, mine);
    }
  }
  return predicted;
}

interface Row {
  id: string;
  weight: number;
  first: Set<string>;
  second: Set<string>;
  tagger: Set<string>;
}

const PAIRS = [
  ['second vs first (label agreement)', 'first', 'second'],
  ['held-out tagger vs first labels', 'first', 'tagger'],
  ['held-out tagger vs second labels', 'second', 'tagger'],
] as const;

function table(rows: readonly Row[]): string[] {
  const out = [
    `| comparison | ${EVALUATED_THEMES.join(' | ')} | macro |`,
    `|---|${EVALUATED_THEMES.map(() => '---|').join('')}---|`,
  ];
  for (const [title, ref, other] of PAIRS) {
    const f1s = EVALUATED_THEMES.map((theme) =>
      f1Of(
        weightedCounts(
          rows.map((r) => ({ weight: r.weight, a: r[ref], b: r[other] })),
          theme,
        ),
      ),
    );
    const macro = f1s.reduce((a, b) => a + b, 0) / f1s.length;
    out.push(`| ${title} | ${f1s.map((f) => f.toFixed(3)).join(' | ')} | ${macro.toFixed(3)} |`);
  }
  return out;
}

function report(): string {
  const audit = loadAudit();
  const batches = [...loadRealBatches()].filter(([name]) => AUDIT_FRAME.test(name));
  const frame = batches.flatMap(([, stories]) => stories);
  const batchOf = new Map(batches.flatMap(([name, ss]) => ss.map((s) => [s.id, name] as const)));
  const storyById = new Map(frame.map((s) => [s.id, s]));
  const byBatch = new Map<string, LabelledStory[]>();
  for (const r of audit) {
    const batch = batchOf.get(r.id);
    if (batch === undefined) throw new Error(`label-agreement: ${r.id} is not in the frame`);
    byBatch.set(batch, [...(byBatch.get(batch) ?? []), storyById.get(r.id)!]);
  }
  const tagger = heldOutPredictions(byBatch);
  const core = (labels: readonly string[]) =>
    new Set(labels.filter((t) => (EVALUATED_THEMES as readonly string[]).includes(t)));
  const rowsOf = (subset: readonly AuditRow[]): Row[] => {
    const weights = sampleWeights(
      frame,
      subset.map((r) => r.id),
    );
    return subset.map((r) => ({
      id: r.id,
      weight: weights.get(r.id)!,
      first: core(storyById.get(r.id)!.labels),
      second: core(r.second),
      tagger: tagger.get(r.id)!,
    }));
  };
  const rulesSeen = readFileSync(RULES_SEEN, 'utf8');
  const cited = new Set(
    audit.filter((r) => new RegExp(`\\b${r.id}\\b`).test(rulesSeen)).map((r) => r.id),
  );
  const rows = rowsOf(audit);
  const out = [
    `# Label agreement: ${audit.length} items of ${frame.length} (real-a..real-q), weighted by stratum`,
    '',
    ...table(rows),
    '',
    `Without the ${cited.size} items the rules the labellers could read cite (${audit.length - cited.size} items):`,
    '',
    ...table(rowsOf(audit.filter((r) => !cited.has(r.id)))),
  ];
  out.push(
    '',
    'Unweighted item counts in the sample (first labels positive / second positive / both):',
  );
  for (const theme of EVALUATED_THEMES) {
    const first = rows.filter((r) => r.first.has(theme)).length;
    const second = rows.filter((r) => r.second.has(theme)).length;
    const both = rows.filter((r) => r.first.has(theme) && r.second.has(theme)).length;
    out.push(`- ${theme}: ${first} / ${second} / ${both}`);
  }
  out.push(
    '',
    'Held-out tagger errors against the first labels, and where the second labeller stands:',
  );
  for (const theme of EVALUATED_THEMES) {
    const errors = rows.filter((r) => r.first.has(theme) !== r.tagger.has(theme));
    const sidesWithTagger = errors.filter((r) => r.second.has(theme) === r.tagger.has(theme));
    out.push(
      `- ${theme}: ${errors.length} errors, second labeller agrees with the tagger on ${sidesWithTagger.length}` +
        (sidesWithTagger.length ? ` (${sidesWithTagger.map((r) => r.id).join(', ')})` : ''),
    );
  }
  out.push('', 'Items where the two labellings differ (theme: ids, + = only the second has it):');
  for (const theme of EVALUATED_THEMES) {
    const differ = rows.filter((r) => r.first.has(theme) !== r.second.has(theme));
    out.push(
      `- ${theme}: ${differ.map((r) => (r.second.has(theme) ? '+' : '-') + r.id).join(', ') || 'none'}`,
    );
  }
  return out.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(report());
}
