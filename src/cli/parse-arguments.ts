// Command-line parsing with one-line, helpful usage errors: an unknown command or option names the
// closest valid one ("unknown option --sinse (did you mean --since?)"), a missing or misplaced
// value says which option needs it. Node's util.parseArgs does the parsing; its own messages span
// several lines and suggest nothing, so its tokens are checked here first.
import { parseArgs } from 'node:util';
import { showArgument } from '../text/show-argument.js';
import { suggestClosest } from '../text/suggest-closest.js';
import { UsageError, type CliOptions, type ParsedArgs } from './command.js';

/** Options every command accepts: --help here, --config (taken off earlier) in cli.ts. */
const COMMON_OPTIONS: CliOptions = { help: { type: 'boolean', short: 'h' } };
const GLOBAL_OPTION_NAMES = ['config'];

export function unknownCommandError(name: string, known: readonly string[]): UsageError {
  // An option before any command ("briefing --verbose"): only the global ones are valid there.
  if (name.startsWith('-')) return unknownOptionError('', name, COMMON_OPTIONS);
  const closest = suggestClosest(name, known);
  const hint = closest ? ` (did you mean ${closest}?)` : '';
  return new UsageError(
    `unknown command "${showArgument(name)}"${hint}; run "briefing --help" for the list`,
  );
}

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

function unknownOptionError(
  commandName: string,
  raw: string,
  options: CliOptions,
  signedWords = false,
): UsageError {
  const longNames = [...Object.keys(options), ...GLOBAL_OPTION_NAMES];
  const word = raw.replace(/^-+/, '');
  // A single letter is too short to guess from; a long name gets the closest long option.
  const closest = word.length > 1 ? suggestClosest(word, longNames) : null;
  const hint = closest
    ? ` (did you mean --${closest}?)`
    : commandName === ''
      ? '; see "briefing --help"'
      : `; see "briefing ${commandName} --help"${signedWords ? '' : ' (a word starting with - goes after --)'}`;
  return new UsageError(`unknown option ${showArgument(raw)}${hint}`);
}

function checkToken(
  commandName: string,
  token: Token,
  options: CliOptions,
  args: readonly string[],
  signedWords: boolean,
): void {
  if (token.kind !== 'option') return;
  const option = options[token.name];
  // Short options come one letter at a time ("-carter" is -c -a ...): echo the whole word.
  const raw = token.rawName.startsWith('--') ? token.rawName : (args[token.index] ?? token.rawName);
  if (!option) throw unknownOptionError(commandName, raw, options, signedWords);
  const shown = showArgument(token.rawName);
  if (option.type === 'boolean' && token.value !== undefined)
    throw new UsageError(`option ${shown} takes no value`);
  if (option.type === 'string' && token.value === undefined)
    throw new UsageError(`option ${shown} needs a value`);
  if (option.type === 'string' && !token.inlineValue && token.value?.startsWith('-'))
    throw new UsageError(
      `option ${shown} needs a value (write ${shown}=VALUE for a value starting with -)`,
    );
}

/**
 * For a command taking signed words (`correct REF -carter +procurement`): each word of one dash
 * and two or more characters that does not name one of its options ("-platform" is a mistyped
 * option, not a word) is taken out as a positional, where it stood; a `--` is dropped (the
 * options after it are still options). The value of a string option is left with its option.
 */
function takeSignedWords(
  args: readonly string[],
  options: CliOptions,
): { rest: string[]; restAt: number[]; words: { at: number; word: string }[] } {
  const rest: string[] = [];
  const restAt: number[] = [];
  const words: { at: number; word: string }[] = [];
  const keep = (at: number) => {
    rest.push(args[at]!);
    restAt.push(at);
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') continue;
    if (arg.startsWith('--')) {
      keep(i);
      const option = options[arg.slice(2)];
      if (option?.type === 'string' && i + 1 < args.length) keep(++i);
    } else if (/^-[^-].+/su.test(arg) && !Object.hasOwn(options, arg.slice(1))) {
      words.push({ at: i, word: arg });
    } else keep(i);
  }
  return { rest, restAt, words };
}

/**
 * Parses a command's arguments (after the command name), accepting --help on every command.
 * Throws a UsageError with one line for anything the command does not accept. With
 * `signedWords`, words starting with - are positionals too (takeSignedWords).
 */
export function parseCommandArguments(
  commandName: string,
  commandOptions: CliOptions,
  args: string[],
  signedWords = false,
): ParsedArgs {
  const options = { ...commandOptions, ...COMMON_OPTIONS };
  const { rest, restAt, words } = signedWords
    ? takeSignedWords(args, options)
    : { rest: args, restAt: args.map((_, i) => i), words: [] };
  const loose = parseArgs({
    args: rest,
    options,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const token of loose.tokens) checkToken(commandName, token, options, rest, signedWords);
  // Every token is known and well-formed now; strict parsing only gathers the values.
  // (Multiple-value options never occur in one list of both types, so the union is safe.)
  const parsed = parseArgs({
    args: rest,
    options,
    allowPositionals: true,
    strict: true,
    tokens: true,
  });
  if (words.length === 0)
    return { values: parsed.values, positionals: parsed.positionals } as ParsedArgs;
  // The signed words back among the other positionals, in the order they were typed.
  const positionals = [
    ...parsed.tokens
      .filter((t) => t.kind === 'positional')
      .map((t) => ({ at: restAt[t.index]!, word: t.value })),
    ...words,
  ]
    .sort((a, b) => a.at - b.at)
    .map((p) => p.word);
  return { values: parsed.values, positionals } as ParsedArgs;
}
