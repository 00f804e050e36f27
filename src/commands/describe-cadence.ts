// The words for cadence, alerts, the first catch-up and a catch-up sent now, shared by Slack,
// Discord and the CLI (like plain-words.ts): plain text out; each renderer escapes it.
// "Your first catch-up arrives on Monday 7 December at 08:30 (Europe/London)."
import type { Subscription } from '../domain.js';
import { dayOf, formatDayWithWeekday } from '../time/day.js';
import { formatLongDate, localParts, mondayOf, parseWeek } from '../time/week.js';
import type { CatchUpOutcome, FirstDigest } from './types.js';

/** "Monday 7 December at 08:30 (Europe/London)": the year is left out (always within a week). */
export function describeInstant(iso: string, timeZone: string): string {
  const at = new Date(iso);
  const day = formatDayWithWeekday(dayOf(at, timeZone)).replace(/ \d{4}$/, '');
  const { hour, minute } = localParts(at, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day} at ${pad(hour)}:${pad(minute)} (${timeZone})`;
}

export function describeFirstDigest(
  first: FirstDigest,
  created: boolean,
  timeZone: string,
): string {
  const which = first.cadence === 'daily' ? 'daily catch-up' : 'catch-up';
  const head = `Your ${created ? 'first' : 'next'} ${which} arrives on ${describeInstant(first.at, timeZone)}`;
  return first.cadence === 'daily'
    ? `${head}; a day without news for this channel is skipped.`
    : `${head}.`;
}

/** "week of 30 November 2026" for "2026-W49", else the label itself. */
function describeWeek(label: string): string {
  const week = parseWeek(label);
  return week.ok ? `week of ${formatLongDate(mondayOf(week.week))}` : label;
}

export function describeCatchUp(outcome: CatchUpOutcome): string {
  const which = outcome.week === '' ? '' : ` (${describeWeek(outcome.week)})`;
  switch (outcome.status) {
    case 'queued':
      return `Last week’s catch-up${which} is on its way to this channel.`;
    case 'already':
      return `Last week’s catch-up${which} was already sent to this channel (or is on its way).`;
    case 'unavailable':
      return `Last week’s catch-up could not be sent from here: ${outcome.reason}.`;
  }
}

/** The offer shown when `now` was not asked for; `how` names the command or button. */
export function describeCatchUpOffer(how: string): string {
  return `Want last week’s catch-up now? ${how}`;
}

/** "daily at 08:00 (Europe/London)", or null for a weekly channel (its schedule says it all). */
export function describeDaily(
  subscription: Pick<Subscription, 'cadence' | 'schedule'>,
  defaultTime: string | null,
  timeZone: string,
): string | null {
  if (subscription.cadence !== 'daily') return null;
  const time = subscription.schedule?.time ?? defaultTime;
  return time === null ? `daily (${timeZone})` : `daily at ${time} (${timeZone})`;
}
