// The scheduler only ticks: node-cron in the configured time zone, no overlapping runs, and each
// tick calls a function it was given (the same ones the CLI runs). It decides nothing itself:
// - poll:    every N minutes (the poll decides which sources are due);
// - digest:  every 15 minutes by default; runDigestJob decides which channels are due, so
//            per-channel days and times work and a tick missed across a clock change only delays;
// - deliver: every minute, so a short Retry-After is honoured promptly;
// - reminders: daily at `reminderTime` (the digest time); runReminderJob decides what is due;
// - maintenance: daily at 03:30 local, when few people search (retention, space reclaim).
// digest, deliver, reminders and maintenance share one queue (never at the same time), poll
// runs beside them. Ticks avoid nothing: every job is idempotent, so a tick doubled by a clock
// change is harmless.
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../logging.js';

export interface ScheduledJobs {
  poll?: (now: Date) => Promise<unknown>;
  digest?: (now: Date) => Promise<unknown>;
  deliver?: (now: Date) => Promise<unknown>;
  reminders?: (now: Date) => Promise<unknown>;
  maintenance?: (now: Date) => Promise<unknown>;
}

export interface SchedulerOptions {
  timeZone: string;
  pollIntervalMinutes: number;
  digestCheckMinutes?: number;
  deliverEveryMinutes?: number;
  /** Local 'HH:MM' of the daily reminders run (default 08:00). */
  reminderTime?: string;
  logger?: Logger;
  /** The clock handed to jobs (tests use fake timers, which also drive this). */
  clock?: () => Date;
}

export interface Scheduler {
  tasks: ReadonlyMap<keyof ScheduledJobs, ScheduledTask>;
  /** When any task last fired (a minute heartbeat keeps this fresh); /readyz reads it. */
  lastTickAt(): Date | null;
  stop(): Promise<void>;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * A cron expression firing every `minutes` minutes, aligned to the hour or the day. Intervals
 * that do not divide an hour (or a day) tick at their largest common divisor with it instead.
 */
export function everyMinutesExpression(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 1) {
    throw new Error(`jobs: interval must be a whole number of minutes, got ${minutes}`);
  }
  if (minutes < 60) {
    const step = gcd(60, minutes);
    return step === 1 ? '* * * * *' : `*/${step} * * * *`;
  }
  const hours = gcd(24, Math.floor(minutes / 60));
  if (minutes % 60 !== 0) return `*/${gcd(60, minutes % 60)} * * * *`;
  return hours === 1 ? '0 * * * *' : `0 */${hours} * * *`;
}

/** A cron expression firing once a day at local 'HH:MM' (in the scheduler's time zone). */
export function dailyExpression(time: string): string {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new Error(`jobs: expected a time as HH:MM, got ${time}`);
  return `${Number(match[2])} ${Number(match[1])} * * *`;
}

export function startScheduler(jobs: ScheduledJobs, options: SchedulerOptions): Scheduler {
  const clock = options.clock ?? (() => new Date());
  const log = options.logger;
  const tasks = new Map<keyof ScheduledJobs, ScheduledTask>();
  let lastTick: Date | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = (fn: (now: Date) => Promise<unknown>) => () => {
    const run = queue.then(() => fn(clock()));
    queue = run.catch(() => undefined);
    return run;
  };

  const add = (
    name: keyof ScheduledJobs,
    expression: string,
    run: () => Promise<unknown>,
  ): void => {
    const task = cron.schedule(
      expression,
      async () => {
        lastTick = clock();
        try {
          await run();
        } catch (error) {
          // One failed run must not stop the schedule; the next tick tries again.
          log?.error({ job: name, err: error }, 'jobs: run failed');
        }
      },
      { timezone: options.timeZone, noOverlap: true, name: `briefing-${name}` },
    );
    tasks.set(name, task);
  };

  if (jobs.poll) {
    const poll = jobs.poll;
    add('poll', everyMinutesExpression(options.pollIntervalMinutes), () => poll(clock()));
  }
  if (jobs.digest) {
    add('digest', everyMinutesExpression(options.digestCheckMinutes ?? 15), serial(jobs.digest));
  }
  if (jobs.deliver) {
    add('deliver', everyMinutesExpression(options.deliverEveryMinutes ?? 1), serial(jobs.deliver));
  }
  if (jobs.reminders) {
    add('reminders', dailyExpression(options.reminderTime ?? '08:00'), serial(jobs.reminders));
  }
  if (jobs.maintenance) add('maintenance', '30 3 * * *', serial(jobs.maintenance));
  // The heartbeat: proves the timer loop is alive even when no job is configured to run often.
  const heartbeat = cron.schedule('* * * * *', () => void (lastTick = clock()), {
    timezone: options.timeZone,
    name: 'briefing-heartbeat',
  });
  return {
    tasks,
    lastTickAt: () => lastTick,
    async stop() {
      await heartbeat.destroy();
      for (const task of tasks.values()) await task.destroy();
      await queue;
    },
  };
}
