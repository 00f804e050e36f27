// Opens the SQLite archive: WAL, foreign keys, and migrations tracked with PRAGMA user_version.
// Migrations are plain SQL files in ./migrations named NNNN-what.sql, applied in order, each in a
// transaction; a file's number is the user_version it brings the database to.
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
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
  let db: Db | undefined;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    // The first read: a file that is not SQLite fails here, not in the constructor.
    applyConnectionPragmas(db);
  } catch (error) {
    db?.close();
    throw new DatabaseOpenError(path, openFailureReason(path, error), error);
  }
  migrate(db);
  return db;
}

/**
 * The file at DATABASE_PATH cannot be opened as a database (a folder, not SQLite, no permission):
 * the operator's to fix, so the CLI reports `reason` as a configuration error, not a crash.
 */
export class DatabaseOpenError extends Error {
  override readonly name = 'DatabaseOpenError';
  constructor(
    readonly path: string,
    readonly reason: string,
    cause: unknown,
  ) {
    super(`store: cannot open database at ${path}: ${reason}`, { cause });
  }
}

function openFailureReason(path: string, error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_NOTADB') return 'the file is not a SQLite database';
  if (code === 'EEXIST' || code === 'ENOTDIR') return `${dirname(path)} is not a folder`;
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_READONLY')
    return 'permission denied';
  if (code === 'SQLITE_CANTOPEN' && isFolder(path)) return 'it is a folder, not a file';
  return error instanceof Error ? error.message : String(error);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
