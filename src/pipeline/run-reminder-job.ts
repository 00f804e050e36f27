// The deadline reminder job: `digest.deadlineReminderDays` days before a deadline (its local
// closing day), at the digest time, post a short reminder to every channel following one of the
// story's themes (or everything), through the outbox, then send what is due. The scheduler runs it
// daily at the digest time; it is idempotent, so running it more often changes nothing.
// Rules:
// - due from (closing day - N days) at digest.time local until the deadline passes: a deadline
//   found later than that (or a day the bot was down) is reminded at the next run, with the
//   days actually left; a deadline already closed is never reminded;
// - once per (deadline, channel): the outbox group is keyed by both (enqueue-reminder.ts);
// - paused channels and channels whose platform has no reminder renderer are left out;
// - 0 days turns reminders off.
import type { AppConfig } from '../config/load.js';
import type { DeadlineReminder, Subscription } from '../domain.js';
import type { DeliveryAdapters } from '../delivery/adapter.js';
import { describeChannel } from '../delivery/enqueue-digest.js';
import { enqueueReminder, reminderGroup } from '../delivery/enqueue-reminder.js';
import {
  emptyProcessReport,
  processOutbox,
  type ProcessOptions,
  type ProcessReport,
} from '../delivery/process-outbox.js';
import type { Logger } from '../logging.js';
import type { Db } from '../store/database.js';
import { listDeadlinesBetween, type StoredDeadline } from '../store/deadlines.js';
import { listAllSubscriptions } from '../store/subscriptions.js';
import { addDays } from '../tagging/deadline-date.js';
import { localParts, zonedTimeToUtc, type LocalDate } from '../time/week.js';

const DAY_MS = 86_400_000;

export interface ReminderJobInput {
  db: Db;
  config: Pick<AppConfig, 'settings'>;
  adapters: DeliveryAdapters;
  now: Date;
  logger?: Logger;
  delivery?: ProcessOptions;
}

export interface ReminderJobReport {
  enqueued: { group: string; channel: string }[];
  delivery: ProcessReport;
}

export async function runReminderJob(input: ReminderJobInput): Promise<ReminderJobReport> {
  const { db, now, logger } = input;
  const report: ReminderJobReport = { enqueued: [], delivery: emptyProcessReport() };
  const { timeZone, digest } = input.config.settings;
  const days = digest.deadlineReminderDays;
  if (days > 0) {
    const [hour, minute] = digest.time.split(':').map(Number) as [number, number];
    // Closing within days + 1 of now: every deadline whose reminder day has come.
    const open = listDeadlinesBetween(
      db,
      now.toISOString(),
      new Date(now.getTime() + (days + 1) * DAY_MS).toISOString(),
    );
    const channels = listAllSubscriptions(db).filter((s) => s.pausedReason === null);
    for (const deadline of open) {
      const closing = parseDay(deadline.closesOn);
      const dueAt = zonedTimeToUtc(addDays(closing, -days), hour, minute, timeZone);
      if (now < dueAt) continue;
      const today = localParts(now, timeZone);
      const reminder: DeadlineReminder = {
        deadline: withoutStoreFields(deadline),
        timeZone,
        daysLeft: dayIndex(closing) - dayIndex(today),
      };
      for (const subscription of channels.filter((s) => follows(s, deadline.themes))) {
        enqueueOne(input, deadline, reminder, subscription, report);
      }
    }
  }
  report.delivery = await processOutbox(db, input.adapters, now, {
    ...input.delivery,
    ...(logger ? { logger } : {}),
  });
  return report;
}

function enqueueOne(
  input: ReminderJobInput,
  deadline: StoredDeadline,
  reminder: DeadlineReminder,
  subscription: Subscription,
  report: ReminderJobReport,
): void {
  const { db, now, logger } = input;
  const adapter = input.adapters.get(subscription.platform);
  if (!adapter) return;
  const group = reminderGroup(deadline);
  const channel = describeChannel(subscription);
  try {
    const result = enqueueReminder(db, { group, reminder, subscription, adapter, now });
    if (result.status !== 'enqueued') return;
    report.enqueued.push({ group, channel });
    logger?.info({ reminder: group, channel }, 'reminder: enqueued');
  } catch (error) {
    // One channel that cannot be rendered must not stop the others; the next run retries.
    logger?.error({ reminder: group, channel, err: error }, 'reminder: could not enqueue');
  }
}

function follows(subscription: Subscription, themes: readonly string[]): boolean {
  return subscription.themes === 'all' || themes.some((t) => subscription.themes.includes(t));
}

function withoutStoreFields(deadline: StoredDeadline): DeadlineReminder['deadline'] {
  const { storyId: _id, timeZone: _zone, ...rest } = deadline;
  return rest;
}

function parseDay(day: string): LocalDate {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return { year, month, day: date };
}

function dayIndex(date: LocalDate): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS);
}
