// Backups with SQLite's online backup API (better-sqlite3 `db.backup`,
// https://www.sqlite.org/backup.html): pages are copied in steps, and a write by the running bot
// between steps restarts the copy rather than producing a torn file. The copy goes to
// FILE.partial and takes FILE's name only after `PRAGMA quick_check` passes, so FILE is either
// a whole, checked backup or absent.
import { realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './database.js';

export type BackupOutcome =
  { ok: true; stories: number; bytes: number } | { ok: false; error: string };

function checkCopy(file: string): { ok: boolean; stories: number; detail: string } {
  const copy = new Database(file, { fileMustExist: true });
  try {
    // The copy keeps the live database's WAL mode, and any later open (this check, a restore
    // test) would leave FILE-wal and FILE-shm beside it; a rollback-journal copy is one file.
    // The bot turns WAL back on when it opens a restored copy.
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('quick_check', { simple: true }) as string;
    const stories = (copy.prepare('SELECT count(*) AS n FROM stories').get() as { n: number }).n;
    return { ok: check === 'ok', stories, detail: check };
  } finally {
    copy.close();
  }
}

/** The absolute path with its folder's symlinks resolved (the file itself may not exist yet). */
function canonicalPath(file: string): string {
  const absolute = resolve(file);
  try {
    return join(realpathSync(dirname(absolute)), basename(absolute));
  } catch {
    return absolute;
  }
}

/**
 * Whether `file` names the open database or one of its side files: renaming a copy over it
 * would leave the running bot writing to an unlinked file, lost at its next restart.
 */
function isLiveDatabase(db: Db, file: string): boolean {
  const live = canonicalPath(db.name);
  const target = canonicalPath(file);
  return ['', '-wal', '-shm', '-journal'].some((suffix) => target === `${live}${suffix}`);
}

/**
 * Opens the database at `path` for a backup: it must exist (a missing file means a wrong
 * DATABASE_PATH or folder, and an empty "backup" of a fresh file would hide that), and it is not
 * migrated, so a backup taken with newer code before an upgrade holds the schema as it was.
 */
export function openForBackup(path: string): { ok: true; db: Db } | { ok: false; error: string } {
  try {
    const db = new Database(path, { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return { ok: true, db };
  } catch (error) {
    return { ok: false, error: `no database at ${path} (${(error as Error).message})` };
  }
}

export async function backupDatabase(db: Db, file: string): Promise<BackupOutcome> {
  if (isLiveDatabase(db, file)) {
    return { ok: false, error: `backup failed: ${file} is the live database or one of its files` };
  }
  const partial = `${file}.partial`;
  const removePartial = () => {
    try {
      for (const suffix of ['', '-wal', '-shm', '-journal'])
        rmSync(`${partial}${suffix}`, { force: true });
    } catch {
      // An unwritable destination fails the backup itself, with its reason.
    }
  };
  removePartial();
  try {
    await db.backup(partial);
  } catch (error) {
    removePartial();
    return { ok: false, error: `backup failed: ${(error as Error).message}` };
  }
  const checked = checkCopy(partial);
  if (!checked.ok) {
    removePartial();
    return { ok: false, error: `backup failed its integrity check (${checked.detail})` };
  }
  renameSync(partial, file);
  return { ok: true, stories: checked.stories, bytes: statSync(file).size };
}
