import { evaluateTagging, loadRealBatches, loadDevSet } from './eval-tagging.js';
import { formatBatchLine } from './eval-report.js';
const b = loadRealBatches();
for (const [n, s] of b) { const e = evaluateTagging(undefined, s); console.log(formatBatchLine(n, e)); if (n==='real-d.jsonl' || process.argv[2]==='all') { for (const t of e.themes) console.log('   ', t.theme, 'FP', t.falsePositives.join(','), 'FN', t.falseNegatives.join(',')); console.log('   traps failed', e.traps.filter(t=>!t.ok).map(t=>t.id).join(',')); } }
const w = evaluateTagging(undefined, loadDevSet());
console.log(formatBatchLine('WHOLE', w), 'traps', w.traps.filter(t=>t.ok).length + '/' + w.traps.length);
for (const t of w.themes) console.log('   ', t.theme, 'FP', t.falsePositives.join(','), 'FN', t.falseNegatives.join(','));
