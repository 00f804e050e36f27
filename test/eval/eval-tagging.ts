// Evaluates config/themes.yaml against the labelled development set in test/fixtures/tagging:
// precision, recall and F1 per theme, macro F1, every false positive and negative by id, and
// whether each trap (a look-alike that is not the theme) was handled. `npm run eval:tagging`
// prints (a) the held-out figure: the real published batches (real-*.jsonl) scored with the
// frozen pre-tuning rules, (b) the same batches with the current rules, (c) the whole set with
// the current rules; the five themes and, separately, the six extra themes. It always exits 0;
// test/tagging/eval.test.ts asserts the targets. Formatting lives in eval-report.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadThemes } from '../../src/config/themes.js';
import { compileThemes } from '../../src/tagging/compile-themes.js';
import { loadOrganisations } from '../../src/config/organisations.js';
import { annotateStory } from '../../src/tagging/annotate-story.js';
import { compileGazetteer } from '../../src/tagging/organisations.js';
import {
  formatBatchLine,
  formatEvaluation as formatReport,
  type ReportOptions,
} from './eval-report.js';
import { formatNewBatchSection } from './eval-new-batch.js';

export const EVALUATED_THEMES = ['carter', 'stp', 'mcp', 'procurement', 'covid_cip'] as const;
/** The development set's targets (the first tagging issue): the rules are tuned on that set. */
export const TARGETS = { macroF1: 0.92, minThemeF1: 0.88 };
/** Issue 14's target for real headlines the rules were never tuned on (the held-out sections). */
export const HELD_OUT_TARGETS = { macroF1: 0.92, minThemeF1: 0.85 };
/**
 * The further default themes. Only the real-*.jsonl batches label them (the older files label the
 * five themes alone), so they are scored over those batches only.
 */
export const EXTRA_THEMES = [
  'workforce',
  'mental_health',
  'finance',
  'mergers',
  'regulation',
  'social_care',
] as const;

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES_DIR = join(ROOT, 'test/fixtures/tagging');
/** Real published headlines and standfirsts (issue 14), one batch per file, labelled for all 11. */
export const REAL_BATCH = /^real-.+\.jsonl$/;
/**
 * config/themes.yaml as it stood before the real batches were tuned on (round 5). Scoring the
 * batches with it gives the honest, held-out figure however much the live rules move since.
 */
export const FROZEN_RULES = join(FIXTURES_DIR, 'rules-before-round5.yaml');

export interface LabelledStory {
  id: string;
  title: string;
  summary: string;
  content?: string;
  publishedAt: string;
  labels: string[];
  trap?: string;
  /** Real batches: where the headline and standfirst were published, and why a close call went as it did. */
  url?: string;
  reason?: string;
}

export interface ThemeScore {
  theme: string;
  truePositives: number;
  falsePositives: string[];
  falseNegatives: string[];
  precision: number;
  recall: number;
  f1: number;
}

export interface TrapResult {
  id: string;
  trap: string;
  ok: boolean;
  expected: string[];
  predicted: string[];
}

export interface Evaluation {
  items: number;
  withoutFiveThemes: number;
  themes: ThemeScore[];
  macroF1: number;
  traps: TrapResult[];
  rulesVersion: string;
}

export function loadDevSet(dir = FIXTURES_DIR): LabelledStory[] {
  return loadFiles(dir, (f) => f.endsWith('.jsonl'));
}

/** The real published batches (real-*.jsonl), by file name. */
export function loadRealBatches(dir = FIXTURES_DIR): Map<string, LabelledStory[]> {
  const batches = new Map<string, LabelledStory[]>();
  for (const name of readdirSync(dir)
    .filter((f) => REAL_BATCH.test(f))
    .sort()) {
    batches.set(
      name,
      loadFiles(dir, (f) => f === name),
    );
  }
  return batches;
}

function loadFiles(dir: string, keep: (name: string) => boolean): LabelledStory[] {
  const stories: LabelledStory[] = [];
  for (const name of readdirSync(dir).filter(keep).sort()) {
    const lines = readFileSync(join(dir, name), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        stories.push(JSON.parse(line) as LabelledStory);
      } catch (error) {
        throw new Error(`eval: ${name}:${i + 1} is not JSON`, { cause: error });
      }
    });
  }
  return stories;
}

