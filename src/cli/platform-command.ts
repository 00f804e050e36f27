// `briefing <platform>` for every registry entry that brings its own subcommand (`briefing slack`,
// `briefing discord`): wraps the platform's PlatformCliCommand as a CliCommand, giving it
// CommandDeps over the store and config (opened on first use, with the registry's subscribe
// rules) so platform code never opens the store itself.
import type { buildCommandDeps as BuildCommandDeps } from '../pipeline/command-deps.js';
import { PLATFORMS, findPlatform, subscribeRules } from '../platforms/index.js';
import {
  PlatformUsageError,
  type PlatformCliCommand,
  type PlatformCliContext,
} from '../platforms/plugin.js';
import type { resumeSubscription as ResumeSubscription } from '../store/subscriptions.js';
import type { openPlatformStores as OpenPlatformStores } from './platform-stores.js';
import { UsageError, type CliCommand } from './command.js';
import type { CliContext } from './context.js';

/** One row of cli.ts's COMMANDS table: a lazy loader and the line for `briefing --help`. */
export interface CommandEntry {
  load: () => Promise<{ command: CliCommand }>;
  summary: string;
}

/** A COMMANDS row for each platform with its own subcommand, in registry order. */
export function platformCommands(): Record<string, CommandEntry> {
  const entries: [string, CommandEntry][] = [];
  for (const plugin of PLATFORMS) {
    if (!plugin.cli) continue;
    const { summary } = plugin.cli;
    entries.push([
      plugin.id,
      { summary, load: async () => ({ command: await loadPlatformCommand(plugin.id) }) },
    ]);
  }
  return Object.fromEntries(entries);
}

/** The CliCommand for one platform's subcommand (tests run it with a real CliContext). */
export async function loadPlatformCommand(id: string): Promise<CliCommand> {
  const cli = findPlatform(id)?.cli;
  if (!cli) throw new Error(`cli: platform "${id}" has no subcommand`);
  const inner = await cli.load();
  return {
    name: id,
    summary: cli.summary,
    help: inner.help,
    options: inner.options,
    run: wrap(inner),
  };
}

function wrap(inner: PlatformCliCommand): CliCommand['run'] {
  return async (ctx, args) => {
    try {
      // Imported here, not at the top: `briefing --help` lists platform commands without loading
      // the store, tagging and digest modules behind the command deps.
      const { buildCommandDeps } = await import('../pipeline/command-deps.js');
      const { resumeSubscription } = await import('../store/subscriptions.js');
      const { openPlatformStores } = await import('./platform-stores.js');
      const opened = { buildCommandDeps, resumeSubscription, openPlatformStores };
      return await inner.run(platformContext(ctx, opened), args);
    } catch (error) {
      // The CLI reports its own UsageError as one line with exit 2; platforms cannot import it.
      if (error instanceof PlatformUsageError) throw new UsageError(error.message);
      throw error;
    }
  };
}

function platformContext(
  ctx: CliContext,
  opened: {
    buildCommandDeps: typeof BuildCommandDeps;
    resumeSubscription: typeof ResumeSubscription;
    openPlatformStores: typeof OpenPlatformStores;
  },
): PlatformCliContext {
  const { buildCommandDeps, resumeSubscription, openPlatformStores } = opened;
  return {
    env: ctx.env,
    logger: ctx.logger,
    stdout: ctx.stdout,
    stderr: ctx.stderr,
    commands: () =>
      buildCommandDeps({
        db: ctx.db(),
        config: ctx.config(),
        logger: ctx.logger,
        subscribePermission: subscribeRules(ctx.env),
        emailPermission: ctx.env.EMAIL_CHAT_PERMISSION,
      }),
    timeZone: () => ctx.config().settings.timeZone,
    resumeChannel: (channel) => resumeSubscription(ctx.db(), channel, new Date()),
    stores: () => openPlatformStores(ctx.env, ctx.db()),
    untilStopped: waitForSignal,
  };
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
