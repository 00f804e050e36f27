// `briefing discord deploy-commands [--guild ID]` registers /briefing (globally, or for one guild,
// which shows at once); `briefing discord start` runs the Discord bot alone (answering commands;
// digests are posted by `briefing run` or `briefing deliver`).
// Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID; DISCORD_API_URL overrides the REST base.
// The store is opened by the composition root (cli/platform-command.ts), not here.
import { ConfigError } from '../../config/config-error.js';
import { PlatformUsageError, type PlatformCliCommand, type PlatformCliContext } from '../plugin.js';
import { buildInviteUrl, deployCommands } from './commands.js';
import { startDiscordFromEnv } from './runtime.js';
import { showArgument } from '../../text/show-argument.js';
import { suggestClosest } from '../../text/suggest-closest.js';

function closestAction(action: string): string {
  const closest = suggestClosest(action, ['deploy-commands', 'start', 'check', 'invite-url']);
  return closest ? ` (did you mean ${closest}?)` : '';
}

const HELP = `Usage: briefing discord <deploy-commands|start|check|invite-url> [options]

  deploy-commands [--guild ID]  Register the /briefing command globally (can take up to an hour
                                to appear) or for one server (immediately).
  start                         Connect to Discord and answer /briefing until stopped (Ctrl-C).
  check                         Connect, report the servers the bot is in, and exit.
  invite-url                    Print the link that adds the bot to a server, with the
                                permissions it needs (View Channel, Send Messages, Embed Links,
                                Read Message History).

Environment:
  DISCORD_TOKEN                 the bot token (required)
  DISCORD_APPLICATION_ID        the application id (required for deploy-commands)
  DISCORD_API_URL               REST base override, e.g. http://127.0.0.1:PORT/api (tests)
  DISCORD_SUBSCRIBE_PERMISSION  permission bits needed to subscribe/unsubscribe (default 16,
                                Manage Channels; 0 lets everyone)
`;

function requireToken(ctx: PlatformCliContext): string {
  const token = ctx.env.DISCORD_TOKEN;
  if (!token)
    throw new ConfigError([
      'DISCORD_TOKEN is not set: copy the bot token from the Developer Portal',
    ]);
  return token;
}

async function runDeploy(ctx: PlatformCliContext, guild: string | undefined): Promise<number> {
  const token = requireToken(ctx);
  const applicationId = ctx.env.DISCORD_APPLICATION_ID;
  if (!applicationId) throw new ConfigError(['DISCORD_APPLICATION_ID is not set']);
  if (guild !== undefined && !/^\d{5,20}$/.test(guild))
    throw new PlatformUsageError('--guild needs a server id (digits)');
  const result = await deployCommands({
    token,
    applicationId,
    ...(ctx.env.DISCORD_API_URL ? { apiUrl: ctx.env.DISCORD_API_URL } : {}),
    ...(guild ? { guildId: guild } : {}),
  });
  if (!result.ok) {
    ctx.stderr.write(`briefing: discord deploy-commands failed: ${result.reason}\n`);
    return 1;
  }
  ctx.stdout.write(
    result.scope === 'guild'
      ? `Registered /briefing for server ${guild} (${result.count} command).\n`
      : `Registered /briefing globally (${result.count} command); it may take a while to appear.\n`,
  );
  return 0;
}

async function runStart(ctx: PlatformCliContext, checkOnly: boolean): Promise<number> {
  requireToken(ctx);
  const running = await startDiscordFromEnv({
    env: ctx.env,
    commands: ctx.commands(),
    timeZone: ctx.timeZone(),
    logger: ctx.logger,
  });
  const guilds = running.bot.client.guilds.cache.size;
  if (checkOnly) {
    ctx.stdout.write(
      `discord: connected as ${running.bot.client.user?.tag ?? '?'} to ${guilds} server(s)\n`,
    );
    await running.stop();
    return 0;
  }
  ctx.stdout.write(`Discord bot connected to ${guilds} server(s); press Ctrl-C to stop.\n`);
  await ctx.untilStopped();
  await running.stop();
  return 0;
}

export const discordCli: PlatformCliCommand = {
  help: HELP,
  options: { guild: { type: 'string' } },
  async run(ctx, args) {
    const [action, ...extra] = args.positionals;
    if (extra.length > 0) throw new PlatformUsageError(`unexpected argument "${extra[0]}"`);
    const guild = typeof args.values.guild === 'string' ? args.values.guild : undefined;
    if (action === 'deploy-commands') return runDeploy(ctx, guild);
    if (guild !== undefined)
      throw new PlatformUsageError('--guild only applies to deploy-commands');
    if (action === 'start' || action === 'check') return runStart(ctx, action === 'check');
    if (action === 'invite-url') {
      const applicationId = ctx.env.DISCORD_APPLICATION_ID;
      if (!applicationId) throw new ConfigError(['DISCORD_APPLICATION_ID is not set']);
      ctx.stdout.write(`${buildInviteUrl(applicationId)}\n`);
      return 0;
    }
    throw new PlatformUsageError(
      action === undefined
        ? 'say what to do: briefing discord deploy-commands [--guild ID] | start | check | invite-url'
        : `unknown discord action "${showArgument(action)}"${closestAction(action)}; use deploy-commands, start, check or invite-url`,
    );
  },
};
