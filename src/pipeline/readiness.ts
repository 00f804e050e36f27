// /readyz: whether this process can do its job now. Each check says what it saw, so a failing
// probe explains itself: the database takes writes, its schema is this code's, the scheduler's
// timer loop is alive, and some source was polled successfully recently (a bot that has polled
// nothing for three poll intervals has lost its network or its proxy).
import type { Db } from '../store/database.js';
import { canWrite, lastSuccessfulPollAt, schemaState } from '../store/operational-counts.js';

export interface ReadinessCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface ReadinessInput {
  db: Db;
  now: Date;
  startedAt: Date;
  /** The scheduler's last tick; null before the first (or without a scheduler). */
  lastTickAt: Date | null;
  pollIntervalMinutes: number;
  enabledSources: number;
}

const MINUTE = 60_000;

function minutesAgo(now: Date, at: Date): string {
  return `${Math.round((now.getTime() - at.getTime()) / MINUTE)} min ago`;
}

function checkScheduler(input: ReadinessInput): ReadinessCheck {
  const { now, lastTickAt, startedAt } = input;
  const reference = lastTickAt ?? startedAt;
  const ok = now.getTime() - reference.getTime() <= 3 * MINUTE;
  const detail =
    lastTickAt === null
      ? `no tick yet (started ${minutesAgo(now, startedAt)})`
      : `last tick ${minutesAgo(now, lastTickAt)}`;
  return { name: 'scheduler', ok, detail };
}

function checkPolls(input: ReadinessInput): ReadinessCheck {
  const { db, now, startedAt, pollIntervalMinutes, enabledSources } = input;
  if (enabledSources === 0) return { name: 'polls', ok: true, detail: 'no sources enabled' };
  const limitMs = 3 * pollIntervalMinutes * MINUTE;
  const last = lastSuccessfulPollAt(db);
  if (last === null) {
    const young = now.getTime() - startedAt.getTime() <= limitMs;
    return { name: 'polls', ok: young, detail: 'no successful poll yet' };
  }
  const at = new Date(last);
  const fresh =
    now.getTime() - at.getTime() <= limitMs || now.getTime() - startedAt.getTime() <= limitMs;
  return {
    name: 'polls',
    ok: fresh,
    detail: `last successful poll ${minutesAgo(now, at)} (limit ${3 * pollIntervalMinutes} min)`,
  };
}

export function checkReadiness(input: ReadinessInput): ReadinessCheck[] {
  const write = canWrite(input.db);
  const schema = schemaState(input.db);
  return [
    {
      name: 'database',
      ok: write.ok,
      detail: !write.ok
        ? write.reason
        : write.busy
          ? 'writable (another process is writing)'
          : 'writable',
    },
    {
      name: 'migrations',
      ok: schema.version === schema.latest,
      detail: `schema ${schema.version} of ${schema.latest}`,
    },
    checkScheduler(input),
    checkPolls(input),
  ];
}
