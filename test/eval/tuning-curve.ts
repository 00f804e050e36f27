// Does tuning the rules on one batch help on the next ones? (issue 14). Every frozen round of the
// rules (round 5, then each rules-before-<batch>.yaml, then the current config/themes.yaml) scores
// the same batches, which must be ones no round listed here was tuned on (the newest held-out
// batches). If the rounds generalised, the figure would climb from round to round; if each round
// only fixed the wording it was tuned on, it stays flat. Rounds whose frozen files are byte for
// byte the same are printed once. Deterministic.
// Run: node --import tsx test/eval/tuning-curve.ts real-t.jsonl real-u.jsonl
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FROZEN_RULES, ROOT, evaluateTagging, loadRealBatches } from './eval-tagging.js';
import { HELD_OUT_BATCHES } from './eval-new-batch.js';

/** Each distinct rules file in the order the rounds were frozen, named by the batch it preceded. */
export function frozenRounds(): Array<{ label: string; rules: string }> {
  const rounds = [
    { label: 'rules-before-round5 (no real batch tuned on)', rules: FROZEN_RULES },
    ...HELD_OUT_BATCHES.map((h) => ({
      label: `before ${h.batch.replace('.jsonl', '')}`,
      rules: h.rules,
    })),
    { label: 'current config/themes.yaml', rules: join(ROOT, 'config/themes.yaml') },
  ];
  const seen = new Set<string>();
  return rounds.filter(({ rules }) => {
    const hash = createHash('sha256').update(readFileSync(rules)).digest('hex');
    if (seen.has(hash)) return false;
    seen.add(hash);
    return true;
  });
}

function report(batchNames: readonly string[]): string {
  const batches = loadRealBatches();
  const stories = batchNames.flatMap((name) => {
    const batch = batches.get(name);
    if (!batch) throw new Error(`tuning-curve: no batch ${name} in test/fixtures/tagging`);
    return batch;
  });
  const out = [
    `# Every frozen round on ${batchNames.join(' + ')} (${stories.length} items)`,
    '',
    '| rules | macro | carter | stp | mcp | procurement | covid_cip | traps |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const { label, rules } of frozenRounds()) {
    const e = evaluateTagging(rules, stories);
    const f1 = e.themes.map((t) => t.f1.toFixed(3));
    const traps = `${e.traps.filter((t) => t.ok).length}/${e.traps.length}`;
    out.push(`| ${label} | ${e.macroF1.toFixed(3)} | ${f1.join(' | ')} | ${traps} |`);
  }
  return out.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const names = process.argv.slice(2);
  if (names.length === 0) {
    console.error('usage: node --import tsx test/eval/tuning-curve.ts <real-x.jsonl> ...');
    process.exit(2);
  }
  console.log(report(names));
}
