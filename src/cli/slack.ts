// `briefing slack`: runs the Slack app on its own (slash commands and the "More results" button)
// until SIGINT/SIGTERM. `--check` only verifies the token and connection, then exits: a quick
// test after installing the app. `briefing run` starts the same app when SLACK_BOT_TOKEN is set.
// The store is opened here, not in the platform code: platforms receive CommandDeps.
import { buildCommandDeps, subscribePermissionFromEnv } from '../pipeline/command-deps.js';
import { startSlack } from '../platforms/slack/start.js';
import { UsageError, type CliCommand } from './command.js';

export const command: CliCommand = {
  name: 'slack',
  summary: 'Run the Slack app alone',
  help: `Usage: briefing slack [--check]

Runs the Slack app: the slash command (SLACK_COMMAND, default /briefing) and its buttons.
Socket Mode when SLACK_APP_TOKEN is set (no public URL needed); otherwise HTTP mode on PORT
with SLACK_SIGNING_SECRET. Digests are posted by "briefing run" (or "briefing deliver").

Options:
  --check   connect, print the workspace and mode, and exit

Environment: SLACK_BOT_TOKEN (required), SLACK_APP_TOKEN or SLACK_SIGNING_SECRET + PORT,
SLACK_API_URL, SLACK_COMMAND, SLACK_SUBSCRIBE_PERMISSION (anyone|admins).
`,
  options: { check: { type: 'boolean' } },
  async run(ctx, args) {
    if (!ctx.env.SLACK_BOT_TOKEN) {
      throw new UsageError(
        'SLACK_BOT_TOKEN is not set; see config/slack-manifest.yaml and the README',
      );
    }
    const config = ctx.config();
    const commands = buildCommandDeps({
      db: ctx.db(),
      config,
      logger: ctx.logger,
      subscribePermission: subscribePermissionFromEnv(ctx.env),
    });
    const slack = await startSlack({
      env: ctx.env,
      commands,
      timeZone: config.settings.timeZone,
      logger: ctx.logger,
    });
    const where = slack.mode === 'http' ? `HTTP on port ${slack.port}` : 'Socket Mode';
    ctx.stdout.write(`slack: connected to workspace ${slack.teamId ?? '?'} (${where})\n`);
    if (args.values.check) {
      await slack.stop();
      return 0;
    }
    await waitForSignal();
    ctx.stdout.write('slack: stopping\n');
    await slack.stop();
    return 0;
  },
};

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
