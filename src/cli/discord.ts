// `briefing discord deploy-commands [--guild ID]` registers /briefing (globally, or for one guild,
// which shows at once); `briefing discord start` runs the Discord bot alone (answering commands;
// digests are posted by `briefing run` or `briefing deliver`).
// Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID; DISCORD_API_URL overrides the REST base.
import { buildCommandDeps, subscribePermissionFromEnv } from '../pipeline/command-deps.js';
import { buildInviteUrl, deployCommands } from '../platforms/discord/commands.js';
import { parsePermissionBits } from '../platforms/discord/discord-deps.js';
import { startDiscord } from '../platforms/discord/start.js';
import { suggestClosest } from '../text/suggest-closest.js';
import { UsageError, type CliCommand } from './command.js';
import type { CliContext } from './context.js';
import { showArgument } from './parse-arguments.js';

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

function requireToken(ctx: CliContext): string {
  const token = ctx.env.DISCORD_TOKEN;
  if (!token)
    throw new UsageError('DISCORD_TOKEN is not set: copy the bot token from the Developer Portal');
  return token;
}

async function runDeploy(ctx: CliContext, guild: string | undefined): Promise<number> {
  const token = requireToken(ctx);
  const applicationId = ctx.env.DISCORD_APPLICATION_ID;
  if (!applicationId) throw new UsageError('DISCORD_APPLICATION_ID is not set');
  if (guild !== undefined && !/^\d{5,20}$/.test(guild))
    throw new UsageError('--guild needs a server id (digits)');
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

async function runStart(ctx: CliContext, checkOnly: boolean): Promise<number> {
  const token = requireToken(ctx);
  const config = ctx.config();
  const commands = buildCommandDeps({
    db: ctx.db(),
    config,
    subscribePermission: subscribePermissionFromEnv(ctx.env),
  });
  const running = await startDiscord({
    token,
    ...(ctx.env.DISCORD_API_URL ? { apiUrl: ctx.env.DISCORD_API_URL } : {}),
    deps: {
      commands,
      subscribePermission: parsePermissionBits(ctx.env.DISCORD_SUBSCRIBE_PERMISSION),
      timeZone: config.settings.timeZone,
    },
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
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await running.stop();
  return 0;
}

export const command: CliCommand = {
  name: 'discord',
  summary: 'Discord tools: deploy-commands, start',
  help: HELP,
  options: { guild: { type: 'string' } },
  async run(ctx, args) {
    const [action, ...extra] = args.positionals;
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const guild = typeof args.values.guild === 'string' ? args.values.guild : undefined;
    if (action === 'deploy-commands') return runDeploy(ctx, guild);
    if (guild !== undefined) throw new UsageError('--guild only applies to deploy-commands');
    if (action === 'start' || action === 'check') return runStart(ctx, action === 'check');
    if (action === 'invite-url') {
      const applicationId = ctx.env.DISCORD_APPLICATION_ID;
      if (!applicationId) throw new UsageError('DISCORD_APPLICATION_ID is not set');
      ctx.stdout.write(`${buildInviteUrl(applicationId)}\n`);
      return 0;
    }
    throw new UsageError(
      action === undefined
        ? 'say what to do: briefing discord deploy-commands [--guild ID] | start | check | invite-url'
        : `unknown discord action "${showArgument(action)}"${closestAction(action)}; use deploy-commands, start, check or invite-url`,
    );
  },
};
