// Pins a closing date read from a story to a calendar day and an instant, or refuses to. Pure.
// Rules (issue 15: "dates that cannot be pinned are not guessed"):
// - a date with its year is taken as written (if the day exists);
// - a year-less date takes its next occurrence on or after the publication day, but only when
//   that is unambiguous: within YEARLESS_HORIZON_DAYS of publication ("by 5 March" in a story of
//   10 March is more likely a past date than one a year away), or, with a weekday ("Friday
//   3 March"), in the one year of the two where the weekday matches;
// - a day before publication (an old deadline retold) or beyond MAX_AHEAD_DAYS is dropped;
// - the instant is the time given, in the configured zone; without a time, or at "midnight"
//   (which consultation documents use for the end of the day), 23:59 that day.
import { localParts, zonedTimeToUtc, type LocalDate } from '../time/week.js';

const DAY_MS = 86_400_000;
export const YEARLESS_HORIZON_DAYS = 183;
export const MAX_AHEAD_DAYS = 2 * 366;

/** What a date phrase said: month 1-12; weekday 0 = Sunday; hour 0-23. */
export interface DateFields {
  day: number;
  month: number;
  year?: number;
  weekday?: number;
  hour?: number;
  minute?: number;
  /** The phrase says "midnight": the end of the day. */
  midnight?: boolean;
}

export interface PinnedDate {
  closesOn: string;
  closesAt: string;
}

function dayNumber(date: LocalDate): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS);
}

function exists(date: LocalDate): boolean {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day));
  return d.getUTCMonth() === date.month - 1 && d.getUTCDate() === date.day;
}

function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** The local day a story was published, in `timeZone`. */
export function publicationDay(publishedAt: string, timeZone: string): LocalDate | null {
  const ms = Date.parse(publishedAt);
  if (Number.isNaN(ms)) return null;
  const p = localParts(ms, timeZone);
  return { year: p.year, month: p.month, day: p.day };
}

function resolveYear(fields: DateFields, published: LocalDate): LocalDate | null {
  const { day, month } = fields;
  if (fields.year !== undefined) return { year: fields.year, month, day };
  const candidates = [published.year, published.year + 1]
    .map((year) => ({ year, month, day }))
    .filter((d) => exists(d) && dayNumber(d) >= dayNumber(published));
  if (fields.weekday !== undefined) {
    const matching = candidates.filter((d) => weekdayOf(d) === fields.weekday);
    return matching.length === 1 ? matching[0]! : null;
  }
  const next = candidates[0];
  if (next === undefined) return null;
  return dayNumber(next) - dayNumber(published) <= YEARLESS_HORIZON_DAYS ? next : null;
}

/** "2022-01-12" */
export function formatLocalDay(date: LocalDate): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** The day `days` after `date`. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The closing day and instant, or null when the phrase cannot be pinned (see the rules above). */
export function pinDate(
  fields: DateFields,
  published: LocalDate,
  timeZone: string,
): PinnedDate | null {
  const date = resolveYear(fields, published);
  if (date === null || !exists(date)) return null;
  if (fields.weekday !== undefined && weekdayOf(date) !== fields.weekday) return null;
  const ahead = dayNumber(date) - dayNumber(published);
  if (ahead < 0 || ahead > MAX_AHEAD_DAYS) return null;
  const endOfDay = fields.hour === undefined || fields.midnight === true;
  const at = endOfDay
    ? zonedTimeToUtc(date, 23, 59, timeZone)
    : zonedTimeToUtc(date, fields.hour!, fields.minute ?? 0, timeZone);
  return { closesOn: formatLocalDay(date), closesAt: at.toISOString() };
}

/** A closing day `days` after publication ("runs for eight weeks"), at the end of that day. */
export function pinAfter(published: LocalDate, days: number, timeZone: string): PinnedDate {
  const date = addDays(published, days);
  return {
    closesOn: formatLocalDay(date),
    closesAt: zonedTimeToUtc(date, 23, 59, timeZone).toISOString(),
  };
}
