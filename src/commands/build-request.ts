// The builders both front ends share. Slack's text parser (parse-command-text.ts) and Discord's
// typed options (request-from-options.ts) each gather the same raw pieces and hand them to these
// functions, so equal input yields an identical CommandRequest and an identical error.
import { formatWeek, parseWeek } from '../time/week.js';
import { commandError, quoteInput, unknownChoice, type CommandError } from './command-error.js';
import { COMMAND_NAMES, DAY_NAMES, isCommandName } from './command-specs.js';
import { didYouMean } from '../text/suggest-closest.js';
import type { CommandName, CommandRequest } from './types.js';
import type { Cadence } from '../domain.js';
import {
  FALLBACK_SCHEDULE,
  listThemeIds,
  resolveThemeWord,
  type CommandVocabulary,
} from './vocabulary.js';

export type ParsedRequest =
  { ok: true; request: CommandRequest } | { ok: false; error: CommandError };

export function parsed(request: CommandRequest): ParsedRequest {
  return { ok: true, request };
}

export function failed(message: string, hint: string | null = null): ParsedRequest {
  return { ok: false, error: commandError(message, hint) };
}

const MAX_ORGANISATIONS = 10;
const MAX_ORGANISATION_CHARS = 120;
const ALL_WORDS = new Set(['all', '*', 'everything']);

export interface SubscribeInput {
  themeWords: readonly string[];
  organisations: readonly string[];
  day: string | null;
  time: string | null;
  /** "weekly" or "daily" as typed (null: keep the channel's). */
  cadence?: string | null;
  /** "on"/"off" (or true/false, yes/no) as typed (null: keep the channel's). */
  alerts?: string | null;
  /** "on"/"off" as typed: show stories the tagger vetoed as off-topic (null: keep the channel's). */
  offTopic?: string | null;
  /** Also send last week's catch-up now. */
  now?: boolean;
}

/** Splits a list typed in one field: theme words on spaces and commas. */
export function splitThemeWords(text: string): string[] {
  return text.split(/[\s,]+/).filter((w) => w.length > 0);
}

/** Organisation names contain spaces (and sometimes commas), so several are separated by `;`. */
export function splitOrganisations(text: string): string[] {
  return text
    .split(';')
    .map((o) => o.trim())
    .filter((o) => o.length > 0);
}

export function buildSubscribe(
  input: SubscribeInput,
  vocabulary: CommandVocabulary,
): ParsedRequest {
  const ids = listThemeIds(vocabulary);
  let all = false;
  const themes: string[] = [];
  for (const word of input.themeWords) {
    if (ALL_WORDS.has(word.toLowerCase())) {
      all = true;
      continue;
    }
    const id = resolveThemeWord(word, vocabulary);
    if (id === null) {
      return failed(
        unknownChoice('theme', word, ids),
        'Try `subscribe carter stp` or `subscribe all`; `themes` shows what each covers.',
      );
    }
    if (!themes.includes(id)) themes.push(id);
  }
  const organisations: string[] = [];
  for (const name of input.organisations) {
    if (name.length > MAX_ORGANISATION_CHARS) {
      return failed(
        `organisation name ${quoteInput(name)} is too long`,
        'Give its usual name or ODS code.',
      );
    }
    if (!organisations.some((o) => o.toLowerCase() === name.toLowerCase()))
      organisations.push(name);
  }
  if (organisations.length > MAX_ORGANISATIONS) {
    return failed(`at most ${MAX_ORGANISATIONS} organisations per channel`, null);
  }
  if (!all && themes.length === 0 && organisations.length === 0) {
    return failed(
      'say which themes this channel should follow',
      `Try \`subscribe carter stp\` or \`subscribe all\`. Themes: ${ids.join(', ')}.`,
    );
  }
  const day = input.day === null ? null : parseDay(input.day);
  if (day !== null && !day.ok) return { ok: false, error: day.error };
  const time = input.time === null ? null : parseTime(input.time);
  if (time !== null && !time.ok) return { ok: false, error: time.error };
  const fallback = vocabulary.defaultSchedule?.() ?? FALLBACK_SCHEDULE;
  const schedule =
    day === null && time === null
      ? null
      : { day: day?.value ?? fallback.day, time: time?.value ?? fallback.time };
  const extras = subscribeExtras(input);
  if (!extras.ok) return { ok: false, error: extras.error };
  return parsed({
    command: 'subscribe',
    themes: all ? 'all' : themes,
    organisations,
    schedule,
    ...extras.value,
  });
}

type SubscribeExtras = { cadence?: Cadence; alerts?: boolean; offTopic?: boolean; now?: true };

