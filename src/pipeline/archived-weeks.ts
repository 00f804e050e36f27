// The archived weeks in digests/ for the web archive: which weeks have a digest file
// (digests/YYYY/YYYY-Www.json, archive-digest.ts), and each one read back with the time it was
// last written. Reads are cached by the file's modification time and size, so the index page
// parses a week's JSON once, not on every request, and a rewritten file is read again.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { archiveBasePath } from '../digest/archive-digest.js';
import type { Digest } from '../domain.js';
import { readArchivedDigest } from './week-digest-archive.js';

const YEAR_DIR = /^\d{4}$/;
const WEEK_FILE = /^(\d{4}-W\d{2})\.json$/;

function listNames(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Weeks with an archive file, newest first ("2017-W07"); none when the folder is missing. */
export function listArchivedWeeks(digestsDir: string): string[] {
  const weeks: string[] = [];
  for (const year of listNames(digestsDir).filter((n) => YEAR_DIR.test(n))) {
    for (const name of listNames(join(digestsDir, year))) {
      const match = WEEK_FILE.exec(name);
      if (match && match[1]!.startsWith(year)) weeks.push(match[1]!);
    }
  }
  // "2017-W07" strings sort as weeks do.
  return weeks.sort().reverse();
}

export interface ArchivedWeekFile {
  digest: Digest;
  /** The file's modification time, ISO UTC. */
  updatedAt: string;
}

/** A reader of archived weeks that keeps what it parsed while the file is unchanged. */
export function createArchivedWeekReader(digestsDir: string) {
  const cache = new Map<string, { key: string; value: ArchivedWeekFile }>();
  return (week: string): ArchivedWeekFile | null => {
    if (!/^\d{4}-W\d{2}$/.test(week)) return null;
    let key: string;
    let updatedAt: string;
    try {
      const stat = statSync(`${archiveBasePath(digestsDir, week)}.json`);
      key = `${stat.mtimeMs}:${stat.size}`;
      updatedAt = stat.mtime.toISOString();
    } catch {
      cache.delete(week);
      return null;
    }
    const cached = cache.get(week);
    if (cached?.key === key) return cached.value;
    const read = readArchivedDigest(digestsDir, week);
    if (!read.digest) return null;
    const value = { digest: read.digest, updatedAt };
    cache.set(week, { key, value });
    return value;
  };
}
