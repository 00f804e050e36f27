// Prompt crash recovery (issue 12) with real processes: the real bot code in a child process
// (crash-child.ts) is SIGKILLed just after Slack or Discord accepted its first digest post and
// before the answer arrived. The parts it left in flight are shown as claimed by a dead process,
// and a restart at the same (virtual) moment, well inside the 5-minute lease, takes them over at
// once: looked up on the platform, never posted twice, and every part delivered.
import { describe, expect, it } from 'vitest';
import { currentHostProbe } from '../../src/delivery/delivery-instance.js';
import { listInFlightParts } from '../../src/delivery/in-flight-parts.js';
import { openDatabase } from '../../src/store/database.js';
import { checkWorld } from './kill-check.js';
import type { ProxiedRequest, ProxyAction } from './kill-proxy.js';
import { createKillWorld } from './kill-world.js';
import { runChild } from './run-kill-loop.js';

const isPost = (req: ProxiedRequest) =>
  req.path.endsWith('/chat.postMessage') ||
  (req.method === 'POST' && /\/channels\/\d+\/messages/.test(req.path));

describe('crash recovery is prompt', () => {
  it('a restart takes over the parts of a SIGKILLed process at once, without posting twice', async () => {
    let kill: () => void = () => undefined;
    let killed = false;
    const world = await createKillWorld({
      sources: 2,
      itemsPerEpoch: 4,
      decide: (req): ProxyAction => {
        if (killed || !isPost(req)) return { kind: 'pass' };
        killed = true;
        return { kind: 'kill-after-commit', kill };
      },
    });
    try {
      const now = new Date(world.dueAt(0).getTime() + 60_000);
      const first = await runChild(world, now, undefined, (k) => (kill = k));
      expect(first.signal, first.stderr).toBe('SIGKILL');

      // What `briefing deliver` and `status` show: parts claimed by a process that has exited,
      // to be retried at the next pass (not when the lease ends).
      const db = openDatabase(world.databasePath);
      const inFlight = listInFlightParts(db, { scope: 'all' }, now, currentHostProbe());
      db.close();
      expect(inFlight.length).toBeGreaterThanOrEqual(1);
      for (const part of inFlight) {
        expect(part).toMatchObject({ claimant: 'dead', retry: 'next-pass', attempts: 1 });
        expect(part.claimantReason).toMatch(/^pid \d+ on .+ has exited$/);
        expect(part.claimedBy?.pid).not.toBe(process.pid);
      }

      // Restart one second later (virtual time): the lease has 5 minutes to run.
      const second = await runChild(world, new Date(now.getTime() + 1000));
      expect(second.code, second.stderr).toBe(0);
      const summary = JSON.parse(second.stdout.trim().split('\n').pop()!) as {
        unsent: number;
        delivery: { released: number; recovered: number };
      };
      expect(summary.unsent).toBe(0);
      expect(summary.delivery.released).toBe(inFlight.length);
      expect(summary.delivery.recovered).toBeGreaterThanOrEqual(1);
      const check = checkWorld(world, 0);
      expect(check.problems).toEqual([]);
      expect(check).toMatchObject({ partsPostedTwice: 0, partsSkipped: 0, integrity: 'ok' });
    } finally {
      await world.close();
    }
  }, 60_000);
});
