// Closing dates of consultations, calls for evidence, tenders and the like, from a story's title,
// summary and body. Pure and deterministic (the clock is the story's publication date).
// How: a trigger word ("closes", "closing date", "deadline", "responses ... by", "open until")
// marks where a date may follow; the few words after it are read by chrono-node's en-GB parser
// (day before month), and only a result that starts within a few plain words of the trigger and
// names a calendar day (a month and a day number) is kept: "closes in two weeks", "later this
// year", "in the spring" name none. Durations ("runs for eight weeks", "a 12-week consultation")
// count from the publication day. deadline-date.ts pins the year and the time, or refuses.
// Context: "closes" and "until" count only in a sentence about something that takes responses
// (a consultation, a tender, applications...), so "the ward closes on 3 March" is no deadline.
// Hostile text: every pattern here is linear; chrono (far from linear on runs of dates) sees at
// most one date and what follows it; per field at most MAX_TRIGGERS triggers are looked at and
// MAX_PARSES dates parsed.
// English only (chrono-node/en): the package root loads all 16 locales, ~500 modules (issue 17).
import * as chrono from 'chrono-node/en';
import type { DeadlineMention } from '../domain.js';
import type { LocalDate } from '../time/week.js';
import { pinAfter, pinDate, publicationDay, type DateFields } from './deadline-date.js';
import { kindOf } from './deadline-kind.js';
import type { DeadlineScreen } from './deadline-screen.js';

export interface DeadlineSource {
  title: string;
  summary: string;
  content?: string;
  publishedAt: string;
}

/** Characters read after a trigger; chrono sees only up to just past the first month name. */
const WINDOW = 90;
/** Characters kept after the first month name or numeric date ("2022 at 11:59pm" fits). */
const AFTER_MONTH = 18;
/** Characters read before "deadline" ("the 31 July deadline"). */
const WINDOW_BEFORE = 30;
const CONTEXT = 240;
/** Per field: triggers looked at, and dates handed to chrono (the costly step). */
const MAX_TRIGGERS = 2000;
const MAX_PARSES = 40;

// The date must follow the trigger within a few plain words: no digits, no sentence end between.
const GAP = /^[\s,:;–-]*(?<words>(?:[a-z]+[\s,:]+)*)$/i;
const MONTH =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;
const NUMERIC_DATE = /\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/;
const DAY_NUMBER = /\b\d{1,2}(?:st|nd|rd|th)?\b/i;

interface Trigger {
  pattern: RegExp;
  /** The sentence must be about something that takes responses (RESPONSES). */
  needsResponses: boolean;
  /** Plain words allowed between trigger and date ("deadline for submissions is 3 May"). */
  gapWords: number;
  /** The date may also come just before it ("the 31 July deadline"). */
  dateBefore: boolean;
}

const TRIGGERS: readonly Trigger[] = [
  {
    pattern: /\bclosing date\b|\bdeadline\b/gi,
    needsResponses: false,
    gapWords: 4,
    dateBefore: true,
  },
  {
    pattern: /\b(?:closes|closing|close|ends?)\b/gi,
    needsResponses: true,
    gapWords: 2,
    dateBefore: false,
  },
  { pattern: /\buntil\b/gi, needsResponses: true, gapWords: 0, dateBefore: false },
  {
    pattern: /\b(?:by|before|no later than)\b/gi,
    needsResponses: true,
    gapWords: 1,
    dateBefore: false,
  },
];

/** Matches wherever any of TRIGGERS' patterns would (their alternatives, in one pattern). */
export const ANY_TRIGGER = new RegExp(TRIGGERS.map((t) => t.pattern.source).join('|'), 'i');

// Something that takes responses, and so has a closing date.
const RESPONSES =
  /\b(?:consult\w*|call for evidence|calls for evidence|survey|tenders?|tendering|bids?|bidding|applications?|apply|submissions?|submit|responses?|respond|views|comments?|feedback|nominations?|expressions? of interest|procurement|invitation to|engagement|inquiry|registration|evidence)\b/i;

