// `email add ADDRESS [THEME ...] [cadence:...]`, `email remove ADDRESS`, `email list` to an
// EmailRequest, from Slack's and Teams' text (emailInputFromText) or Discord's typed options,
// through one builder. Themes and cadence go through the subscribe builder, so they are read (and
// refused) exactly as `subscribe` reads them; no themes means all. The address is checked by
// text/email-address.ts. Never throws.
import { checkEmailAddress, MAX_ADDRESS_CHARS } from '../text/email-address.js';
import {
  buildSubscribe,
  failed,
  parsed,
  splitThemeWords,
  type ParsedRequest,
} from './build-request.js';
import { quoteInput } from './command-error.js';
import type { EmailAction } from './email-types.js';
import { tokenizeWords, splitFirstWord } from './tokenize-words.js';
import type { CommandVocabulary } from './vocabulary.js';

export interface EmailInput {
  action: string;
  address: string;
  themeWords: readonly string[];
  cadence: string | null;
}

const ACTIONS: readonly EmailAction[] = ['add', 'remove', 'list'];
const USAGE =
  'Try `email add team@nhs.net carter stp`, `email remove team@nhs.net` or `email list`.';

/** Slack/Teams words: the action, the address, then themes and `cadence:` for `add`. */
export function emailInputFromText(rest: string): EmailInput | ParsedRequest {
  const [action, afterAction] = splitFirstWord(rest);
  // A display name, angle brackets or a list: check all of it as the address, so the answer
  // says what is wrong with it instead of taking its first word.
  const whole =
    /[<>",;]/.test(afterAction) && !/^<mailto:[^\s|>]+\|[^\s>]+>(\s|$)/.test(afterAction);
  const [first, more] = whole ? [afterAction, ''] : splitFirstWord(afterAction);
  const themeWords: string[] = [];
  let cadence: string | null = null;
  for (const token of tokenizeWords(more)) {
    if (token.key === 'cadence' || token.key === 'every') cadence = token.value;
    else if (token.key === 'theme' || token.key === 'themes' || token.key === null)
      themeWords.push(...splitThemeWords(token.value));
    else
      return failed(
        `email does not take ${quoteInput(`${token.key}:`)}`,
        `Only themes and \`cadence:\`. ${USAGE}`,
      );
  }
  return { action, address: unwrapMailto(first), themeWords, cadence };
}

/** Slack may send a typed address as its link form `<mailto:a@b|a@b>`. */
function unwrapMailto(word: string): string {
  const link = /^<mailto:([^\s|>]+)\|([^\s>]+)>$/.exec(word);
  return link?.[1] !== undefined && link[1] === link[2] ? link[1] : word;
}

export function buildEmail(input: EmailInput, vocabulary: CommandVocabulary): ParsedRequest {
  const action = ACTIONS.find((a) => a === input.action.trim().toLowerCase());
  if (action === undefined) {
    return failed(
      input.action.trim() === ''
        ? 'say what to do: add, remove or list'
        : `email has no action ${quoteInput(input.action)}`,
      USAGE,
    );
  }
  if (action === 'list') {
    return input.address.trim() === '' && input.themeWords.length === 0 && input.cadence === null
      ? parsed({ command: 'email', action })
      : failed('`email list` takes nothing more', USAGE);
  }
  const checked = checkEmailAddress(input.address.slice(0, MAX_ADDRESS_CHARS + 1));
  if (!checked.ok) {
    return failed(
      `${quoteInput(input.address)} is not an address I can add: ${checked.reason}`,
      USAGE,
    );
  }
  if (action === 'remove') {
    return input.themeWords.length === 0 && input.cadence === null
      ? parsed({ command: 'email', action, address: checked.address })
      : failed('`email remove` takes only the address', USAGE);
  }
  const subscribe = buildSubscribe(
    {
      themeWords: input.themeWords.length === 0 ? ['all'] : input.themeWords,
      organisations: [],
      day: null,
      time: null,
      cadence: input.cadence,
    },
    vocabulary,
  );
  if (!subscribe.ok) return subscribe;
  if (subscribe.request.command !== 'subscribe')
    return failed('that command could not be read', USAGE);
  const { themes, cadence } = subscribe.request;
  return parsed({
    command: 'email',
    action,
    address: checked.address,
    themes,
    ...(cadence ? { cadence } : {}),
  });
}
