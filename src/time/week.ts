// ISO 8601 weeks in an IANA time zone (default Europe/London), with Intl only.
// Rules: a week runs from Monday 00:00 local to the next Monday 00:00 local, expressed as UTC
// instants, so consecutive weeks neither overlap nor leave a gap and the weeks holding the last
// Sundays of March and October are 167 and 169 hours long in London. Calendar arithmetic on
// labels is pure UTC-date maths; only `weekOf` and `weekRange` consult the time zone.
import type { IsoWeek } from '../domain.js';

export const DEFAULT_TIME_ZONE = 'Europe/London';

const DAY_MS = 86_400_000;
const WEEK_LABEL = /^(\d{4})-?W(\d{1,2})$/i;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** A calendar date (no time zone): month 1-12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch (error) {
      throw new Error(`digest: unknown time zone "${timeZone}"`, { cause: error });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Local wall-clock fields of an instant in a time zone. */
export function localParts(
  instant: Date | number,
  timeZone: string,
): LocalDate & { hour: number; minute: number; second: number } {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year!,
    month: fields.month!,
    day: fields.day!,
    hour: fields.hour! % 24,
    minute: fields.minute!,
    second: fields.second!,
  };
}

/** Milliseconds to add to UTC to get local wall time at `instant` (e.g. +3_600_000 in BST). */
function offsetAt(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  const p = localParts(whole, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
}

/**
 * The UTC instant of a local wall time. Ambiguous times (clocks going back) resolve to the
 * earlier instant; times skipped by clocks going forward move forward by the length of the gap
 * (as Temporal's "compatible" does), so a skipped midnight is the first instant of that day.
 */
export function zonedTimeToUtc(
  date: LocalDate,
  hour: number,
  minute: number,
  timeZone: string,
): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const offsets = [offsetAt(wall - DAY_MS, timeZone), offsetAt(wall + DAY_MS, timeZone)];
  const candidates = offsets.map((o) => wall - o);
  const valid = candidates.filter((c, i) => offsetAt(c, timeZone) === offsets[i]);
  const chosen = valid.length > 0 ? Math.min(...valid) : Math.max(...candidates);
  return new Date(chosen);
}

function isoWeekOfDate(date: LocalDate): IsoWeek {
  const utc = Date.UTC(date.year, date.month - 1, date.day);
  const weekday = (new Date(utc).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(utc + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return { year, week };
}

/** Number of ISO weeks in a year (52 or 53). */
export function weeksInYear(year: number): number {
  return isoWeekOfDate({ year, month: 12, day: 28 }).week;
}

/** The Monday (calendar date) that starts an ISO week. */
export function mondayOf(week: IsoWeek): LocalDate {
  const jan4 = Date.UTC(week.year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  const monday = new Date(jan4 - weekday * DAY_MS + (week.week - 1) * 7 * DAY_MS);
  return {
    year: monday.getUTCFullYear(),
    month: monday.getUTCMonth() + 1,
    day: monday.getUTCDate(),
  };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The ISO week an instant falls in, in the given time zone. */
export function weekOf(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): IsoWeek {
  return isoWeekOfDate(localParts(instant, timeZone));
}

/** [startsAt, endsAt): Monday 00:00 local to the next Monday 00:00 local, as UTC instants. */
export function weekRange(
  week: IsoWeek,
  timeZone: string = DEFAULT_TIME_ZONE,
): { startsAt: Date; endsAt: Date } {
  const monday = mondayOf(week);
  return {
    startsAt: zonedTimeToUtc(monday, 0, 0, timeZone),
    endsAt: zonedTimeToUtc(addDays(monday, 7), 0, 0, timeZone),
  };
}

export function formatWeek(week: IsoWeek): string {
  return `${String(week.year).padStart(4, '0')}-W${String(week.week).padStart(2, '0')}`;
}

export type WeekParse = { ok: true; week: IsoWeek } | { ok: false; reason: string };

/** Accepts "2017-W07", "2017-w7" and "2017W07". */
export function parseWeek(text: string): WeekParse {
  const match = WEEK_LABEL.exec(text.trim());
  if (!match) return { ok: false, reason: `"${text}" is not an ISO week such as 2017-W07` };
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 1970) return { ok: false, reason: `year ${year} is out of range` };
  const max = weeksInYear(year);
  if (week < 1 || week > max) return { ok: false, reason: `${year} has weeks 1 to ${max}` };
  return { ok: true, week: { year, week } };
}

/** parseWeek for values known to be valid (stored keys); throws otherwise. */
export function parseWeekOrThrow(text: string): IsoWeek {
  const parsed = parseWeek(text);
  if (!parsed.ok) throw new Error(`digest: ${parsed.reason}`);
  return parsed.week;
}

export function previousWeek(week: IsoWeek): IsoWeek {
  return isoWeekOfDate(addDays(mondayOf(week), -7));
}

export function nextWeek(week: IsoWeek): IsoWeek {
  return isoWeekOfDate(addDays(mondayOf(week), 7));
}

export function compareWeeks(a: IsoWeek, b: IsoWeek): number {
  return a.year - b.year || a.week - b.week;
}

/** "13 February 2017" */
export function formatLongDate(date: LocalDate): string {
  return `${date.day} ${MONTHS[date.month - 1]} ${date.year}`;
}

/** "2017-02-13" */
export function formatIsoDate(date: LocalDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.year).padStart(4, '0')}-${pad(date.month)}-${pad(date.day)}`;
}

/** The Monday and the Monday after, as ISO dates: the week's `since:`/`until:` search bounds. */
export function weekDates(week: IsoWeek): { since: string; until: string; sunday: LocalDate } {
  const monday = mondayOf(week);
  return {
    since: formatIsoDate(monday),
    until: formatIsoDate(addDays(monday, 7)),
    sunday: addDays(monday, 6),
  };
}

/** "Catch up: week of 13 February 2017" */
export function weekTitle(week: IsoWeek): string {
  return `Catch up: week of ${formatLongDate(mondayOf(week))}`;
}
