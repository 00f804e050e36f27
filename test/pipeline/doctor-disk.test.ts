// `briefing doctor`'s disk check against this machine's real free space: ok with room for a
// compaction (twice the database, at least 1 GB), a warning below that, a failure when even the
// database's own size is not free (README "Doctor").
import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDisk } from '../../src/pipeline/doctor-local.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-doctor-disk-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('doctor disk space', () => {
  it('warns below twice the database, fails below the database itself', () => {
    const stats = statfsSync(work);
    const free = stats.bavail * stats.bsize;
    const database = join(work, 'briefing.db');
    // Free space moves a little between the two reads; the margins are far wider than that.
    expect(checkDisk(database, Math.floor(free * 0.7)).status).toBe('warn');
    expect(checkDisk(database, free * 4).status).toBe('fail');
    expect(checkDisk(database, free * 4).fix).toMatch(/^free at least/);
  });
});
