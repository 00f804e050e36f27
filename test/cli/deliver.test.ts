// `briefing deliver` after a crash: it takes over what a dead process left in flight and lists the
// parts still in flight with who claimed them, alive or dead, and when they will be retried.
// A real database file; two earlier "processes" on this host: one whose pid has exited, one alive
// (this test's own pid). The CLI has no adapter for the memory platform, so nothing is sent.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli as runBriefing } from '../helpers/run-cli.js';
import { currentHostKey, startDeliveryInstance } from '../../src/delivery/delivery-instance.js';
import { enqueueDigest } from '../../src/delivery/enqueue-digest.js';
import { MemoryAdapter } from '../../src/delivery/memory-adapter.js';
import { openDatabase } from '../../src/store/database.js';
import { claimPart, listParts } from '../../src/store/outbox.js';
import { formatIsoMinute } from '../../src/text/format-dates.js';
import { CHANNEL, sampleDigest, subscribe } from '../delivery/delivery-fixtures.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-cli-deliver-'));
const env = {
  LOG_LEVEL: 'silent',
  DATABASE_PATH: join(work, 'briefing.db'),
  DIGESTS_DIR: join(work, 'digests'),
};
afterAll(() => rmSync(work, { recursive: true, force: true }));

const runCli = (argv: string[]) => runBriefing(argv, env);

describe('briefing deliver', () => {
  it('takes over parts of a dead process and lists what is still in flight', async () => {
    // Real time: the CLI runs at the wall clock, and the leases must still be running.
    const t0 = new Date();
    const leaseEnd = new Date(t0.getTime() + 5 * 60_000);
    const db = openDatabase(env.DATABASE_PATH);
    const adapter = new MemoryAdapter({ maxChars: 10_000 });
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const claimants = { C1: dead, C2: process.pid };
    const ids: Record<string, string> = {};
    for (const [channelId, pid] of Object.entries(claimants)) {
      const subscription = subscribe(db, t0, channelId);
      enqueueDigest(db, { digest: sampleDigest(), subscription, adapter, now: t0 });
      const instance = startDeliveryInstance(db, {
        clock: () => t0,
        host: { name: 'bot-1', key: currentHostKey(), pid },
        every: () => () => undefined,
      });
      ids[channelId] = instance.id;
      const [part] = listParts(db, '2017-W07', { ...CHANNEL, channelId });
      expect(claimPart(db, part!, leaseEnd, t0, instance.id)).toBe(true);
    }
    db.close();

    const text = await runCli(['deliver']);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(
      [
        '0 sent, 0 found already posted, 0 to retry, 0 failed; 1 waiting for a platform token; 1 taken over from a dead process',
        'In flight: 2 part(s)',
        `  memory:T1:C1 2017-W07 part 1 of 1: claimed by instance ${ids.C1}, dead (pid ${dead} on bot-1 has exited); retried at the next delivery pass, after checking the platform for it`,
        `  memory:T1:C2 2017-W07 part 1 of 1: claimed by instance ${ids.C2}, alive (pid ${process.pid} on bot-1 is running); retried from ${formatIsoMinute(leaseEnd.toISOString(), 'UTC')} UTC unless it finishes first`,
        '',
      ].join('\n'),
    );

    const json = await runCli(['deliver', '--json']);
    const report = JSON.parse(json.stdout) as { released: number; inFlight: unknown[] };
    expect(report.released).toBe(0);
    expect(report.inFlight).toMatchObject([
      {
        channel: { channelId: 'C1' },
        claimant: 'dead',
        retry: 'next-pass',
        claimedBy: { instanceId: ids.C1, pid: dead, hostName: 'bot-1' },
      },
      {
        channel: { channelId: 'C2' },
        claimant: 'alive',
        retry: 'after-lease',
        retryAt: leaseEnd.toISOString(),
      },
    ]);
  });
});
