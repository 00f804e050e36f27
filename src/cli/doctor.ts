// `briefing doctor`: one line per check with the fix, for the person setting the bot up or
// wondering why nothing arrived. Local checks first (configuration, database, disk, folders,
// clock), then the network (each enabled source, each configured platform's token and every
// subscribed channel) unless --offline. Exit 1 when any check fails.
import { statSync } from 'node:fs';
import { ConfigError } from '../config/config-error.js';
import type { Env } from '../config/env.js';
import { loadConfigOrThrow, type AppConfig } from '../config/load.js';
import { buildFetchOptions } from '../pipeline/build-poll-deps.js';
import {
  checkClock,
  checkConfig,
  checkDatabase,
  checkDigestsFolder,
  checkDisk,
} from '../pipeline/doctor-local.js';
import { checkPlatforms, checkSources } from '../pipeline/doctor-remote.js';
import { openPlatformStores } from './platform-stores.js';
import { configuredPlatforms } from '../platforms/index.js';
import type { AccessCheck } from '../platforms/plugin.js';
import { DatabaseOpenError, type Db } from '../store/database.js';
import { listAllSubscriptions } from '../store/subscriptions.js';
import type { CliCommand } from './command.js';
import type { CliContext } from './context.js';

const MARK: Record<AccessCheck['status'], string> = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' };

function loadConfigOrError(ctx: CliContext): AppConfig | ConfigError {
  try {
    return loadConfigOrThrow(ctx.configDir);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
}

function databaseBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** The database checks, or one failing line when it cannot even be opened (newer, unreachable). */
function openAndCheckDatabase(ctx: CliContext): { db: Db | null; checks: AccessCheck[] } {
  const path = ctx.env.DATABASE_PATH;
  try {
    const db = ctx.db();
    return { db, checks: checkDatabase(db, path) };
  } catch (error) {
    if (error instanceof ConfigError) {
      // Why (a folder, not SQLite, no permission): the open failure the error wraps.
      const reason = error.cause instanceof DatabaseOpenError ? error.cause.reason : error.message;
      const detail = `${path}: cannot open: ${reason}`;
      const fix =
        'check DATABASE_PATH: it names a SQLite file (created if missing) in a writable folder';
      return { db: null, checks: [{ name: 'database', status: 'fail', detail, fix }] };
    }
    const cause = (error as Error).cause;
    const reason = [(error as Error).message, cause instanceof Error ? cause.message : null]
      .filter((part) => part !== null)
      .join(': ');
    const fix = /newer than this code/.test(reason)
      ? 'this database was written by a newer version: upgrade the bot'
      : "check DATABASE_PATH, its folder's permissions and free space";
    return {
      db: null,
      checks: [{ name: 'database', status: 'fail', detail: `${path}: ${reason}`, fix }],
    };
  }
}

/** A configured platform whose variables are missing or conflict: `run` would refuse to start. */
function checkPlatformSettings(env: Env): AccessCheck[] {
  return configuredPlatforms(env).flatMap((plugin) => {
    const problems = plugin.configProblems?.(env) ?? [];
    if (problems.length === 0) return [];
    return [
      {
        name: `${plugin.id} settings`,
        status: 'fail' as const,
        detail: problems.join('; '),
        fix: 'set or unset the variables named (see .env.example); `briefing run` exits 78 until then',
      },
    ];
  });
}

async function runChecks(ctx: CliContext, offline: boolean): Promise<AccessCheck[]> {
  const config = loadConfigOrError(ctx);
  const checks: AccessCheck[] = [checkConfig(config)];
  const path = ctx.env.DATABASE_PATH;
  const database = openAndCheckDatabase(ctx);
  checks.push(...database.checks);
  checks.push(checkDisk(path, databaseBytes(path)));
  checks.push(checkDigestsFolder(ctx.env.DIGESTS_DIR));
  checks.push(...checkPlatformSettings(ctx.env));
  if (config instanceof ConfigError) return checks;
  checks.push(checkClock(config.settings.timeZone, new Date()));
  if (offline) return checks;
  const enabled = config.sources.filter((s) => s.enabled);
  const fetchOptions = buildFetchOptions(ctx.env, config, { timeoutMs: 10_000 });
  checks.push(...(await checkSources(enabled, fetchOptions)));
  const channels = new Map<string, string[]>();
  for (const sub of database.db === null ? [] : listAllSubscriptions(database.db)) {
    channels.set(sub.platform, [...(channels.get(sub.platform) ?? []), sub.channelId]);
  }
  const stores = database.db === null ? {} : openPlatformStores(ctx.env, database.db);
  checks.push(...(await checkPlatforms(ctx.env, channels, ctx.logger, undefined, stores)));
  return checks;
}

export const command: CliCommand = {
  name: 'doctor',
  summary: 'Check configuration, database, disk, sources, platforms and clock; say how to fix',
  help: `Usage: briefing doctor [--offline] [--json]

Runs every check and prints one line each (ok, warn or FAIL) with the fix: configuration,
database and migrations, disk space, the digests folder, the clock and time zone, then each
enabled source's reachability (one fetch, nothing stored), and each configured chat platform's
token and every subscribed channel. Exits 1 when a check fails.

Options:
  --offline   skip the network checks (sources, platforms)
  --json      print the checks as a JSON array of {name, status, detail, fix}
`,
  options: { offline: { type: 'boolean' }, json: { type: 'boolean' } },
  async run(ctx, args) {
    const checks = await runChecks(ctx, args.values.offline === true);
    if (args.values.json === true) {
      ctx.stdout.write(`${JSON.stringify(checks, null, 2)}\n`);
    } else {
      const width = Math.max(...checks.map((c) => c.name.length));
      const lines = checks.flatMap((c) => [
        `${MARK[c.status]}  ${c.name.padEnd(width)}  ${c.detail}`,
        ...(c.fix && c.status !== 'ok' ? [`      ${' '.repeat(width)}  fix: ${c.fix}`] : []),
      ]);
      const failed = checks.filter((c) => c.status === 'fail').length;
      const warned = checks.filter((c) => c.status === 'warn').length;
      lines.push('', `${checks.length} checks: ${failed} failed, ${warned} warnings.`);
      ctx.stdout.write(`${lines.join('\n')}\n`);
    }
    return checks.some((c) => c.status === 'fail') ? 1 : 0;
  },
};
