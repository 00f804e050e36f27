// Discord's typed slash-command options (or any key/value front end) to a CommandRequest, through
// the same builders as Slack's text parser. Option names are those in command-specs.ts. Values
// are cleaned like typed text; unknown option names are reported, never ignored. Never throws.
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
import { COMMAND_NAMES, findCommandSpec } from './command-specs.js';
import { buildCorrect } from './correction-request.js';
import { buildEmail } from './email-request.js';
import { buildSearch } from './search-request.js';
import { didYouMean } from '../text/suggest-closest.js';
import type { CommandVocabulary } from './vocabulary.js';

export type OptionValue = string | number | boolean | undefined | null;

export function requestFromOptions(
  name: string,
  options: Readonly<Record<string, OptionValue>>,
  vocabulary: CommandVocabulary,
): ParsedRequest {
  try {
    return buildFromOptions(name, options, vocabulary);
  } catch (error) {
    return failed(
      'that command could not be read',
      `Try \`help\`. (${String(error).slice(0, 80)})`,
    );
  }
}

/** The cleaned, non-empty option values by name, or the error for an unknown or long option. */
function readOptionValues(
  name: string,
  specOptions: readonly { name: string }[],
  options: Readonly<Record<string, OptionValue>>,
): { values: Record<string, string> } | { refused: ParsedRequest } {
  const values: Record<string, string> = {};
  let total = 0;
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || value === null) continue;
    if (!specOptions.some((o) => o.name === key)) {
      const known = specOptions.map((o) => o.name);
      const hint =
        known.length > 0 ? `Options: ${known.join(', ')}.` : `\`${name}\` takes no options.`;
      return {
        refused: failed(`${name} has no option ${quoteInput(key)}${didYouMean(key, known)}`, hint),
      };
    }
    const text = cleanInput(String(value));
    total += text.length;
    if (text !== '') values[key] = text;
  }
  if (total > MAX_COMMAND_CHARS) {
    return {
      refused: failed(
        `those options are ${total} characters long; the limit is ${MAX_COMMAND_CHARS}`,
        'Shorten them: a few words and filters are enough for a search.',
      ),
    };
  }
  return { values };
}

function buildFromOptions(
  rawName: string,
  options: Readonly<Record<string, OptionValue>>,
  vocabulary: CommandVocabulary,
): ParsedRequest {
  const name = cleanInput(String(rawName)).toLowerCase();
  const spec = findCommandSpec(name);
  if (spec === undefined) {
    return failed(
      `unknown command ${quoteInput(name)}${didYouMean(name, COMMAND_NAMES)}`,
      `Commands: ${COMMAND_NAMES.join(', ')}.`,
    );
  }
  const read = readOptionValues(name, spec.options, options);
  if ('refused' in read) return read.refused;
  const values = read.values;
  const get = (key: string): string => values[key] ?? '';
  const orNull = (key: string): string | null => values[key] ?? null;
  switch (spec.name) {
    case 'subscribe':
      return buildSubscribe(
        {
          themeWords: splitThemeWords(get('themes')),
          organisations: splitOrganisations(get('org')),
          day: orNull('day'),
          time: orNull('time'),
          cadence: orNull('cadence'),
          alerts: orNull('alerts'),
          offTopic: orNull('offtopic'),
          now: get('now').toLowerCase() === 'true',
        },
        vocabulary,
      );
    case 'search':
      return buildSearch(
        {
          words: get('words'),
          theme: orNull('theme'),
          source: orNull('source'),
          org: orNull('org'),
          since: orNull('since'),
          until: orNull('until'),
          page: orNull('page'),
        },
        vocabulary,
      );
    case 'digest':
      return buildDigest(get('week'));
    case 'explain':
      return buildExplain(get('story'), orNull('scores'));
    case 'deadlines':
      return buildDeadlines(orNull('scope'));
    case 'correct':
      return buildCorrect(
        { target: get('story'), changes: get('themes'), note: orNull('note') },
        vocabulary,
      );
    case 'email':
      return buildEmail(
        {
          action: get('action'),
          address: get('address'),
          themeWords: splitThemeWords(get('themes')),
          cadence: orNull('cadence'),
        },
        vocabulary,
      );
    case 'help':
      return buildHelp(get('command'));
    case 'corrections':
    case 'unsubscribe':
    case 'subscriptions':
    case 'themes':
    case 'status':
      return buildBare(spec.name);
  }
}