/** cadence:, alerts:, offtopic: and now, present in the request only when given. */
function subscribeExtras(input: SubscribeInput): Checked<SubscribeExtras> {
  const value: SubscribeExtras = {};
  if (input.cadence != null) {
    const word = input.cadence.trim().toLowerCase();
    if (word !== 'weekly' && word !== 'daily') {
      return {
        ok: false,
        error: commandError(
          `unknown cadence ${quoteInput(input.cadence)}${didYouMean(word, CADENCES)}`,
          'Use `cadence:weekly` (the default) or `cadence:daily`.',
        ),
      };
    }
    value.cadence = word;
  }
  if (input.alerts != null) {
    const word = input.alerts.trim().toLowerCase();
    if (!YES.has(word) && !NO.has(word)) {
      return {
        ok: false,
        error: commandError(
          `alerts: takes on or off, not ${quoteInput(input.alerts)}`,
          'Use `alerts:on` or `alerts:off`.',
        ),
      };
    }
    value.alerts = YES.has(word);
  }
  if (input.offTopic != null) {
    const word = input.offTopic.trim().toLowerCase();
    if (!YES.has(word) && !NO.has(word)) {
      return {
        ok: false,
        error: commandError(
          `offtopic: takes on or off, not ${quoteInput(input.offTopic)}`,
          'Use `offtopic:on` to see stories the tagger judged off-topic, or `offtopic:off`.',
        ),
      };
    }
    value.offTopic = YES.has(word);
  }
  if (input.now === true) value.now = true;
  return { ok: true, value };
}

const CADENCES = ['weekly', 'daily'] as const;

type Checked<T> = { ok: true; value: T } | { ok: false; error: CommandError };

export function parseDay(text: string): Checked<number> {
  const word = text.trim().toLowerCase();
  const index = DAY_NAMES.findIndex((d) => word.length >= 3 && d.startsWith(word));
  if (index >= 0) return { ok: true, value: index };
  return {
    ok: false,
    error: commandError(
      `unknown day ${quoteInput(text)}${didYouMean(word, DAY_NAMES)}`,
      'Use a day name: `day:monday` (mon, tue, ... work too).',
    ),
  };
}

export function parseTime(text: string): Checked<string> {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  const hour = match ? Number(match[1]) : NaN;
  const minute = match ? Number(match[2]) : NaN;
  if (!match || hour > 23 || minute > 59) {
    return {
      ok: false,
      error: commandError(
        `${quoteInput(text)} is not a time.`,
        'Use 24-hour HH:MM, e.g. `time:08:30`.',
      ),
    };
  }
  if (hour === 1) {
    // node-cron skips or repeats 01:00-01:59 local on the days the clocks change (STACK.md).
    return {
      ok: false,
      error: commandError(
        `${quoteInput(text)} falls in the hour the clocks change.`,
        'Times from 01:00 to 01:59 are skipped or repeated twice a year; choose another time.',
      ),
    };
  }
  return { ok: true, value: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` };
}

const THIS_WEEK = new Set(['', 'this', 'now', 'current']);
const LAST_WEEK = new Set(['last', 'previous', 'prev']);

export function buildDigest(week: string): ParsedRequest {
  const word = week.trim().toLowerCase();
  if (THIS_WEEK.has(word)) return parsed({ command: 'digest', week: 'this' });
  if (LAST_WEEK.has(word)) return parsed({ command: 'digest', week: 'last' });
  const label = parseWeek(word);
  if (label.ok) return parsed({ command: 'digest', week: formatWeek(label.week) });
  return failed(
    /^\d{4}-?w\d{1,2}$/.test(word) ? label.reason : `unknown week ${quoteInput(week)}`,
    'Use `digest` (this week so far), `digest last` or an ISO week such as `digest 2017-W07`.',
  );
}

/** Slack sends links as `<https://...>` or `<https://...|label>`; keep the address. */
export function unwrapSlackLink(text: string): string {
  const match = /^<((?:https?:\/\/|www\.)[^|>\s]+)(?:\|[^>]*)?>$/i.exec(text.trim());
  return match ? match[1]! : text.trim();
}

const YES = new Set(['true', 'yes', 'on', '1']);
const NO = new Set(['false', 'no', 'off', '0']);

/** `scores`: null when not given; "true"/"false" (or yes/no) as typed or as Discord sends them. */
export function buildExplain(target: string, scores: string | null = null): ParsedRequest {
  const flag = scores === null ? false : scores.trim().toLowerCase();
  if (flag !== false && !YES.has(flag) && !NO.has(flag)) {
    return failed(
      `scores: takes true or false, not ${quoteInput(scores ?? '')}`,
      'Add `scores:true` to see the numbers behind the words: `explain https://... scores:true`.',
    );
  }
  const value = unwrapSlackLink(target);
  if (value.length === 0) {
    return failed(
      'explain needs a story',
      'Give its link or its id from search results: `explain https://...`.',
    );
  }
  if (/\s/.test(value)) {
    return failed(
      `${quoteInput(value)} is not a link or a story id`,
      'Give one link or id: `explain https://...`.',
    );
  }
  const withScores = flag !== false && YES.has(flag);
  return parsed({ command: 'explain', target: value, ...(withScores ? { scores: true } : {}) });
}

export function buildHelp(topic: string): ParsedRequest {
  const word = topic.trim().toLowerCase();
  if (word === '') return parsed({ command: 'help', topic: null });
  if (isCommandName(word)) return parsed({ command: 'help', topic: word });
  return failed(
    `no command called ${quoteInput(topic)}${didYouMean(word, COMMAND_NAMES)}`,
    `Commands: ${COMMAND_NAMES.join(', ')}.`,
  );
}

/** Commands without arguments. */
export function buildBare(
  name: Exclude<
    CommandName,
    'subscribe' | 'search' | 'digest' | 'explain' | 'deadlines' | 'correct' | 'email' | 'help'
  >,
): ParsedRequest {
  return parsed({ command: name });
}
