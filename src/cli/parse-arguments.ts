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

function unknownOptionError(commandName: string, raw: string, options: CliOptions): UsageError {
  const longNames = [...Object.keys(options), ...GLOBAL_OPTION_NAMES];
  const word = raw.replace(/^-+/, '');
  // A single letter is too short to guess from; a long name gets the closest long option.
  const closest = word.length > 1 ? suggestClosest(word, longNames) : null;
  const hint = closest
    ? ` (did you mean --${closest}?)`
    : commandName === ''
      ? '; see "briefing --help"'
      : `; see "briefing ${commandName} --help" (a word starting with - goes after --)`;
  return new UsageError(`unknown option ${showArgument(raw)}${hint}`);
}

function checkToken(commandName: string, token: Token, options: CliOptions): void {
  if (token.kind !== 'option') return;
  const option = options[token.name];
  if (!option) throw unknownOptionError(commandName, token.rawName, options);
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
 * Parses a command's arguments (after the command name), accepting --help on every command.
 * Throws a UsageError with one line for anything the command does not accept.
 */
export function parseCommandArguments(
  commandName: string,
  commandOptions: CliOptions,
  args: string[],
): ParsedArgs {
  const options = { ...commandOptions, ...COMMON_OPTIONS };
  const loose = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  for (const token of loose.tokens) checkToken(commandName, token, options);
  // Every token is known and well-formed now; strict parsing only gathers the values.
  // (Multiple-value options never occur in one list of both types, so the union is safe.)
  return parseArgs({ args, options, allowPositionals: true, strict: true }) as ParsedArgs;
}
