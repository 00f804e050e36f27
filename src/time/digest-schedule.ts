// When a week's digest is due for a channel, and which weeks the job should look at. Pure.
// Rules: the digest of week W covers W (Monday to Sunday, local) and is due at the first
// occurrence of the channel's day and time (the configured default, or its own) at or after W
// ends, in the configured time zone. Monday 08:00 (the default) is the morning after W ends;
// Friday 16:00 is that Friday. Only the last two complete weeks are ever candidates, so a long
// outage never floods a channel with old weeks.
// Daily cadence: the digest of local day D covers D and is due on D + 1 at the channel's time
// (its own, or the configured default; the day of the week is not used). Only the last two
// complete days are candidates.
import type { Cadence, IsoWeek } from '../domain.js';
import { dayOf, dayRange } from './day.js';
import {
  addDays,
  formatIsoDate,
  formatWeek,
  mondayOf,
  nextWeek,
  previousWeek,
  weekOf,
  weekRange,
  zonedTimeToUtc,
  type LocalDate,
} from './week.js';

export interface DigestSchedule {
  /** 0 = Sunday ... 6 = Saturday. */
  day: number;
  /** "HH:MM", local. */
  time: string;
}

export function digestDueAt(week: IsoWeek, schedule: DigestSchedule, timeZone: string): Date {
  const followingMonday = mondayOf(nextWeek(week));
  const offset = (schedule.day + 6) % 7; // days after Monday
  const date = new Date(
    Date.UTC(followingMonday.year, followingMonday.month - 1, followingMonday.day + offset),
  );
  const [hour, minute] = schedule.time.split(':').map(Number) as [number, number];
  return zonedTimeToUtc(
    { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() },
    hour,
    minute,
    timeZone,
  );
}

/** The most recent week that has ended at `now`, and the one before it (oldest first). */
export function candidateWeeks(now: Date, timeZone: string): IsoWeek[] {
  const last = previousWeek(weekOf(now, timeZone));
  return [previousWeek(last), last];
}

/** The daily digest of `date` is due the next day at `time` ("HH:MM", local). */
export function dayDueAt(date: LocalDate, time: string, timeZone: string): Date {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return zonedTimeToUtc(addDays(date, 1), hour, minute, timeZone);
}

/** One digest a channel may be due: a week or a day, with its label and when it is due. */
export type DigestPeriod =
  | { cadence: 'weekly'; label: string; week: IsoWeek; dueAt: Date; startsAt: Date; endsAt: Date }
  | { cadence: 'daily'; label: string; day: LocalDate; dueAt: Date; startsAt: Date; endsAt: Date };

function weekPeriod(week: IsoWeek, schedule: DigestSchedule, timeZone: string): DigestPeriod {
  return {
    cadence: 'weekly',
    label: formatWeek(week),
    week,
    dueAt: digestDueAt(week, schedule, timeZone),
    ...weekRange(week, timeZone),
  };
}

function dayPeriod(day: LocalDate, schedule: DigestSchedule, timeZone: string): DigestPeriod {
  return {
    cadence: 'daily',
    label: formatIsoDate(day),
    day,
    dueAt: dayDueAt(day, schedule.time, timeZone),
    ...dayRange(day, timeZone),
  };
}

/** The periods the digest job considers at `now` for a cadence, oldest first. */
export function candidatePeriods(
  cadence: Cadence,
  schedule: DigestSchedule,
  now: Date,
  timeZone: string,
): DigestPeriod[] {
  if (cadence === 'weekly') {
    return candidateWeeks(now, timeZone).map((w) => weekPeriod(w, schedule, timeZone));
  }
  const yesterday = addDays(dayOf(now, timeZone), -1);
  return [addDays(yesterday, -1), yesterday].map((d) => dayPeriod(d, schedule, timeZone));
}

/**
 * The first digest due at or after `from`: the period that has just ended when its due time is
 * still ahead, else the one in progress. The digest job sends it at its first tick after then.
 */
export function nextDigestPeriod(
  cadence: Cadence,
  schedule: DigestSchedule,
  from: Date,
  timeZone: string,
): DigestPeriod {
  const candidates =
    cadence === 'weekly'
      ? [previousWeek(weekOf(from, timeZone)), weekOf(from, timeZone)].map((w) =>
          weekPeriod(w, schedule, timeZone),
        )
      : [addDays(dayOf(from, timeZone), -1), dayOf(from, timeZone)].map((d) =>
          dayPeriod(d, schedule, timeZone),
        );
  return candidates.find((p) => p.dueAt.getTime() >= from.getTime()) ?? candidates[1]!;
}
