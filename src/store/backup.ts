// Backups with SQLite's online backup API (better-sqlite3 `db.backup`,
// https://www.sqlite.org/backup.html): pages are copied in steps, and a write by the running bot
// between steps restarts the copy rather than producing a torn file. The copy goes to
// FILE.partial and takes FILE's name only after `PRAGMA quick_check` passes, so FILE is either
// a whole, checked backup or absent.
import { renameSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Db } from './database.js';

export type BackupOutcome =
  { ok: true; stories: number; bytes: number } | { ok: false; error: string };

function checkCopy(file: string): { ok: boolean; stories: number; detail: string } {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('quick_check', { simple: true }) as string;
    const stories = (copy.prepare('SELECT count(*) AS n FROM stories').get() as { n: number }).n;
    return { ok: check === 'ok', stories, detail: check };
  } finally {
    copy.close();
  }
}

export async function backupDatabase(db: Db, file: string): Promise<BackupOutcome> {
  const partial = `${file}.partial`;
  const removePartial = () => {
    try {
      rmSync(partial, { force: true });
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
