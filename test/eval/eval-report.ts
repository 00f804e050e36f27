// Formats a tagging evaluation (test/eval/eval-tagging.ts) as Markdown for `npm run eval:tagging`:
// a per-theme precision/recall/F1 table with the macro F1, the targets line (five themes only),
// the false positives and negatives by id, and how the traps fared. Pure: strings in, string out.
import { isVacuous, type Evaluation } from './eval-tagging.js';

export interface ReportOptions {
  /** Print the issue targets line (meaningful for the five evaluated themes only). */
  targets?: { macroF1: number; minThemeF1: number } | null;
  /** Print the trap summary (the trap field describes the five themes). */
  traps?: boolean;
}

const pct = (x: number) => x.toFixed(3);

export function formatEvaluation(e: Evaluation, options: ReportOptions = {}): string {
  const targets = options.targets === undefined ? null : options.targets;
  const out: string[] = [];
  out.push(
    `Tagging evaluation: ${e.items} items (${e.withoutFiveThemes} carry none of these themes, ` +
      `${e.items === 0 ? 0 : Math.round((100 * e.withoutFiveThemes) / e.items)}%), ` +
      `rules ${e.rulesVersion}`,
  );
  out.push('');
  out.push(...formatThemeTable(e));
  out.push('');
  if (targets) {
    const worst = Math.min(...e.themes.filter((s) => !isVacuous(s)).map((s) => s.f1));
    const met = e.macroF1 >= targets.macroF1 && worst >= targets.minThemeF1;
    out.push(
      `Targets: macro F1 >= ${targets.macroF1} and every theme >= ${targets.minThemeF1}: ` +
        `${met ? 'MET' : 'MISSED'} (macro ${pct(e.macroF1)}, lowest ${pct(worst)})`,
    );
    out.push('');
  }
  out.push(...formatConfusion(e));
  if (options.traps !== false) {
    out.push('');
    out.push(...formatTraps(e));
  }
  return out.join('\n');
}

export function formatThemeTable(e: Evaluation): string[] {
  const out = [
    '| theme | TP | FP | FN | precision | recall | F1 |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const s of e.themes) {
    const [p, r, f] = isVacuous(s) ? ['n/a', 'n/a', 'n/a'] : [s.precision, s.recall, s.f1].map(pct);
    out.push(
      `| ${s.theme} | ${s.truePositives} | ${s.falsePositives.length} | ${s.falseNegatives.length} | ` +
        `${p} | ${r} | ${f} |`,
    );
  }
  const vacuous = e.themes.filter(isVacuous).map((s) => s.theme);
  const note = vacuous.length > 0 ? ` (without ${vacuous.join(', ')}: no items)` : '';
  out.push(`| **macro**${note} | | | | | | **${pct(e.macroF1)}** |`);
  return out;
}

function formatConfusion(e: Evaluation): string[] {
  const out = ['Confusion summary:'];
  for (const s of e.themes) {
    if (s.falsePositives.length > 0)
      out.push(`  ${s.theme} false positives: ${s.falsePositives.join(', ')}`);
    if (s.falseNegatives.length > 0)
      out.push(`  ${s.theme} false negatives: ${s.falseNegatives.join(', ')}`);
  }
  if (e.themes.every((s) => s.falsePositives.length + s.falseNegatives.length === 0)) {
    out.push('  none');
  }
  return out;
}

function formatTraps(e: Evaluation): string[] {
  const failed = e.traps.filter((t) => !t.ok);
  const out = [`Traps: ${e.traps.length - failed.length}/${e.traps.length} correct`];
  const byKind = new Map<string, { ok: number; all: number }>();
  for (const t of e.traps) {
    const k = byKind.get(t.trap) ?? { ok: 0, all: 0 };
    k.all++;
    if (t.ok) k.ok++;
    byKind.set(t.trap, k);
  }
  for (const [kind, k] of [...byKind].sort()) out.push(`  ${kind}: ${k.ok}/${k.all}`);
  for (const t of failed) {
    out.push(`  FAILED ${t.id} (${t.trap}): expected [${t.expected}] got [${t.predicted}]`);
  }
  return out;
}

/** One line per batch: its size and macro F1, so a weak batch stands out in the held-out figure. */
export function formatBatchLine(name: string, e: Evaluation): string {
  const cells = e.themes.map((s) => `${s.theme} ${isVacuous(s) ? 'n/a' : pct(s.f1)}`).join(', ');
  return `  ${name}: ${e.items} items, macro F1 ${pct(e.macroF1)} (${cells})`;
}
