// Crash safety (issue 8), short version for `npm test`: the real poll and digest code in a child
// process, SIGKILLed at seeded random points during polling and delivery and restarted each time,
// then the archive, the outbox and what the fake platforms received are checked (kill-check.ts).
// The long loop is `npm run soak` (test/soak/kill-loop.ts).
import { describe, expect, it } from 'vitest';
import { runKillLoop } from './run-kill-loop.js';

const SEED = Number(process.env.KILL_SEED ?? 20260222);
const KILLS = Number(process.env.KILL_COUNT ?? 15);

describe('crash safety under SIGKILL', () => {
  it(
    `survives ${KILLS} kills with nothing lost, duplicated, posted twice or skipped (seed ${SEED})`,
    async () => {
      const report = await runKillLoop({ seed: SEED, kills: KILLS, sources: 3, itemsPerEpoch: 10 });
      console.log(
        `crash-safety seed ${SEED}: kills survived: ${report.kills}, runs: ${report.runs}, weeks: ${report.weeks}, ` +
          `stories ${report.storiesStored}/${report.storiesExpected}, digest parts ${report.partsExpected}, ` +
          `by point: ${JSON.stringify(report.killsByPoint)}`,
      );
      expect(report.problems).toEqual([]);
      expect(report.integrity).toBe('ok');
      expect(report.kills).toBe(KILLS);
      expect(report).toMatchObject({ storiesLost: 0, storiesDuplicated: 0, partsPostedTwice: 0, partsSkipped: 0 });
      expect(report.storiesExpected).toBeGreaterThan(0);
      expect(report.partsExpected).toBeGreaterThanOrEqual(4);
    },
    180_000,
  );
});