// "runs for eight weeks", "open for 12 weeks"; "an eight-week consultation".
const DURATIONS: readonly RegExp[] = [
  /\b(?:runs?|running|open|lasts?) for (?:an? |the next )?(\d{1,2}|[a-z]+)[- ]weeks?\b/gi,
  /\b(\d{1,2}|[a-z]+)[- ]week (?:public )?(?:consultation|call for evidence|engagement|listening exercise)\b/gi,
];

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(
    'one two three four five six seven eight nine ten eleven twelve thirteen fourteen'
      .split(' ')
      .map((word, i) => [word, i + 1]),
  ),
  sixteen: 16,
  twenty: 20,
};

/**
 * Every closing date the story gives, first mention first, each (day, kind) once. `screen`: what
 * the story's word scan learnt (deadline-screen.ts); a field it clears is not searched for triggers.
 */
export function findDeadlines(
  story: DeadlineSource,
  timeZone: string,
  screen?: DeadlineScreen,
): DeadlineMention[] {
  // The publication day is read only when a date is (Intl's formatToParts costs more than
  // scanning a story without one); no day means no deadlines, as before.
  const published: Publication = { publishedAt: story.publishedAt, timeZone, day: undefined };
  const found: DeadlineMention[] = [];
  let seen: Set<string> | null = null;
  for (let order = 0; order < 3; order++) {
    const text = order === 0 ? story.title : order === 1 ? story.summary : (story.content ?? '');
    if (text === '') continue;
    const triggers = screen?.mayHoldTrigger[order] === false ? NONE : readTriggers(text, published);
    const durations = screen?.mayHoldDuration?.[order] === false ? NONE : readDurations(text);
    // Most fields have neither: no merged list, no set of days (issue 18).
    if (triggers.length === 0 && durations.length === 0) continue;
    seen ??= new Set<string>();
    for (const hit of [...triggers, ...durations]) {
      const from = publishedDay(published);
      if (from === null) return [];
      const pinned = 'days' in hit ? pinAfter(from, hit.days, timeZone) : hit.pinned;
      if (pinned === null) continue;
      const kind = kindOf(hit.context, story.title);
      const key = `${pinned.closesOn}|${kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ kind, ...pinned, timeZone, phrase: hit.phrase });
    }
  }
  return found;
}

/** A story's publication day, read on first need (an object, not a closure per story). */
interface Publication {
  publishedAt: string;
  timeZone: string;
  day: LocalDate | null | undefined;
}

function publishedDay(p: Publication): LocalDate | null {
  return p.day === undefined ? (p.day = publicationDay(p.publishedAt, p.timeZone)) : p.day;
}

/** No hits: one shared empty list (never written to). */
const NONE: readonly never[] = [];
const WEEK = /week/i;

interface DurationHit {
  phrase: string;
  context: string;
  days: number;
}

interface TriggerHit {
  phrase: string;
  context: string;
  pinned: ReturnType<typeof pinDate>;
}

function readTriggers(text: string, publication: Publication): readonly TriggerHit[] {
  // Most text has no trigger word at all: one pass says so instead of one per trigger.
  if (!ANY_TRIGGER.test(text)) return NONE;
  const hits: TriggerHit[] = [];
  // A sentence can name something that takes responses only if the field does, unless the
  // sentence was cut mid-word at CONTEXT characters (a cut can make a word, so then look).
  const fieldTakesResponses = RESPONSES.test(text);
  let seen = 0;
  let parsed = 0;
  for (const trigger of TRIGGERS) {
    for (const match of text.matchAll(trigger.pattern)) {
      if (seen++ >= MAX_TRIGGERS || parsed >= MAX_PARSES) return hits;
      const start = match.index;
      const end = start + match[0].length;
      const cut = start > CONTEXT || end + CONTEXT < text.length;
      if (trigger.needsResponses && !fieldTakesResponses && !cut) continue;
      const context = sentenceAround(text, start, end);
      if (trigger.needsResponses && !RESPONSES.test(context)) continue;
      parsed++;
      const published = publishedDay(publication);
      if (published === null) return [];
      const after = readDate(text.slice(end, end + WINDOW), published, trigger.gapWords, 'after');
      const before =
        after === null && trigger.dateBefore
          ? readDate(text.slice(Math.max(0, start - WINDOW_BEFORE), start), published, 0, 'before')
          : null;
      const date = after ?? before;
      if (date === null) continue;
      const phrase =
        after !== null
          ? text.slice(start, end + after.length)
          : text.slice(start - (before?.length ?? 0), end);
      hits.push({
        phrase: phrase.trim(),
        context,
        pinned: pinDate(date.fields, published, publication.timeZone),
      });
    }
  }
  return hits;
}

/**
 * The window up to just past its first month name or numeric date ('' when it has none). chrono
 * is far from linear on runs of dates (60 characters of "12 January 12 January ..." take it
 * 100 ms), so it never sees more than one date and a year and time after it.
 */
function trimWindow(window: string): string {
  const month = MONTH.exec(window);
  const numeric = NUMERIC_DATE.exec(window);
  const first = [month, numeric]
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => a.index - b.index)[0];
  return first === undefined ? '' : window.slice(0, first.index + first[0].length + AFTER_MONTH);
}

/** Plain words between a trigger and its date, or -1 when something else is in between. */
function countGapWords(gap: string): number {
  const words = GAP.exec(gap)?.groups?.words;
  return words === undefined ? -1 : words.split(/[\s,:]+/).filter((w) => w !== '').length;
}

/**
 * The date chrono reads at the start of `window` (side 'after', within `gapWords` words) or at
 * its very end (side 'before'), and the characters it took from that side.
 */
function readDate(
  window: string,
  published: LocalDate,
  gapWords: number,
  side: 'after' | 'before',
): { fields: DateFields; length: number } | null {
  const reference = new Date(Date.UTC(published.year, published.month - 1, published.day, 12));
  const text = side === 'after' ? trimWindow(window) : window;
  if (!MONTH.test(text) && !NUMERIC_DATE.test(text)) return null;
  const results = chrono.GB.parse(text, reference);
  const result = side === 'after' ? results[0] : results.at(-1);
  if (result === undefined) return null;
  if (side === 'after') {
    const words = countGapWords(window.slice(0, result.index));
    if (words < 0 || words > gapWords) return null;
  } else if (window.slice(result.index + result.text.length).trim() !== '') return null;
  // A calendar day by name or number: relative phrases ("in two weeks", "tomorrow") are not.
  const names = MONTH.test(result.text) && DAY_NUMBER.test(result.text);
  if (!names && !NUMERIC_DATE.test(result.text)) return null;
  const known = (unit: chrono.Component) =>
    result.start.isCertain(unit) ? (result.start.get(unit) ?? undefined) : undefined;
  const day = known('day');
  const month = known('month');
  if (day === undefined || month === undefined) return null;
  const fields: DateFields = { day, month };
  const year = known('year');
  const weekday = known('weekday');
  const hour = known('hour');
  if (year !== undefined) fields.year = year;
  if (weekday !== undefined) fields.weekday = weekday;
  if (hour !== undefined) {
    fields.hour = hour;
    fields.minute = known('minute') ?? 0;
    if (/\bmidnight\b/i.test(result.text)) fields.midnight = true;
  }
  const length =
    side === 'after' ? result.index + result.text.length : window.length - result.index;
  return { fields, length };
}

function readDurations(text: string): readonly DurationHit[] {
  // Every duration pattern names a week: most text has none, and skips both scans.
  if (!WEEK.test(text)) return NONE;
  const hits: DurationHit[] = [];
  let read = 0;
  for (const pattern of DURATIONS) {
    for (const match of text.matchAll(pattern)) {
      if (read++ >= MAX_TRIGGERS) return hits;
      const word = (match[1] ?? '').toLowerCase();
      const weeks = /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word];
      if (weeks === undefined || weeks < 1 || weeks > 26) continue;
      const context = sentenceAround(text, match.index, match.index + match[0].length);
      if (!RESPONSES.test(context)) continue;
      hits.push({ phrase: match[0].trim(), context, days: weeks * 7 });
    }
  }
  return hits;
}

/** The sentence holding [start, end), at most CONTEXT characters either side. */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - CONTEXT), start);
  const after = text.slice(end, end + CONTEXT);
  const from = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'));
  const stops = [after.indexOf('. '), after.indexOf('\n')].filter((i) => i >= 0);
  const to = stops.length > 0 ? Math.min(...stops) : after.length;
  return `${before.slice(from + 1)}${text.slice(start, end)}${after.slice(0, to)}`;
}
