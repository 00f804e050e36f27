// `briefing`: one-shot commands. Every job the scheduler runs is also a command here.
// Commands live one per file in src/cli/ and are imported only when used.
import type { CliCommand } from './cli/command.js';
import { UsageError } from './cli/command.js';
import type { CliContext } from './cli/context.js';
import {
  EXIT_CONFIG,
  EXIT_FAILED,
  EXIT_OK,
  EXIT_PLATFORM_UNAVAILABLE,
  EXIT_USAGE,
} from './cli/exit-codes.js';
import { parseCommandArguments, unknownCommandError } from './cli/parse-arguments.js';
import { ConfigError } from './config/config-error.js';
import { platformCommands } from './cli/platform-command.js';
import { PlatformStartError } from './platforms/start-error.js';
import { joinLines } from './text/clean-text.js';

type Loader = () => Promise<{ command: CliCommand }>;

/** name -> lazy loader and one-line summary for the top-level help (static imports for bundlers). */
export const COMMANDS: Record<string, { load: Loader; summary: string }> = {
  run: {
    load: () => import('./cli/run.js'),
    summary: 'Poll every source now, then keep polling and post digests on schedule',
  },
  poll: {
    load: () => import('./cli/poll.js'),
    summary: 'Poll every enabled source once (or one with --source ID)',
  },
  parse: {
    load: () => import('./cli/parse.js'),
    summary: 'Parse a feed file or URL and print its stories',
  },
  search: {
    load: () => import('./cli/search.js'),
    summary: 'Search the archive',
  },
  sources: {
    load: () => import('./cli/sources.js'),
    summary: 'Show each source and its health',
  },
  demo: {
    load: () => import('./cli/demo.js'),
    summary: 'Run the whole pipeline against bundled sample sources on loopback',
  },
  tag: {
    load: () => import('./cli/tag.js'),
    summary: 'Tag JSON-lines stories from stdin (contract for other tools)',
  },
  explain: {
    load: () => import('./cli/explain.js'),
    summary: "Show every theme's decision for a story, with evidence",
  },
  deadlines: {
    load: () => import('./cli/deadlines.js'),
    summary: 'List consultations and other deadlines closing next',
  },
  retag: {
    load: () => import('./cli/retag.js'),
    summary: 'Re-tag the archive after the themes change',
  },
  digest: {
    load: () => import('./cli/digest.js'),
    summary: "Build (and with --post, deliver) a week's digest",
  },
  deliver: {
    load: () => import('./cli/deliver.js'),
    summary: 'Send pending digest deliveries from the outbox',
  },
  subscribe: {
    load: () => import('./cli/subscribe.js'),
    summary: 'Subscribe a channel from the command line',
  },
  correct: {
    load: () => import('./cli/correct.js'),
    summary: "Correct a story's themes for one workspace",
  },
  corrections: {
    load: () => import('./cli/corrections.js'),
    summary: "Readers' theme corrections: list, export as test data, report the rules implicated",
  },
  backup: {
    load: () => import('./cli/backup.js'),
    summary: 'Copy the archive to FILE while the bot runs (SQLite online backup)',
  },
  web: {
    load: () => import('./cli/web.js'),
    summary: 'Web archive tools: hash-password (for WEB_USERS)',
  },
  doctor: {
    load: () => import('./cli/doctor.js'),
    summary: 'Check configuration, database, disk, sources, platforms and clock; say how to fix',
  },
  prune: {
    load: () => import('./cli/prune.js'),
    summary: 'Drop article text older than retention.contentMonths and reclaim the space',
  },
  // `briefing slack`, `briefing discord`, ...: from the platform registry.
  ...platformCommands(),
};

const GLOBAL_HELP = `Usage: briefing <command> [options]

Global options:
  --config DIR   configuration folder (default: config, or BRIEFING_CONFIG_DIR)
  -h, --help     show help (also after a command)
  --version      print the version and exit

Environment: DATABASE_PATH chooses the SQLite file (default data/briefing.db); see .env.example.
`;

function topLevelHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  const lines = Object.entries(COMMANDS).map(
    ([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`,
  );
  return `${GLOBAL_HELP}\nCommands:\n${lines.join('\n')}\n`;
}

/** The version in package.json (two folders up from src/cli.ts and from dist/cli.js alike). */
async function packageVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(new URL('../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

async function loadCommand(name: string): Promise<CliCommand> {
  const entry = COMMANDS[name];
  if (!entry) throw unknownCommandError(name, Object.keys(COMMANDS));
  return (await entry.load()).command;
}

/** Splits off `--config DIR` (accepted anywhere) so commands do not each declare it. */
function takeConfigFlag(argv: string[]): { configDir: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let configDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--config') {
      configDir = argv[++i];
      if (configDir === undefined) throw new UsageError('--config needs a folder');
    } else if (arg.startsWith('--config=')) configDir = arg.slice('--config='.length);
    else rest.push(arg);
  }
  return { configDir, rest };
}

export async function main(
  argv: string[],
  io: Partial<Pick<CliContext, 'stdin' | 'stdout' | 'stderr'>> = {},
  environment: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  let ctx: CliContext | undefined;
  try {
    const { configDir, rest } = takeConfigFlag(argv);
    const [name, ...commandArgs] = rest;
    if (name === '--version' || name === '-V' || name === 'version') {
      stdout.write(`briefing ${await packageVersion()}\n`);
      return EXIT_OK;
    }
    if (name === undefined) {
      // No command is a usage error: the list goes to stderr so a script's stdout stays empty.
      stderr.write(topLevelHelp());
      return EXIT_USAGE;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
      stdout.write(topLevelHelp());
      return EXIT_OK;
    }
    const command = await loadCommand(name);
    const parsed = parseCommandArguments(
      name,
      command.options,
      commandArgs,
      command.signedWords === true,
    );
    if (parsed.values.help) {
      stdout.write(`${command.help.trimEnd()}\n`);
      return 0;
    }
    // Loaded only once a command runs: `--help` stays free of zod, the schemas and the database.
    const [{ loadEnv }, { openCliContext }] = await Promise.all([
      import('./config/env.js'),
      import('./cli/context.js'),
    ]);
    const env = loadEnv(environment);
    if (!env.ok) throw new ConfigError(env.errors);
    ctx = await openCliContext({
      env: env.env,
      configDir: configDir ?? env.env.BRIEFING_CONFIG_DIR,
      stdin: io.stdin,
      stdout,
      stderr,
      // The long-running process keeps what it loads: validation happens off its main thread.
      validateConfigApart: command.name === 'run',
    });
    return await command.run(ctx, parsed as never);
  } catch (error) {
    return reportFailure(error, stderr);
  } finally {
    ctx?.close();
  }
}

function reportFailure(error: unknown, stderr: NodeJS.WritableStream): number {
  if (error instanceof ConfigError) {
    // One problem is one line; several are listed under the heading, one a line.
    stderr.write(
      error.errors.length === 1
        ? `briefing: invalid configuration: ${error.errors[0]}\n`
        : `briefing: invalid configuration:\n  ${error.errors.join('\n  ')}\n`,
    );
    return EXIT_CONFIG;
  }
  if (error instanceof UsageError) {
    stderr.write(`briefing: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof PlatformStartError) {
    stderr.write(`briefing: ${error.message}\n`);
    return EXIT_PLATFORM_UNAVAILABLE;
  }
  const code = (error as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    // Node's own parseArgs messages can span lines; a usage error is one line.
    stderr.write(`briefing: ${joinLines((error as Error).message)}\n`);
    return EXIT_USAGE;
  }
  // Unexpected: one line by default; the stack only when debugging.
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`briefing: unexpected error: ${message}\n`);
  if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) stderr.write(`${error.stack}\n`);
  return EXIT_FAILED;
}
