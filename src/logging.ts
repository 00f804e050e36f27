// Logs for operators (pino), always on stderr so command output on stdout stays clean. Stable
// snake_case keys such as source_id, story_id, iso_week, platform, channel. Two formats, chosen
// once per process: JSON lines for machines (a pipe, a file, a service manager, or
// LOG_FORMAT=json) and short human lines for a person at a terminal, where events the command
// already printed on stdout are not repeated (see loggerForPrintedEvents).
import { createRequire } from 'node:module';
import type { DestinationStream, Logger, pino as Pino } from 'pino';

// pino (a CommonJS package) is required when the first logger is made, not imported: a CLI command
// that logs nothing starts without loading it (issue 17, cold start).
const requireCjs = createRequire(import.meta.url);
function loadPino(): typeof Pino {
  return (requireCjs('pino') as { pino: typeof Pino }).pino;
}

export type { Logger };

export type LogFormat = 'json' | 'human';
/** LOG_FORMAT: `auto` (the default) is human on a terminal and JSON anywhere else. */
export type LogFormatSetting = 'auto' | LogFormat;

export function chooseLogFormat(
  setting: LogFormatSetting,
  destination: { isTTY?: boolean },
): LogFormat {
  if (setting !== 'auto') return setting;
  return destination.isTTY === true ? 'human' : 'json';
}

/** Loggers writing human lines (see loggerForPrintedEvents). */
const humanLoggers = new WeakSet<Logger>();

export function createLogger(
  level: string,
  destination: NodeJS.WritableStream = process.stderr,
  format: LogFormat = 'json',
): Logger {
  const logger = loadPino()(
    {
      level,
      base: undefined,
      // Defence in depth: even if a token ends up in a logged object, it is not printed.
      redact: {
        paths: ['token', '*.token', 'authorization', '*.authorization', 'headers.authorization'],
        censor: '[redacted]',
      },
    },
    format === 'human' ? humanLines(destination, level) : destination,
  );
  if (format === 'human') humanLoggers.add(logger);
  return logger;
}

/** A logger that prints nothing (for tests and callers without one); its pino is made on first use. */
export const silentLogger: Logger = deferredLogger(() => loadPino()({ level: 'silent' }));

/** A stand-in that makes the real logger on first use and forwards everything to it. */
function deferredLogger(make: () => Logger): Logger {
  let real: Logger | undefined;
  const target = (): Logger => (real ??= make());
  return new Proxy({} as Logger, {
    get(_, key) {
      const logger = target();
      const value: unknown = Reflect.get(logger, key, logger);
      return typeof value === 'function' ? (value as () => unknown).bind(logger) : value;
    },
    set: (_, key, value) => Reflect.set(target(), key, value),
    has: (_, key) => Reflect.has(target(), key),
  });
}

/**
 * The logger for events the command also reports on stdout (a poll's line per source, a platform
 * that could not start). On a terminal both streams show, so these events are not logged again
 * (unless LOG_LEVEL is debug or trace: then everything is). JSON logs keep every event, since
 * machines read stderr and people read stdout.
 */
export function loggerForPrintedEvents(logger: Logger): Logger {
  if (!humanLoggers.has(logger)) return logger;
  const debugLevel = logger.levels.values.debug ?? 20;
  return logger.levelVal <= debugLevel ? logger : logger.child({}, { level: 'fatal' });
}

// ---------------------------------------------------------------- human lines

const LEVEL_NAMES: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO ',
  40: 'WARN ',
  50: 'ERROR',
  60: 'FATAL',
};

/** Field values come from feeds and users: C0/C1 controls would drive the terminal. */
function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

function showValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
    return terminalSafe(shown.length > 300 ? `${shown.slice(0, 300)}…` : shown);
  }
  const json = JSON.stringify(value) ?? String(value);
  return terminalSafe(json.length > 300 ? `${json.slice(0, 300)}…` : json);
}

/** One pino JSON record as "12:04:05 WARN  poll failed source_id=x reason=\"...\"". */
export function formatHumanLine(record: Record<string, unknown>, withStacks = false): string {
  const { level, time, msg, err, ...fields } = record;
  const clock = typeof time === 'number' ? new Date(time).toTimeString().slice(0, 8) : '--:--:--';
  const parts = [clock, LEVEL_NAMES[level as number] ?? String(level)];
  if (typeof msg === 'string') parts.push(terminalSafe(msg));
  for (const [key, value] of Object.entries(fields)) parts.push(`${key}=${showValue(value)}`);
  const error = err as { message?: unknown; stack?: unknown } | undefined;
  if (error && typeof error === 'object') parts.push(`error=${showValue(error.message ?? error)}`);
  const stack = withStacks && typeof error?.stack === 'string' ? `\n${error.stack}` : '';
  return `${parts.join(' ')}${stack}\n`;
}

/** A pino destination that rewrites each JSON record as one human line. */
function humanLines(out: NodeJS.WritableStream, level: string): DestinationStream {
  const withStacks = level === 'debug' || level === 'trace';
  return {
    write(line: string) {
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(line) as Record<string, unknown>;
      } catch {
        out.write(line);
        return;
      }
      out.write(formatHumanLine(record, withStacks));
    },
  };
}
