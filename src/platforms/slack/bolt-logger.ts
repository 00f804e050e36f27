// Bolt and the Slack SDK log through this adapter into the app's pino logger, so Slack's lines
// come out structured like everything else (`platform: slack`). Bolt's debug output includes
// request bodies: it is mapped to pino `trace`, and the SDK redacts tokens before logging.
// LogLevel from the Web API package (it re-exports @slack/logger's), not from Bolt's index, which
// would load Express (app.ts).
import type { Logger as BoltLogger } from '@slack/bolt';
import { LogLevel } from '@slack/web-api';
import type { Logger } from '../../logging.js';

export function createBoltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ platform: 'slack' });
  let name = 'bolt';
  let level: LogLevel = LogLevel.INFO;
  const line = (parts: unknown[]): string =>
    parts
      .map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : safeJson(p)))
      .join(' ');
  return {
    debug: (...msg: unknown[]) => child.trace({ component: name }, line(msg)),
    info: (...msg: unknown[]) => child.debug({ component: name }, line(msg)),
    warn: (...msg: unknown[]) => child.warn({ component: name }, line(msg)),
    error: (...msg: unknown[]) => child.error({ component: name }, line(msg)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next: string) => {
      name = next;
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
