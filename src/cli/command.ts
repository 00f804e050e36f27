// The shape of one CLI command. Each lives in its own file under src/cli/ and is loaded lazily,
// so `briefing --help` stays fast and one command's dependencies never slow another.
import type { ParseArgsConfig } from 'node:util';
import type { CliContext } from './context.js';

export type CliOptions = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

export interface CliCommand {
  name: string;
  /** One line for `briefing --help`. */
  summary: string;
  /** Usage and option descriptions for `briefing <name> --help`. */
  help: string;
  options: CliOptions;
  /**
   * Words starting with - are words, not options, wherever they stand (`correct REF -carter`),
   * unless they name one of its options; `--` is not needed (and ignored).
   */
  signedWords?: boolean;
  /** Returns the process exit code. Expected failures print one clear line to stderr. */
  run(ctx: CliContext, args: ParsedArgs): Promise<number>;
}

/** Thrown by commands for an expected, user-facing failure: printed as one line, no stack. */
export class UsageError extends Error {
  override name = 'UsageError';
}
