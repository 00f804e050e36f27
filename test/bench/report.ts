// What `npm run bench` prints: the table of figures against their targets (targets.ts), and the
// one JSON object of --json with every figure, the host probes (host-probe.ts), the sections
// that were not measured and how long each took.
import { cpus, totalmem } from 'node:os';
import { roundFigure } from './measure.js';
import type { Figures, SectionOutcome } from './run.js';
import { describeTarget, meetsTarget, targetFor } from './targets.js';

export function formatTable(outcomes: readonly SectionOutcome[]): string {
  const rows: string[][] = [['section', 'figure', 'value', 'target', '']];
  for (const o of outcomes) {
    if (o.notMeasured) {
      rows.push([o.section, '(not measured)', o.notMeasured, '', '']);
      continue;
    }
    for (const [key, value] of Object.entries(o.figures)) {
      const target = targetFor(key);
      const verdict = target ? (meetsTarget(value, target, o.figures) ? 'ok' : 'MISSED') : '';
      rows.push([o.section, key, String(value), target ? describeTarget(target) : '', verdict]);
    }
  }
  const widths = rows[0]!.map((_, c) => Math.min(60, Math.max(...rows.map((r) => r[c]!.length))));
  return rows
    .map((r) =>
      r
        .map((cell, c) =>
          cell.length > widths[c]! ? `${cell.slice(0, widths[c]! - 1)}…` : cell.padEnd(widths[c]!),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function summariseJson(
  outcomes: readonly SectionOutcome[],
  quick: boolean,
  totalSeconds: number,
  host: Figures = {},
): Record<string, unknown> {
  const figures: Record<string, unknown> = { ...host };
  for (const o of outcomes) Object.assign(figures, o.figures);
  return {
    ...figures,
    quick,
    not_measured: Object.fromEntries(
      outcomes.filter((o) => o.notMeasured).map((o) => [o.section, o.notMeasured]),
    ),
    section_seconds: Object.fromEntries(outcomes.map((o) => [o.section, roundFigure(o.seconds)])),
    total_seconds: roundFigure(totalSeconds),
    node: process.version,
    cpus: cpus().length,
    memory_gib: roundFigure(totalmem() / 1024 ** 3),
  };
}
