// `briefing deliver`: one pass over the outbox (what the scheduler does every minute): send the
// parts that are due, retry what failed transiently once its time has come, report the rest.
import { processOutbox } from '../delivery/process-outbox.js';
import type { CliCommand } from './command.js';
import { createCliAdapters } from './delivery-adapters.js';

export const command: CliCommand = {
  name: 'deliver',
  summary: 'Send pending digest deliveries from the outbox',
  help: `Usage: briefing deliver [--json]

Sends every due part of recorded digests (see "briefing digest --post"), in order per channel.
Transient failures are retried later (Retry-After, else exponential backoff); a permanent one
(channel gone, bot removed, missing permission) pauses the channel, shown by "status" in chat.
Needs SLACK_BOT_TOKEN and/or DISCORD_TOKEN; parts for a platform without a token stay queued.

Options:
  --json   print the report as JSON
`,
  options: { json: { type: 'boolean' } },
  async run(ctx, args) {
    const db = ctx.db();
    const adapters = await createCliAdapters(ctx.env, ctx.logger);
    const report = await processOutbox(db, adapters, new Date(), { logger: ctx.logger });
    if (args.values.json) {
      ctx.stdout.write(`${JSON.stringify(report)}\n`);
    } else {
      ctx.stdout.write(
        `${report.sent} sent, ${report.recovered} found already posted, ${report.retried} to retry, ${report.failed} failed` +
          (report.paused.length > 0 ? `; paused: ${report.paused.join(', ')}` : '') +
          (report.noAdapter > 0 ? `; ${report.noAdapter} waiting for a platform token` : '') +
          '\n',
      );
    }
    return report.failed > 0 ? 1 : 0;
  },
};
