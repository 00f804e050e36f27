// `briefing prune`: apply retention.contentMonths now (the bot also does it daily at 03:30).
import { runMaintenance } from '../pipeline/run-maintenance.js';
import { UsageError, type CliCommand } from './command.js';

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const command: CliCommand = {
  name: 'prune',
  summary: 'Drop article text older than retention.contentMonths and reclaim the space',
  help: `Usage: briefing prune [--months N] [--json]

Drops the full article text of stories published more than retention.contentMonths months ago
(config/settings.yaml), keeping headline, summary, tags, organisations and links, then optimises
the full-text index and compacts the database file. The running bot does the same every day at
03:30; run this after lowering the setting, or with --months to try a value once.

Options:
  --months N   use N months instead of the setting
  --json       print {cutoff, dropped: {stories, characters}, reclaimed: {bytesBefore, bytesAfter, vacuumed}}
`,
  options: { months: { type: 'string' }, json: { type: 'boolean' } },
  async run(ctx, args) {
    const raw = args.values.months;
    const months = typeof raw === 'string' ? Number(raw) : undefined;
    if (months !== undefined && !(Number.isInteger(months) && months >= 1 && months <= 1200)) {
      throw new UsageError('--months must be a whole number from 1 to 1200');
    }
    const config = ctx.config();
    const report = runMaintenance(ctx.db(), config.settings, new Date(), ctx.logger, {
      ...(months === undefined ? {} : { months }),
      reclaim: 'always',
    });
    if (args.values.json === true) {
      ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return 0;
    }
    if (report.cutoff === null) {
      ctx.stdout.write(
        'retention.contentMonths is not set (config/settings.yaml): all article text is kept.\n',
      );
      return 0;
    }
    const r = report.reclaimed;
    ctx.stdout.write(
      `Dropped article text of ${report.dropped.stories} stories published before ${report.cutoff.slice(0, 10)}.` +
        (r === null
          ? '\n'
          : ` Database ${megabytes(r.bytesBefore)} -> ${megabytes(r.bytesAfter)}.\n`),
    );
    return 0;
  },
};
