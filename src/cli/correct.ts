// `briefing correct REF -THEME +THEME --platform P --workspace W`: a reader's correction from the
// command line (operators, scripts, the demo), through the same `correct` command as Slack and
// Discord (commands/correct.ts via runCommand): same validation, same messages. The words are
// read as chat reads them (correctInputFromText): signed words are theme changes, the rest the
// story. A word starting with - is a word here, not an option (CliCommand.signedWords), so
// -carter may stand anywhere among the options; --add and --remove say the same.
import { correctInputFromText, buildCorrect } from '../commands/correction-request.js';
import { describeCorrected } from '../commands/describe-corrections.js';
import { runCommand } from '../commands/run-command.js';
import type { Invocation } from '../commands/types.js';
import { buildCommandDeps } from '../pipeline/command-deps.js';
import { findPlatform } from '../platforms/index.js';
import { UsageError, type CliCommand } from './command.js';
import { CHANNEL_PLATFORMS as PLATFORMS } from './delivery-adapters.js';
import { errorLine } from './error-line.js';

export const command: CliCommand = {
  name: 'correct',
  summary: "Correct a story's themes for one workspace",
  help: `Usage: briefing correct REF [-THEME ...] [+THEME ...] --platform P --workspace W [options]

Adds (+carter) or removes (-carter) themes of one story for one workspace, as the chat "correct"
command does; the theme words and options may come in any order after the story's reference. The
workspace's searches and future digests follow it; the rules and other workspaces do not change,
and "briefing retag" does not undo it.
  briefing correct g_998f7885 -carter +procurement --platform slack --workspace T0123

Options:
  --platform P     ${PLATFORMS.filter((p) => p !== 'memory').join(', ')} (or memory, for the demo)
  --workspace W    Slack team id (T...), Discord guild id or Teams tenant id (teams-webhook:
                   webhook; not needed for email)
  --add LIST       theme ids to add, separated by commas (the same as +THEME)
  --remove LIST    theme ids to remove, separated by commas (the same as -THEME)
  --note TEXT      why (optional, at most 200 characters)
  --channel C      where it was said (default: cli)
  --user U         who said it (default: cli)
`,
  signedWords: true,
  options: {
    platform: { type: 'string' },
    workspace: { type: 'string' },
    add: { type: 'string' },
    remove: { type: 'string' },
    note: { type: 'string' },
    channel: { type: 'string' },
    user: { type: 'string' },
  },
  async run(ctx, args) {
    const v = args.values;
    const platform = PLATFORMS.find((p) => p === v.platform);
    if (!platform) throw new UsageError(`--platform must be one of ${PLATFORMS.join(', ')}`);
    const workspace =
      typeof v.workspace === 'string' ? v.workspace : findPlatform(platform)?.fixedWorkspace;
    if (workspace === undefined) throw new UsageError('--workspace is required');
    // As chat reads `correct REF -carter +procurement`: signed words change themes.
    const typed = correctInputFromText(args.positionals.join(' '));
    const list = (value: unknown, sign: string) =>
      typeof value === 'string'
        ? value
            .split(/[\s,]+/)
            .filter((w) => w !== '')
            .map((w) => sign + w)
        : [];
    const changes = [typed.changes, ...list(v.add, '+'), ...list(v.remove, '-')]
      .filter((w) => w !== '')
      .join(' ');
    const config = ctx.config();
    const deps = buildCommandDeps({ db: ctx.db(), config, logger: ctx.logger });
    const parsed = buildCorrect(
      { target: typed.target, changes, note: typeof v.note === 'string' ? v.note : typed.note },
      deps,
    );
    if (!parsed.ok) throw new UsageError(errorLine(parsed.error));
    const invocation: Invocation = {
      platform,
      workspaceId: workspace,
      channelId: typeof v.channel === 'string' ? v.channel : 'cli',
      userId: typeof v.user === 'string' ? v.user : 'cli',
      isAdmin: true,
      now: new Date(),
    };
    const result = runCommand(parsed.request, invocation, deps);
    if (result.kind === 'error') throw new UsageError(errorLine(result));
    if (result.kind !== 'corrected') throw new Error(`cli: unexpected result ${result.kind}`);
    ctx.stdout.write(`${describeCorrected(result).join('\n')}\n`);
    return 0;
  },
};
