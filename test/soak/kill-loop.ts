// `npm run soak`: the long SIGKILL loop of issue 8. The same harness as the short test in
// test/reliability/crash-safety.test.ts, run for many more kills (default 300).
//   npm run soak                      # 300 kills, seed from the clock (printed)
//   npm run soak -- --kills 50 --seed 42
// Prints one line per run, then the summary; exits 1 if any invariant broke.
import { parseArgs } from 'node:util';
import { runKillLoop } from '../reliability/run-kill-loop.js';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '300' },
    seed: { type: 'string' },
    sources: { type: 'string', default: '4' },
    items: { type: 'string', default: '12' },
    quiet: { type: 'boolean', default: false },
  },
});
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const kills = Number(values.kills);
console.log(`kill loop: seed ${seed}, ${kills} kills`);
const started = Date.now();
const report = await runKillLoop({
  seed,
  kills,
  sources: Number(values.sources),
  itemsPerEpoch: Number(values.items),
  ...(values.quiet ? {} : { log: (line: string) => console.log(line) }),
});
const seconds = Math.round((Date.now() - started) / 1000);
console.log(
  `kills survived: ${report.kills}, stories lost: ${report.storiesLost}, duplicated: ${report.storiesDuplicated}, ` +
    `digest parts posted twice: ${report.partsPostedTwice}, skipped: ${report.partsSkipped}`,
);
console.log(
  `seed ${seed}; ${report.runs} runs over ${report.weeks} weeks in ${seconds} s; integrity_check: ${report.integrity}; ` +
    `stories ${report.storiesStored}/${report.storiesExpected}; digest parts ${report.partsExpected}; ` +
    `kills by point: ${JSON.stringify(report.killsByPoint)}`,
);
for (const problem of report.problems) console.log(`PROBLEM: ${problem}`);
process.exitCode = report.problems.length > 0 || report.kills < kills ? 1 : 0;
