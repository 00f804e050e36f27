// What every CLI command receives: streams, environment, and lazily opened config and database.
import type { Readable, Writable } from 'node:stream';
import type Database from 'better-sqlite3';
import { configCachePath, prepareConfigLoader } from '../config/config-cache.js';
import { ConfigError } from '../config/config-error.js';
import type { AppConfig } from '../config/load.js';
import type { Env } from '../config/env.js';
import { chooseLogFormat, createLogger, type Logger } from '../logging.js';
import { DatabaseOpenError, openDatabase } from '../store/database.js';

export interface CliContext {
  env: Env;
  configDir: string;
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  logger: Logger;
  /** Loads config/ once; throws ConfigError listing every problem. */
  config(): AppConfig;
  /** Opens (creating and migrating if needed) the database at DATABASE_PATH once. */
  db(): Database.Database;
  /** Closes what was opened. */
  close(): void;
}

export interface CliContextInit {
  env: Env;
  configDir: string;
  stdin?: Readable;
  stdout?: Writable;
  stderr?: Writable;
  /** Validate a changed config/ in a worker thread (the long-running `run`; config-cache.ts). */
  validateConfigApart?: boolean;
}

/**
 * The context with its configuration loader prepared: the cached validated configuration when
 * config/ is unchanged (config/config-cache.ts), else the validating loader, imported only then.
 */
export async function openCliContext(init: CliContextInit): Promise<CliContext> {
  const loadConfig = await prepareConfigLoader(
    init.configDir,
    configCachePath(init.env.DATABASE_PATH),
    { validateApart: init.validateConfigApart === true },
  );
  return createCliContext({ ...init, loadConfig });
}

/** A DATABASE_PATH that cannot be opened is a configuration error naming the variable. */
function openOrExplain(path: string): Database.Database {
  try {
    return openDatabase(path);
  } catch (error) {
    if (error instanceof DatabaseOpenError)
      throw new ConfigError([`DATABASE_PATH: cannot open ${path}: ${error.reason}`], {
        cause: error,
      });
    throw error;
  }
}

export function createCliContext(
  init: CliContextInit & { loadConfig: () => AppConfig },
): CliContext {
  let config: AppConfig | undefined;
  let database: Database.Database | undefined;
  let logger: Logger | undefined;
  const stderr = init.stderr ?? process.stderr;
  return {
    env: init.env,
    configDir: init.configDir,
    stdin: init.stdin ?? process.stdin,
    stdout: init.stdout ?? process.stdout,
    stderr,
    // Made on first use (a command that logs nothing never loads pino). The format is decided
    // once per process from the stream itself: a terminal gets human lines.
    get logger() {
      logger ??= createLogger(
        init.env.LOG_LEVEL,
        stderr,
        chooseLogFormat(init.env.LOG_FORMAT, stderr as { isTTY?: boolean }),
      );
      return logger;
    },
    config() {
      config ??= init.loadConfig();
      return config;
    },
    db() {
      database ??= openOrExplain(init.env.DATABASE_PATH);
      return database;
    },
    close() {
      database?.close();
      database = undefined;
    },
  };
}
