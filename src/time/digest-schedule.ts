// When a week's digest is due for a channel, and which weeks the job should look at. Pure.
// Rules: the digest of week W covers W (Monday to Sunday, local) and is due at the first
// occurrence of the channel's day and time (the configured default, or its own) at or after W
// ends, in the configured time zone. Monday 08:00 (the default) is the morning after W ends;
// Friday 16:00 is that Friday. Only the last two complete weeks are ever candidates, so a long
// outage never floods a channel with old weeks.
import type { IsoWeek } from '../domain.js';
import { mondayOf, nextWeek, previousWeek, weekOf, zonedTimeToUtc } from './week.js';

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
