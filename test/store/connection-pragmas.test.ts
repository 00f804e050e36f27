// The connection settings live in one list (CONNECTION_PRAGMAS) that openDatabase and the
// storage benchmark's insert floor (test/bench/storage-floor.ts) both apply, so the floor that
// insert_vs_floor_ratio_* divides by always runs with the product's pragmas.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { CONNECTION_PRAGMAS, openDatabase } from '../../src/store/database.js';
import { openInsertFloor } from '../bench/storage-floor.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-pragmas-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const NAMES = [...CONNECTION_PRAGMAS.map((p) => p.split('=')[0]!.trim()), 'cache_size'];

/** Each pragma's value as a connection reports it. */
function settings(read: (name: string) => unknown): Record<string, unknown> {
  return Object.fromEntries(NAMES.map((n) => [n, read(n)]));
}

const readFrom = (db: Database.Database) => (name: string) => db.pragma(name, { simple: true });

describe('connection pragmas', () => {
  it('openDatabase applies the exported list, on the page cache better-sqlite3 builds in', () => {
    const db = openDatabase(join(work, 'product.db'));
    expect(settings(readFrom(db))).toEqual({
      journal_mode: 'wal',
      synchronous: 1,
      foreign_keys: 1,
      busy_timeout: 5000,
      // SQLITE_DEFAULT_CACHE_SIZE=-16000 (16 MB) in better-sqlite3's build, not SQLite's -2000.
      cache_size: -16000,
    });
    db.close();
  });

  it('the insert floor runs with the same pragmas as openDatabase', () => {
    const floor = openInsertFloor(join(work, 'floor.db'));
    const product = openDatabase(join(work, 'product2.db'));
    expect(settings((n) => floor.pragma(n))).toEqual(settings(readFrom(product)));
    product.close();
    floor.close();
  });
});
