// `briefing correct REF +THEME --remove THEME --platform P --workspace W`: a reader's correction
// from the command line (operators, scripts, the demo), through the same `correct` command as
// Slack and Discord (commands/correct.ts via runCommand): same validation, same messages. A word
// starting with - must follow `--` (it would read as an option), so removals also have --remove.
import { buildCorrect } from '../commands/correction-request.js';
import { describeCorrected } from '../commands/describe-corrections.js';
import { runCommand } from '../commands/run-command.js';
import type { Invocation } from '../commands/types.js';
import { buildCommandDeps } from '../pipeline/command-deps.js';
import { UsageError, type CliCommand } from './command.js';
import { CHANNEL_PLATFORMS as PLATFORMS } from './delivery-adapters.js';
import { errorLine } from './error-line.js';

export const command: CliCommand = {
  name: 'correct',
  summary: "Correct a story's themes for one workspace",
  help: `Usage: briefing correct REF [+THEME ...] [--add LIST] [--remove LIST] --platform P --workspace W

Adds or removes themes of one story for one workspace, as the chat "correct" command does. The
workspace's searches and future digests follow it; the rules and other workspaces do not change,
and "briefing retag" does not undo it. Removals: --remove carter, or "-- REF -carter".

Options:
  --platform P     slack, discord (or memory, for the demo)
  --workspace W    Slack team id (T...) or Discord guild id
  --add LIST       theme ids to add, separated by commas
  --remove LIST    theme ids to remove, separated by commas
  --note TEXT      why (optional, at most 200 characters)
  --channel C      where it was said (default: cli)
  --user U         who said it (default: cli)
`,
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
    if (typeof v.workspace !== 'string') throw new UsageError('--workspace is required');
    const [target = '', ...words] = args.positionals;
    const list = (value: unknown, sign: string) =>
      typeof value === 'string'
        ? value
            .split(/[\s,]+/)
            .filter((w) => w !== '')
            .map((w) => sign + w)
        : [];
    const changes = [...words, ...list(v.add, '+'), ...list(v.remove, '-')].join(' ');
    const config = ctx.config();
    const deps = buildCommandDeps({ db: ctx.db(), config, logger: ctx.logger });
    const parsed = buildCorrect(
      { target, changes, note: typeof v.note === 'string' ? v.note : null },
      deps,
    );
    if (!parsed.ok) throw new UsageError(errorLine(parsed.error));
    const invocation: Invocation = {
      platform,
      workspaceId: v.workspace,
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
