// The digest's "Closing soon" section and the words every renderer uses for a deadline. Pure.
// Rules: a digest lists the deadlines closing within CLOSING_SOON_DAYS of its end (or of the
// preview's "now"), soonest first (pipeline/build-week-digest.ts reads them); a channel sees the
// ones of the themes it follows (all of them when it follows everything); one line per deadline:
// "Consultation closes Wed 12 Jan 2022, 5pm: <title>" with the story's reference. Titles are the
// publisher's, escaped by each renderer.
import type { DeadlineKind, DeadlineReminder, DigestDeadline, Subscription } from '../domain.js';
import { formatDay, formatIsoMinute } from '../text/format-dates.js';

export const CLOSING_SOON_DAYS = 28;
export const CLOSING_SOON_LABEL = 'Closing soon';

const KIND_LABELS: Readonly<Record<DeadlineKind, string>> = {
  consultation: 'Consultation',
  call_for_evidence: 'Call for evidence',
  tender: 'Tender',
  other: 'Deadline',
};

export function kindLabel(kind: DeadlineKind): string {
  return KIND_LABELS[kind];
}

/** [from, to) of a digest's "Closing soon": four weeks from `end`. */
export function closingSoonWindow(end: Date): { from: string; to: string } {
  return {
    from: end.toISOString(),
    to: new Date(end.getTime() + CLOSING_SOON_DAYS * 86_400_000).toISOString(),
  };
}

/** The deadlines of the themes a channel follows (every one for `all`). */
export function selectDeadlines(
  deadlines: readonly DigestDeadline[] | undefined,
  subscription: Pick<Subscription, 'themes'>,
): DigestDeadline[] | undefined {
  if (deadlines === undefined) return undefined;
  const { themes } = subscription;
  if (themes === 'all') return [...deadlines];
  const followed = new Set(themes);
  return deadlines.filter((d) => d.themes.some((t) => followed.has(t)));
}

/** "Wed 12 Jan 2022", with ", 17:00" when a time other than the end of the day was given. */
export function describeClosing(deadline: Pick<DigestDeadline, 'closesAt'>, timeZone: string) {
  const day = formatDay(deadline.closesAt, timeZone, true);
  const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone }).format(
    new Date(deadline.closesAt),
  );
  const minute = formatIsoMinute(deadline.closesAt, timeZone).slice(11);
  return minute === '23:59' || minute === '' ? `${weekday} ${day}` : `${weekday} ${day}, ${minute}`;
}

/** "Consultation closes Wed 12 Jan 2022" (no title: each renderer escapes and links it). */
export function describeDeadline(deadline: DigestDeadline, timeZone: string): string {
  return `${kindLabel(deadline.kind)} closes ${describeClosing(deadline, timeZone)}`;
}

/** "in 7 days", "tomorrow", "today". */
export function describeDaysLeft(daysLeft: number): string {
  if (daysLeft <= 0) return 'today';
  return daysLeft === 1 ? 'tomorrow' : `in ${daysLeft} days`;
}

/** The reminder's words before the title: "Reminder: Consultation closes Wed 12 Jan 2022 (in 7 days)". */
export function describeReminder(reminder: DeadlineReminder): string {
  const { deadline, timeZone, daysLeft } = reminder;
  return `Reminder: ${describeDeadline(deadline, timeZone)} (${describeDaysLeft(daysLeft)})`;
}
