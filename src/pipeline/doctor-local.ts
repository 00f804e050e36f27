// `briefing doctor`'s checks of this machine: configuration, database and migrations, disk
// space, the digests folder, and the clock and time zone. One line each, with the fix.
import { accessSync, constants, existsSync, mkdirSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ConfigError } from '../config/config-error.js';
import type { AppConfig } from '../config/load.js';
import type { AccessCheck } from '../platforms/plugin.js';
import type { Db } from '../store/database.js';
import { canWrite, schemaState } from '../store/operational-counts.js';
import { countStories } from '../store/stories.js';

const MB = 1024 * 1024;

export function checkConfig(loaded: AppConfig | ConfigError): AccessCheck {
  if ('errors' in loaded) {
    return {
      name: 'configuration',
      status: 'fail',
      detail: `${loaded.errors.length} problem(s): ${loaded.errors.join('; ')}`,
      fix: 'edit each file and path named; the bot does not start until the configuration validates',
    };
  }
  const enabled = loaded.sources.filter((s) => s.enabled).length;
  const detail = `${loaded.sources.length} sources (${enabled} enabled), ${loaded.themes.themes.length} themes, ${loaded.organisations.length} organisations`;
  return { name: 'configuration', status: 'ok', detail };
}

export function checkDatabase(db: Db, path: string): AccessCheck[] {
  const schema = schemaState(db);
  const write = canWrite(db);
  const bytes =
    (db.pragma('page_count', { simple: true }) as number) *
    (db.pragma('page_size', { simple: true }) as number);
  const checks: AccessCheck[] = [
    schema.version === schema.latest
      ? { name: 'migrations', status: 'ok', detail: `schema ${schema.version} of ${schema.latest}` }
      : {
          name: 'migrations',
          status: 'fail',
          detail: `schema ${schema.version} of ${schema.latest}`,
          fix:
            schema.version > schema.latest
              ? 'this database was written by a newer version: upgrade the bot'
              : 'start the bot once: migrations run on start',
        },
    write.ok
      ? {
          name: 'database',
          status: 'ok',
          detail: `${path}: writable${write.busy ? ' (another process is writing now)' : ''}, ${countStories(db)} stories, ${(bytes / MB).toFixed(1)} MB`,
        }
      : {
          name: 'database',
          status: 'fail',
          detail: `${path}: ${write.reason}`,
          fix: 'check the file and folder permissions, or stop the other process writing it',
        },
  ];
  return checks;
}

export function checkDisk(databasePath: string, databaseBytes: number): AccessCheck {
  const folder = dirname(databasePath);
  try {
    const stats = statfsSync(existsSync(folder) ? folder : '.');
    const free = stats.bavail * stats.bsize;
    // A VACUUM (retention, `briefing prune`) needs about the database's size again.
    const needed = Math.max(1024 * MB, 2 * databaseBytes);
    const detail = `${(free / MB / 1024).toFixed(1)} GB free where the database lives`;
    if (free >= needed) return { name: 'disk space', status: 'ok', detail };
    return {
      name: 'disk space',
      status: free >= databaseBytes ? 'warn' : 'fail',
      detail,
      fix: `free at least ${(needed / MB / 1024).toFixed(1)} GB, or set retention.contentMonths and run \`briefing prune\``,
    };
  } catch (error) {
    return {
      name: 'disk space',
      status: 'warn',
      detail: `could not read: ${(error as Error).message}`,
    };
  }
}

export function checkDigestsFolder(folder: string): AccessCheck {
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
    return { name: 'digests folder', status: 'ok', detail: `${folder}: writable` };
  } catch (error) {
    return {
      name: 'digests folder',
      status: 'fail',
      detail: `${folder}: ${(error as NodeJS.ErrnoException).code ?? 'not writable'}`,
      fix: 'create it or fix its permissions, or point DIGESTS_DIR elsewhere',
    };
  }
}

export function checkClock(timeZone: string, now: Date): AccessCheck {
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    dateStyle: 'full',
    timeStyle: 'long',
  }).format(now);
  // The archive's dates come from feeds; a clock years off files every story in the wrong week.
  if (now.getUTCFullYear() < 2025) {
    return {
      name: 'clock',
      status: 'fail',
      detail: `the system clock says ${now.toISOString()}`,
      fix: 'set the time (NTP: timedatectl set-ntp true)',
    };
  }
  return {
    name: 'clock',
    status: 'ok',
    detail: `${local} (${timeZone}; UTC ${now.toISOString().slice(11, 16)})`,
  };
}
