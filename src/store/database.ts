// Opens the SQLite archive: WAL, foreign keys, and migrations tracked with PRAGMA user_version.
// Migrations are plain SQL files in ./migrations named NNNN-what.sql, applied in order, each in a
// transaction; a file's number is the user_version it brings the database to.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

export type Db = Database.Database;

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function readMigrations(): Migration[] {
  const files = readdirSync(MIGRATIONS_DIR).filter((f) => /^\d{4}-[\w-]+\.sql$/.test(f));
  const migrations = files
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file,
      sql: readFileSync(join(MIGRATIONS_DIR, file), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(
        `store: migrations must be numbered 1..n without gaps; found ${m.name} at position ${i + 1}`,
      );
    }
  });
  return migrations;
}

/** Applies the migrations after the database's version, up to `upTo` (tests build old schemas). */
export function migrate(db: Db, upTo = Infinity): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const migrations = readMigrations();
  if (current > migrations.length) {
    throw new Error(
      `store: database is at version ${current}, newer than this code (${migrations.length})`,
    );
  }
  for (const m of migrations.slice(current).filter((x) => x.version <= upTo)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/**
 * The pragmas of every connection openDatabase makes, in order. Exported so the storage
 * benchmark's insert floor (test/bench/storage-floor.ts) runs with exactly the same ones.
 */
export const CONNECTION_PRAGMAS: readonly string[] = [
  'journal_mode = WAL',
  'synchronous = NORMAL',
  'foreign_keys = ON',
  'busy_timeout = 5000',
];

export function applyConnectionPragmas(db: Db): void {
  for (const pragma of CONNECTION_PRAGMAS) db.pragma(pragma);
}

/** Opens (creating the folder and file if needed) and migrates. `:memory:` works for tests. */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    db = new Database(path);
  } catch (error) {
    throw new Error(`store: cannot open database at ${path}`, { cause: error });
  }
  applyConnectionPragmas(db);
  migrate(db);
  return db;
}
