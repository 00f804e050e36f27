// Feed dates to UTC instants. Feeds use RFC 822 (RSS), RFC 3339 (Atom), and worse: British
// zone names ("BST"), two-digit years, no zone at all. Date.parse handles most of RFC 822 and
// ISO 8601; we first rewrite the zone names it does not know and give zone-less times UTC
// (Date.parse would otherwise use the machine's local zone, making results machine-dependent).

/** Zone abbreviations seen in feeds, with their UTC offsets. */
const ZONES: Record<string, string> = {
  UT: '+0000',
  UTC: '+0000',
  GMT: '+0000',
  Z: '+0000',
  BST: '+0100',
  IST: '+0100',
  WET: '+0000',
  WEST: '+0100',
  CET: '+0100',
  CEST: '+0200',
  EET: '+0200',
  EEST: '+0300',
  EST: '-0500',
  EDT: '-0400',
  CST: '-0600',
  CDT: '-0500',
  MST: '-0700',
  MDT: '-0600',
  PST: '-0800',
  PDT: '-0700',
  AEST: '+1000',
  AEDT: '+1100',
};

const ISO_WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
const ENDS_WITH_TIME = /\d{1,2}:\d{2}(?::\d{2})?$/;

/** The RFC 822 form nearly every RSS feed uses, with a numeric or UTC zone. */
const RFC822_COMMON =
  /^(?:[A-Za-z]{3}, ?)?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? (GMT|UTC?|Z|[+-]\d{4})$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The common RFC 822 form read directly (V8's Date.parse on it costs as much as the rest of an
 * item's normalisation), or null to take the general path. Out-of-range fields ("31 Feb") also
 * take the general path, so both give the same answer.
 */
function parseCommonRfc822(text: string): Date | null {
  const m = RFC822_COMMON.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  const [year, day, hour, minute, second] = [m[3], m[1], m[4], m[5], m[6] ?? '0'].map(Number);
  if (month < 0 || hour! > 23 || minute! > 59 || second! > 59) return null;
  const local = Date.UTC(year!, month, day!, hour!, minute!, second!);
  if (new Date(local).getUTCDate() !== day) return null;
  const zone = m[7]!;
  const sign = zone.startsWith('-') ? -1 : 1;
  const offsetMinutes = /^[+-]/.test(zone)
    ? sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)))
    : 0;
  return new Date(local - offsetMinutes * 60_000);
}

/** Parses a feed date to a Date, or null when it is not a date at all. */
export function parseFeedDate(raw: string | null | undefined): Date | null {
  if (!raw) return null;
  let text = raw.trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  const common = parseCommonRfc822(text);
  if (common !== null) return common;
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (uk) {
    // dd/mm/yyyy, as British sites write it (never the US order).
    const ms = Date.UTC(Number(uk[3]), Number(uk[2]) - 1, Number(uk[1]));
    return Number(uk[2]) <= 12 && Number(uk[1]) <= 31 ? new Date(ms) : null;
  }
  if (ISO_WITHOUT_ZONE.test(text)) text = `${text.replace(' ', 'T')}Z`;
  else if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    text = text.replace(/\b([A-Z]{1,4})$/, (zone) => ZONES[zone] ?? zone);
    if (ENDS_WITH_TIME.test(text)) text = `${text} +0000`;
    // "14 February 2017": a date without a time, read as midnight UTC.
    else if (!/\d:\d\d/.test(text) && !/^\d{4}-\d{2}(-\d{2})?$/.test(text)) {
      text = `${text} 00:00 +0000`;
    }
  }
  const ms = Date.parse(text);
  if (Number.isFinite(ms)) return new Date(ms);
  // "Tue, 14 Feb 2017" with a misspelt weekday, or "Tuesday, 14 February 2017 ...": drop it.
  const withoutWeekday = text.replace(/^[A-Za-z]+,?\s+/, '');
  if (withoutWeekday !== text) {
    const retry = Date.parse(withoutWeekday);
    if (Number.isFinite(retry)) return new Date(retry);
  }
  return null;
}
