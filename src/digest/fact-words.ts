// The few words digest facts are built from: lists ("A, B and C"), ordinals ("fourth"), and dates
// as a reader says them ("12 March", "since November"), in the digest's time zone. Pure.
// Rules: a date in the digest's own year drops the year; an unparsable date gives ''.

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsOf(iso: string, timeZone: string): { day: string; month: string; year: string } {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      });
    } catch {
      formatter = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'UTC',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      });
    }
    formatters.set(timeZone, formatter);
  }
  const out = { day: '', month: '', year: '' };
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return out;
  for (const p of formatter.formatToParts(date)) {
    if (p.type === 'day' || p.type === 'month' || p.type === 'year') out[p.type] = p.value;
  }
  return out;
}

/** "12 March" (or "12 March 2020" when not in `year`). */
export function sayDate(iso: string, timeZone: string, year: string): string {
  const p = partsOf(iso, timeZone);
  if (p.day === '') return '';
  return p.year === year ? `${p.day} ${p.month}` : `${p.day} ${p.month} ${p.year}`;
}

/** The year (e.g. "2021") of an instant in the time zone. */
export function yearOf(iso: string, timeZone: string): string {
  return partsOf(iso, timeZone).year;
}

/** "fourth"; "11th" beyond the words. */
export function ordinal(n: number): string {
  const word = ORDINALS[n - 1];
  if (word !== undefined) return word;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "A", "A and B", "A, B and C". */
export function sayList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
