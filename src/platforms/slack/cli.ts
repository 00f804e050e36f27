// `briefing slack`: runs the Slack app on its own (slash commands and the "More results" button)
// until SIGINT/SIGTERM. `--check` only verifies the token and connection, then exits: a quick
// test after installing the app. `briefing run` starts the same app when SLACK_BOT_TOKEN is set.
// The store is opened by the composition root (cli/platform-command.ts), not here.
import { ConfigError } from '../../config/config-error.js';
import type { PlatformCliCommand } from '../plugin.js';
import { slackStartProblems } from './oauth-env.js';
import { startSlack } from './start.js';

export const slackCli: PlatformCliCommand = {
  help: `Usage: briefing slack [--check]

Runs the Slack app: the slash command (SLACK_COMMAND, default /briefing) and its buttons.
Socket Mode when SLACK_APP_TOKEN is set (no public URL needed); otherwise HTTP mode on PORT
with SLACK_SIGNING_SECRET. Digests are posted by "briefing run" (or "briefing deliver").

Options:
  --check   connect, print the workspace and mode, and exit

Environment: SLACK_BOT_TOKEN (required), SLACK_APP_TOKEN or SLACK_SIGNING_SECRET + PORT,
SLACK_API_URL, SLACK_COMMAND, SLACK_SUBSCRIBE_PERMISSION (anyone|admins).
Many workspaces ("Add to Slack", HTTP mode): SLACK_CLIENT_ID, SLACK_CLIENT_SECRET,
SLACK_STATE_SECRET and SLACK_INSTALL_KEY instead of SLACK_BOT_TOKEN.
`,
  options: { check: { type: 'boolean' } },
  async run(ctx, args) {
    // A missing or conflicting variable is a configuration error (exit 78), found before
    // anything connects or opens the store.
    const problems = slackStartProblems(ctx.env);
    if (problems.length > 0) {
      throw new ConfigError(
        problems.map((p) =>
          p === 'slack: SLACK_BOT_TOKEN is not set'
            ? `${p}; see config/slack-manifest.yaml and the README`
            : p,
        ),
      );
    }
    const slack = await startSlack({
      env: ctx.env,
      commands: ctx.commands(),
      timeZone: ctx.timeZone(),
      logger: ctx.logger,
      stores: ctx.stores(),
    });
    const where = slack.mode === 'http' ? `HTTP on port ${slack.port}` : 'Socket Mode';
    const to =
      slack.workspaces === 'many'
        ? 'many workspaces (install at /slack/install)'
        : `workspace ${slack.teamId ?? '?'}`;
    ctx.stdout.write(`slack: connected to ${to} (${where})\n`);
    if (args.values.check) {
      await slack.stop();
      return 0;
    }
    await ctx.untilStopped();
    ctx.stdout.write('slack: stopping\n');
    await slack.stop();
    return 0;
  },
};
