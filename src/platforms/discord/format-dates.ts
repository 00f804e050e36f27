// Dates as UK readers expect them ("14 Feb", "13–19 February 2017"), in the digest's time zone so
// a story published at 00:30 BST on Monday is shown on Monday, not on Sunday in UTC.

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Intl.DateTimeFormat is slow to construct: keep one per time zone and option set. */
function formatterFor(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-GB', { timeZone, ...options });
    } catch {
      formatter = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', ...options });
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

function parts(iso: string, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return formatterFor(timeZone, options).formatToParts(date);
}

function pick(p: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return p.find((x) => x.type === type)?.value ?? '';
}

/** "14 Feb", or "14 Feb 2016" when `withYear`; empty for an unparsable date. */
export function formatDay(iso: string, timeZone: string, withYear = false): string {
  const p = parts(iso, timeZone, {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
  });
  if (!p) return '';
  const base = `${pick(p, 'day')} ${pick(p, 'month')}`;
  return withYear ? `${base} ${pick(p, 'year')}` : base;
}

/** "13–19 February 2017" for [startsAt, endsAt); spans months and years when the week does. */
export function formatWeekRange(startsAt: string, endsAt: string, timeZone: string): string {
  const end = new Date(endsAt).getTime();
  if (Number.isNaN(end)) return '';
  const lastInstant = new Date(end - 1).toISOString();
  const a = parts(startsAt, timeZone, { day: 'numeric', month: 'long', year: 'numeric' });
  const b = parts(lastInstant, timeZone, { day: 'numeric', month: 'long', year: 'numeric' });
  if (!a || !b) return '';
  const [ad, am, ay] = [pick(a, 'day'), pick(a, 'month'), pick(a, 'year')];
  const [bd, bm, by] = [pick(b, 'day'), pick(b, 'month'), pick(b, 'year')];
  if (ay !== by) return `${ad} ${am} ${ay} – ${bd} ${bm} ${by}`;
  if (am !== bm) return `${ad} ${am} – ${bd} ${bm} ${by}`;
  return `${ad}–${bd} ${bm} ${by}`;
}
