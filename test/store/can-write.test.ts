// The readiness and doctor write probe: it must not wait out the connection's 5 s busy_timeout
// (a synchronous wait that would freeze every chat command) when another process holds the
// write lock, and must report that as busy, not as a broken database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { canWrite } from '../../src/store/operational-counts.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-can-write-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('canWrite', () => {
  it('says writable on an idle database', () => {
    const db = openDatabase(join(work, 'idle.db'));
    expect(canWrite(db)).toEqual({ ok: true });
    db.close();
  });

  it('reports busy (still ok) while another connection holds the write lock, and keeps busy_timeout', () => {
    const path = join(work, 'busy.db');
    const db = openDatabase(path);
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      expect(canWrite(db)).toEqual({ ok: true, busy: true });
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      other.exec('ROLLBACK');
      other.close();
      db.close();
    }
  });

  it('fails with the reason on a read-only connection', () => {
    const path = join(work, 'ro.db');
    openDatabase(path).close();
    const ro = new Database(path, { readonly: true });
    const probe = canWrite(ro);
    expect(probe.ok).toBe(false);
    if (!probe.ok) expect(probe.reason).toMatch(/readonly/i);
    ro.close();
  });
});
