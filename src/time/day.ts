// Local calendar days in an IANA time zone: the period of a daily catch-up. Pure.
// Rules: a day runs from 00:00 local to the next day's 00:00 local, as UTC instants, so the days
// the clocks change are 23 and 25 hours long in London; a day's label is its ISO date
// ("2017-03-26"), which is also its key in digest_runs and the outbox.
import type { LocalDate } from './week.js';
import { addDays, formatIsoDate, formatLongDate, localParts, zonedTimeToUtc } from './week.js';

const DAY_LABEL = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The local date of an instant. */
export function dayOf(instant: Date, timeZone: string): LocalDate {
  const { year, month, day } = localParts(instant, timeZone);
  return { year, month, day };
}

/** [startsAt, endsAt): 00:00 local to the next day's 00:00 local. */
export function dayRange(date: LocalDate, timeZone: string): { startsAt: Date; endsAt: Date } {
  return {
    startsAt: zonedTimeToUtc(date, 0, 0, timeZone),
    endsAt: zonedTimeToUtc(addDays(date, 1), 0, 0, timeZone),
  };
}

/** "2017-03-26" -> the date, or null when the text is not a valid ISO date. */
export function parseDayLabel(label: string): LocalDate | null {
  const match = DAY_LABEL.exec(label);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return formatIsoDate(addDays(date, 0)) === label ? date : null;
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** "Monday 7 December 2026" */
export function formatDayWithWeekday(date: LocalDate): string {
  return `${WEEKDAYS[weekdayOf(date)]!} ${formatLongDate(date)}`;
}

/** "Catch up: Monday 7 December 2026" */
export function dayTitle(date: LocalDate): string {
  return `Catch up: ${formatDayWithWeekday(date)}`;
}
