// `briefing run` (`npm start`): the long-running bot. Polls every enabled source once with a line
// per source, then keeps polling, posting digests and serving chat commands until SIGINT/SIGTERM,
// which stop it cleanly (in-flight writes and deliveries finish first, within a time limit).
import { ConfigError } from '../config/config-error.js';
import { startBot } from '../main.js';
import { configuredPlatforms } from '../platforms/index.js';
import type { CliCommand } from './command.js';
import { EXIT_PLATFORM_UNAVAILABLE } from './exit-codes.js';

export const command: CliCommand = {
  name: 'run',
  summary: 'Poll every source now, then keep polling and post digests on schedule',
  help: `Usage: briefing run [--once]

Creates the database if needed (DATABASE_PATH, default data/briefing.db), polls every enabled
source in config/sources.yaml once (one line per source, then a summary), starts Slack and/or
Discord when their tokens are set, then keeps polling on each source's interval and posts the
weekly digest at the configured day and time. SIGINT (Ctrl-C) or SIGTERM stops it cleanly.
With no internet every source fails with its reason and the process stays up. A configured
platform with a missing or conflicting variable stops it before anything starts (exit 78); when
every configured chat platform fails to connect and nothing else delivers (email, Teams
webhooks, the web server), it exits 69 so a service manager reports it and retries.

Options:
  --once   poll once and exit (no scheduler, no platforms); exits 75 when every source
           failed, like "briefing poll"
`,
  options: { once: { type: 'boolean' } },
  async run(ctx, args) {
    const config = ctx.config();
    // Every configured platform's variables, before the database or any network is touched:
    // a missing or conflicting one is a configuration error (exit 78), not a failed start.
    if (!args.values.once) {
      const problems = configuredPlatforms(ctx.env).flatMap(
        (p) => p.configProblems?.(ctx.env) ?? [],
      );
      if (problems.length > 0) throw new ConfigError(problems);
    }
    const db = ctx.db();
    if (args.values.once) {
      const { command: poll } = await import('./poll.js');
      return poll.run(ctx, { values: {}, positionals: [] });
    }
    // Listen before starting: a signal during start-up (the first poll lasts as long as the
    // slowest source) must stop cleanly too; without a listener Node dies at once on SIGTERM.
    const shutdown = new AbortController();
    let onSignal: (signal: NodeJS.Signals) => void = () => {};
    const stopping = new Promise<NodeJS.Signals>((resolve) => {
      onSignal = (signal) => {
        shutdown.abort();
        resolve(signal);
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
    });
    // A stray rejection inside a chat library (a reconnect, a late timeout) must not end the
    // long-running process: Node 20 exits on one by default. Log it and keep serving.
    const onRejection = (reason: unknown): void =>
      ctx.logger.error({ err: reason }, 'run: unhandled promise rejection (continuing)');
    process.on('unhandledRejection', onRejection);
    const unlisten = () => {
      process.off('unhandledRejection', onRejection);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    };
    const bot = await startBot({
      env: ctx.env,
      config,
      db,
      logger: ctx.logger,
      out: ctx.stdout,
      signal: shutdown.signal,
    }).catch((error: unknown) => {
      // e.g. the web server refusing WEB_HOST without sign-in (exit 78): no listeners left behind.
      unlisten();
      throw error;
    });
    // Every configured platform failed (a refused token, the service unreachable) and nothing
    // else delivers or serves (email, webhooks, the web server): running on would archive
    // stories nobody is told about, looking healthy. Exit 69 (EX_UNAVAILABLE), like
    // `briefing slack`, so the service manager reports it and retries with its back-off.
    if (bot.platforms.length === 0 && bot.failedPlatforms.length > 0 && bot.webUrl === null) {
      await bot.stop(0);
      unlisten();
      ctx.stderr.write(
        'briefing: no chat platform could start and nothing else delivers digests; exiting ' +
          `${EXIT_PLATFORM_UNAVAILABLE} (fix the token or network named above; a service manager retries)\n`,
      );
      return EXIT_PLATFORM_UNAVAILABLE;
    }
    const signal = await stopping;
    ctx.stdout.write(`\n${signal}: stopping (finishing in-flight work)...\n`);
    await bot.stop();
    process.off('unhandledRejection', onRejection);
    ctx.stdout.write('Stopped.\n');
    return 0;
  },
};
