// The one parser for Slack's single text field (and anything else that sends a line of words):
// `subscribe carter org:"Dudley Group" day:monday time:08:30`, `search ... theme:carter`,
// `digest 2017-W07`, `explain <url>`, `correct g_3fa9c1d2 -carter +procurement`, `help search`. It gathers the same raw pieces Discord's
// typed options carry and hands them to the shared builders, so both produce identical requests.
// Never throws: any input, however long or strange, yields a request or a helpful error.
import {
  buildBare,
  buildDigest,
  buildExplain,
  buildHelp,
  buildSubscribe,
  failed,
  splitOrganisations,
  splitThemeWords,
  type ParsedRequest,
} from './build-request.js';
import { cleanInput, MAX_COMMAND_CHARS } from './clean-input.js';
import { buildDeadlines } from './deadlines.js';
import { quoteInput } from './command-error.js';
import { COMMAND_NAMES, isCommandName } from './command-specs.js';
import { buildCorrect, correctInputFromText } from './correction-request.js';
import { buildEmail, emailInputFromText } from './email-request.js';
import { buildSearch, searchInputFromText } from './search-request.js';
import { didYouMean } from '../text/suggest-closest.js';
import { tokenizeWords, splitFirstWord, type Token } from './tokenize-words.js';
import type { CommandVocabulary } from './vocabulary.js';

export type { ParsedRequest } from './build-request.js';

const ALIASES: Record<string, string> = {
  sub: 'subscribe',
  unsub: 'unsubscribe',
  subs: 'subscriptions',
  find: 'search',
  '?': 'help',
};

export function parseCommandText(text: string, vocabulary: CommandVocabulary): ParsedRequest {
  try {
    return parseCleaned(decodeSlackEscapes(cleanInput(text)), vocabulary);
  } catch (error) {
    // The builders are total; this is a last line of defence so a platform handler never throws.
    return failed(
      'that command could not be read',
      `Try \`help\`. (${String(error).slice(0, 80)})`,
    );
  }
}

/**
 * Slack escapes `&`, `<` and `>` typed by the user as `&amp;`, `&lt;` and `&gt;` (its own links
 * stay as `<...>`); decoding them here gives every front end the same words.
 */
function decodeSlackEscapes(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_all, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : '>',
  );
}

function parseCleaned(text: string, vocabulary: CommandVocabulary): ParsedRequest {
  if (text.length > MAX_COMMAND_CHARS) {
    return failed(
      `that command is ${text.length} characters long; the limit is ${MAX_COMMAND_CHARS}`,
      'Shorten it: a few words and filters are enough for a search.',
    );
  }
  if (text === '') return buildHelp('');
  const [first, rest] = splitFirstWord(text);
  const word = first.toLowerCase();
  const name = ALIASES[word] ?? word;
  if (!isCommandName(name)) {
    return failed(
      `unknown command ${quoteInput(first)}${didYouMean(word, COMMAND_NAMES)}`,
      `Commands: ${COMMAND_NAMES.join(', ')}. Try \`help\`.`,
    );
  }
  switch (name) {
    case 'subscribe':
      return parseSubscribe(rest, vocabulary);
    case 'search':
      return buildSearch(searchInputFromText(rest), vocabulary);
    case 'digest':
      return rest.includes(' ') ? tooManyWords(name, rest, '`digest last`') : buildDigest(rest);
    case 'explain':
      return parseExplain(rest);
    case 'deadlines':
      return rest.includes(' ')
        ? tooManyWords(name, rest, '`deadlines all`')
        : buildDeadlines(rest);
    case 'correct':
      return buildCorrect(correctInputFromText(rest), vocabulary);
    case 'email': {
      const input = emailInputFromText(rest);
      return 'action' in input ? buildEmail(input, vocabulary) : input;
    }
    case 'help':
      return rest.includes(' ') ? tooManyWords(name, rest, '`help search`') : buildHelp(rest);
    case 'unsubscribe':
    case 'subscriptions':
    case 'themes':
    case 'status':
    case 'corrections':
      return rest === '' ? buildBare(name) : tooManyWords(name, rest, `\`${name}\``);
  }
}

/** `explain LINK scores:true` (either order). Not tokenizeWords: a link's `https:` is no option. */
function parseExplain(rest: string): ParsedRequest {
  const words = rest.split(/\s+/).filter((w) => w !== '');
  const isScores = (w: string) => w.toLowerCase().startsWith('scores:');
  const scores = words.filter(isScores).at(-1);
  const target = words.filter((w) => !isScores(w)).join(' ');
  return buildExplain(target, scores === undefined ? null : scores.slice('scores:'.length));
}

function tooManyWords(name: string, rest: string, example: string): ParsedRequest {
  return failed(
    `${name} does not understand ${quoteInput(rest)}`,
    `Try ${example}, or \`help ${name}\`.`,
  );
}

type SubscribeKey = 'themes' | 'org' | 'day' | 'time' | 'cadence' | 'alerts' | 'offTopic';

const SUBSCRIBE_KEYS: Record<string, SubscribeKey> = {
  theme: 'themes',
  themes: 'themes',
  org: 'org',
  orgs: 'org',
  organisation: 'org',
  organization: 'org',
  day: 'day',
  time: 'time',
  at: 'time',
  cadence: 'cadence',
  every: 'cadence',
  alerts: 'alerts',
  alert: 'alerts',
  offtopic: 'offTopic',
};

const SUBSCRIBE_OPTIONS = ['org', 'day', 'time', 'cadence', 'alerts', 'offtopic', 'themes'];

function parseSubscribe(rest: string, vocabulary: CommandVocabulary): ParsedRequest {
  const themeWords: string[] = [];
  const organisations: string[] = [];
  const extras = { day: null, time: null, cadence: null, alerts: null, offTopic: null } as Record<
    Exclude<SubscribeKey, 'themes' | 'org'>,
    string | null
  >;
  let now = false;
  for (const token of tokenizeWords(rest)) {
    // A bare `now` asks for last week's catch-up at once (no theme is called "now").
    if (token.key === null && token.value.toLowerCase() === 'now') {
      now = true;
      continue;
    }
    const key = token.key === null ? 'themes' : SUBSCRIBE_KEYS[token.key];
    if (key === undefined) return unknownOption(token, SUBSCRIBE_OPTIONS);
    if (token.key !== null && token.value === '') {
      return failed(
        `${token.key}: needs a value`,
        'For example `org:"Dudley Group"`, `day:monday`, `time:08:30`.',
      );
    }
    if (key === 'themes') themeWords.push(...splitThemeWords(token.value));
    else if (key === 'org') organisations.push(...splitOrganisations(token.value));
    else extras[key] = token.value;
  }
  return buildSubscribe({ themeWords, organisations, ...extras, now }, vocabulary);
}

function unknownOption(token: Token, known: readonly string[]): ParsedRequest {
  const key = token.key ?? '';
  return failed(
    `unknown option ${quoteInput(`${key}:`)}${didYouMean(key, known)}`,
    `This command accepts ${known.map((k) => `${k}:`).join(', ')}.`,
  );
}