export function evaluateTagging(
  themesFile = join(ROOT, 'config/themes.yaml'),
  stories = loadDevSet(),
  themeIds: readonly string[] = EVALUATED_THEMES,
): Evaluation {
  const loaded = loadThemes(themesFile);
  if (!loaded.ok) throw new Error(`eval: invalid themes file\n${loaded.errors.join('\n')}`);
  const compiled = compileThemes(loaded.value);
  // The whole per-story step polling runs: themes with the organisation scan they can use
  // (an `organisations: { kind: vanguard }` rule), as pipeline/build-poll-deps.ts does.
  const organisations = loadOrganisations(join(ROOT, 'config/organisations.yaml'));
  if (!organisations.ok)
    throw new Error(`eval: invalid organisations\n${organisations.errors.join('\n')}`);
  const gazetteer = compileGazetteer(organisations.value);
  const evaluated = new Set<string>(themeIds);
  const scores = new Map<string, ThemeScore>(
    themeIds.map((theme) => [
      theme,
      {
        theme,
        truePositives: 0,
        falsePositives: [],
        falseNegatives: [],
        precision: 0,
        recall: 0,
        f1: 0,
      },
    ]),
  );
  const traps: TrapResult[] = [];
  let withoutFiveThemes = 0;
  for (const story of stories) {
    const predicted = annotateStory(story, compiled, gazetteer)
      .tags.map((t) => t.theme)
      .filter((t) => evaluated.has(t))
      .sort();
    const expected = story.labels.filter((t) => evaluated.has(t)).sort();
    if (expected.length === 0) withoutFiveThemes++;
    for (const theme of themeIds) {
      const score = scores.get(theme)!;
      const p = predicted.includes(theme);
      const e = expected.includes(theme);
      if (p && e) score.truePositives++;
      else if (p) score.falsePositives.push(story.id);
      else if (e) score.falseNegatives.push(story.id);
    }
    if (story.trap) {
      traps.push({
        id: story.id,
        trap: story.trap,
        ok: predicted.join() === expected.join(),
        expected,
        predicted,
      });
    }
  }
  for (const s of scores.values()) {
    const tp = s.truePositives;
    s.precision = ratio(tp, tp + s.falsePositives.length);
    s.recall = ratio(tp, tp + s.falseNegatives.length);
    // Precision and recall both 0 (only wrong calls) is an F1 of 0, not an empty ratio's 1.
    s.f1 =
      s.precision + s.recall === 0 ? 0 : (2 * s.precision * s.recall) / (s.precision + s.recall);
  }
  const themes = [...scores.values()];
  // A theme with no positive item and no false positive in this set says nothing (its F1 would be
  // a vacuous 1.0): leave it out of the macro figure; the report shows it as n/a.
  const informative = themes.filter((s) => !isVacuous(s));
  const macroF1 =
    informative.length === 0
      ? 1
      : informative.reduce((sum, s) => sum + s.f1, 0) / informative.length;
  return {
    items: stories.length,
    withoutFiveThemes,
    themes,
    macroF1,
    traps,
    rulesVersion: loaded.value.rulesVersion,
  };
}

/** True when the set holds no positive item for the theme and nothing was wrongly tagged with it. */
export function isVacuous(s: ThemeScore): boolean {
  return s.truePositives + s.falsePositives.length + s.falseNegatives.length === 0;
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

/** The Markdown report; prints the issue targets unless told otherwise (see eval-report.ts). */
export function formatEvaluation(
  e: Evaluation,
  options: ReportOptions = { targets: TARGETS },
): string {
  return formatReport(e, options);
}

/**
 * Optional: stories written after the rules were tuned and never tuned against, as an estimate of
 * how the rules generalise. round2/3/4.jsonl started life here (first-pass macro F1 0.922, 0.857
 * and 0.935) before they joined the development set; put the next fresh batch here.
 */
export const HOLDOUT_DIR = join(ROOT, 'test/fixtures/tagging/holdout');

/** The three sections `npm run eval:tagging` prints (see the header comment). */
export function formatFullReport(): string {
  const batches = loadRealBatches();
  const real = [...batches.values()].flat();
  const names = [...batches.keys()].join(', ') || 'none yet';
  const realIds = new Set(real.map((s) => s.id));
  const out: string[] = [];
  const section = (
    title: string,
    rules: string | undefined,
    stories: LabelledStory[],
    targets = TARGETS,
  ) => {
    out.push(`\n## ${title}\n`);
    out.push(formatEvaluation(evaluateTagging(rules, stories), { targets }));
    for (const [name, batch] of batches) {
      if (stories === real) out.push(formatBatchLine(name, evaluateTagging(rules, batch)));
    }
    // By id: the whole set is loaded afresh, so the same story is a different object there.
    const labelledAll = stories.filter((s) => realIds.has(s.id));
    out.push(
      `\n### Six extra themes (over the ${labelledAll.length} items labelled for all eleven)\n`,
    );
    out.push(
      formatEvaluation(evaluateTagging(rules, labelledAll, EXTRA_THEMES), {
        targets: null,
        traps: false,
      }),
    );
  };
  out.push(`# Tagging evaluation (real batches: ${names})`);
  section(
    '(a) HELD-OUT: real batches, frozen pre-tuning rules',
    FROZEN_RULES,
    real,
    HELD_OUT_TARGETS,
  );
  out.push(formatNewBatchSection());
  section('(b) Real batches, current rules', undefined, real);
  section('(c) Whole set, current rules', undefined, loadDevSet());
  return out.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatFullReport());
  if (existsSync(HOLDOUT_DIR) && readdirSync(HOLDOUT_DIR).some((f) => f.endsWith('.jsonl'))) {
    console.log('\n--- hold-out set (not used for tuning) ---');
    console.log(formatEvaluation(evaluateTagging(undefined, loadDevSet(HOLDOUT_DIR))));
  }
}
