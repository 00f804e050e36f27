// Crash safety (issue 8), short version for `npm test`: the real poll and digest code in a child
// process, SIGKILLed at seeded random points during polling and delivery and restarted each time,
// then the archive, the outbox and what the fake platforms received are checked (kill-check.ts).
// The long loop is `npm run soak` (test/soak/kill-loop.ts).
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { checkWorld } from './kill-check.js';
import { createKillWorld } from './kill-world.js';
import { runChild, runKillLoop } from './run-kill-loop.js';

const SEED = Number(process.env.KILL_SEED ?? 20260222);
const KILLS = Number(process.env.KILL_COUNT ?? 12);

describe('crash safety under SIGKILL', () => {
  it(`survives ${KILLS} kills with nothing lost, duplicated, posted twice or skipped (seed ${SEED})`, async () => {
    const report = await runKillLoop({ seed: SEED, kills: KILLS, sources: 3, itemsPerEpoch: 10 });
    console.log(
      `crash-safety seed ${SEED}: kills survived: ${report.kills}, runs: ${report.runs}, weeks: ${report.weeks}, ` +
        `stories ${report.storiesStored}/${report.storiesExpected}, digest parts ${report.partsExpected}, ` +
        `by point: ${JSON.stringify(report.killsByPoint)}`,
    );
    expect(report.problems).toEqual([]);
    expect(report.integrity).toBe('ok');
    expect(report.kills).toBe(KILLS);
    expect(report).toMatchObject({
      storiesLost: 0,
      storiesDuplicated: 0,
      partsPostedTwice: 0,
      partsSkipped: 0,
    });
    expect(report.storiesExpected).toBeGreaterThan(0);
    expect(report.archivedDigests).toBeGreaterThan(0);
    expect(report.partsExpected).toBeGreaterThanOrEqual(4);
  }, 400_000); // a ceiling, not a timing assertion: about 100 s on a loaded 2-core CI machine

  it('the checks themselves catch a lost story, a second post and a skipped part', async () => {
    const world = await createKillWorld({
      sources: 2,
      itemsPerEpoch: 4,
      decide: () => ({ kind: 'pass' }),
    });
    try {
      const run = await runChild(world, new Date(world.dueAt(0).getTime() + 60_000));
      expect(run.code, run.stderr).toBe(0);
      expect(checkWorld(world, 0).problems).toEqual([]);
      // Break each invariant on purpose, as a crash bug would.
      const db = new Database(world.databasePath);
      db.prepare('DELETE FROM stories WHERE url = (SELECT max(url) FROM stories)').run();
      db.prepare(
        "UPDATE outbox SET status = 'pending' WHERE id = (SELECT min(id) FROM outbox)",
      ).run();
      db.close();
      const slackPost = world.slackProxy.forwarded.find((r) =>
        r.path.endsWith('/chat.postMessage'),
      )!;
      world.slackProxy.forwarded.push(slackPost);
      const broken = checkWorld(world, 0);
      expect(broken).toMatchObject({ storiesLost: 1, partsPostedTwice: 1 });
      expect(broken.partsSkipped).toBeGreaterThanOrEqual(1);
    } finally {
      await world.close();
    }
  }, 60_000);
});
