// Dates as UK readers expect them ("14 Feb", "22–28 November 2021"), plus the sortable shapes the
// CLI prints ("2021-11-22", "2021-11-22 09:30"), always in the given IANA time zone so a story
// published at 00:30 BST on Monday shows on Monday, not on Sunday in UTC. Pure.
// Rules: an unparsable date gives ''; an unknown time zone falls back to UTC rather than throwing;
// Intl.DateTimeFormat is slow to construct, so one is cached per zone and shape.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(
  locale: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    } catch {
      formatter = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options });
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

type Parts = Partial<Record<Intl.DateTimeFormatPartTypes, string>>;

function partsOf(
  at: string | number,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
  locale = 'en-GB',
): Parts | null {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return null;
  const out: Parts = {};
  for (const p of formatterFor(locale, timeZone, options).formatToParts(date))
    out[p.type] = p.value;
  return out;
}

/** "14 Feb", or "14 Feb 2016" when `withYear`; empty for an unparsable date. */
export function formatDay(iso: string, timeZone: string, withYear = false): string {
  const p = partsOf(iso, timeZone, {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
  });
  if (!p) return '';
  return withYear ? `${p.day} ${p.month} ${p.year}` : `${p.day} ${p.month}`;
}

/** "22–28 November 2021" for [startsAt, endsAt); spans months and years when the week does. */
export function formatWeekRange(startsAt: string, endsAt: string, timeZone: string): string {
  const long: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
  const a = partsOf(startsAt, timeZone, long);
  const end = new Date(endsAt).getTime();
  const b = Number.isNaN(end) ? null : partsOf(end - 1, timeZone, long);
  if (!a || !b) return '';
  if (a.year !== b.year) return `${a.day} ${a.month} ${a.year} – ${b.day} ${b.month} ${b.year}`;
  if (a.month !== b.month) return `${a.day} ${a.month} – ${b.day} ${b.month} ${b.year}`;
  // A daily catch-up's range is one day: "7 December 2026", not "7–7 December 2026".
  if (a.day === b.day) return `${b.day} ${b.month} ${b.year}`;
  return `${a.day}–${b.day} ${b.month} ${b.year}`;
}

const NUMERIC_DATE: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
};

/** "2021-11-22" (the local calendar day); empty for an unparsable date. */
export function formatIsoDay(iso: string, timeZone: string): string {
  const p = partsOf(iso, timeZone, NUMERIC_DATE, 'en-CA');
  return p ? `${p.year}-${p.month}-${p.day}` : '';
}

/** "2021-11-22 09:30" (local, 24-hour); empty for an unparsable date. */
export function formatIsoMinute(iso: string, timeZone: string): string {
  const p = partsOf(iso, timeZone, {
    ...NUMERIC_DATE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` : '';
}
