// `briefing poll [--source ID] [--due]`: poll sources once, one progress line per source.
import { unknownChoice } from '../commands/command-error.js';
import { buildPollDeps } from '../pipeline/build-poll-deps.js';
import { pollSources } from '../pipeline/poll-all.js';
import { sourcesDue } from '../store/source-state.js';
import { loggerForPrintedEvents } from '../logging.js';
import { UsageError, type CliCommand } from './command.js';
import { EXIT_ALL_SOURCES_FAILED, EXIT_OK } from './exit-codes.js';
import { everySourceFailed, formatOutcomeLine, writeSummary } from './progress.js';

export const command: CliCommand = {
  name: 'poll',
  summary: 'Poll every enabled source once (or one with --source ID)',
  help: `Usage: briefing poll [--source ID] [--due] [--json]

Fetches each enabled source in config/sources.yaml once, stores new and edited stories, and
prints one line per source and a summary. Failing sources are recorded (see "briefing sources")
and never stop the others.

Options:
  --source ID   poll only this source (even if disabled)
  --due         poll only sources whose next poll time has come (what the scheduler does)
  --json        print the outcomes as JSON

Exit status: 0 when at least one source answered (or none was due), 75 when every source
polled failed (network, proxy or DNS likely down), 2 for a usage error, 78 for bad config.
`,
  options: {
    source: { type: 'string' },
    due: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(ctx, args) {
    const config = ctx.config();
    const db = ctx.db();
    const only = args.values.source as string | undefined;
    let sources = config.sources.filter((s) => (only ? s.id === only : s.enabled));
    if (only && sources.length === 0) {
      // The wording chat and `briefing search` use for a source id nobody configured.
      throw new UsageError(
        unknownChoice(
          'source',
          only,
          config.sources.map((s) => s.id),
        ),
      );
    }
    if (args.values.due) sources = sourcesDue(db, sources, new Date());
    // Each outcome is printed below (a line, or the JSON); on a terminal it is not logged again.
    const logger = loggerForPrintedEvents(ctx.logger);
    const deps = buildPollDeps({ db, env: ctx.env, config, logger });
    const started = Date.now();
    const json = args.values.json === true;
    const outcomes = await pollSources(sources, deps, {
      concurrency: config.settings.poll.concurrency,
      onOutcome: json ? undefined : (o, s) => ctx.stdout.write(`${formatOutcomeLine(o, s)}\n`),
    }).finally(() => deps.reader?.close());
    if (json) ctx.stdout.write(`${JSON.stringify(outcomes, null, 2)}\n`);
    else writeSummary(ctx.stdout, outcomes, Date.now() - started);
    return everySourceFailed(outcomes) ? EXIT_ALL_SOURCES_FAILED : EXIT_OK;
  },
};
