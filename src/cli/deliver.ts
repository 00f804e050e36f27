// `briefing deliver`: one pass over the outbox (what the scheduler does every minute): send the
// parts that are due, retry what failed transiently once its time has come, report the rest,
// then list the parts still marked in flight (another process sending them, or left by a crash)
// with who claimed them, whether that process is alive, and when each will be retried.
import { describeInFlightPart } from '../commands/describe-in-flight.js';
import type { InFlightPart } from '../commands/types.js';
import { currentHostProbe } from '../delivery/delivery-instance.js';
import { describeChannel } from '../delivery/enqueue-digest.js';
import { listInFlightParts } from '../delivery/in-flight-parts.js';
import { processOutbox, type ProcessReport } from '../delivery/process-outbox.js';
import { formatIsoMinute } from '../text/format-dates.js';
import type { CliCommand } from './command.js';
import { createCliAdapters } from './delivery-adapters.js';
import { openPlatformStores } from './platform-stores.js';

export const command: CliCommand = {
  name: 'deliver',
  summary: 'Send pending digest deliveries from the outbox',
  help: `Usage: briefing deliver [--json]

Sends every due part of recorded digests (see "briefing digest --post"), in order per channel.
Transient failures are retried later (Retry-After, else exponential backoff); a permanent one
(channel gone, bot removed, missing permission) pauses the channel, shown by "status" in chat.
Parts left in flight by a process that has died are taken over at once (the platform is asked
first whether it already has them); then the parts still in flight are listed, with the process
that claimed them, whether it is alive, and when they will be retried.
Needs SLACK_BOT_TOKEN and/or DISCORD_TOKEN; parts for a platform without a token stay queued.

Options:
  --json   print the report as JSON (with "inFlight": the parts still in flight)
`,
  options: { json: { type: 'boolean' } },
  async run(ctx, args) {
    const db = ctx.db();
    const adapters = await createCliAdapters(
      ctx.env,
      ctx.logger,
      openPlatformStores(ctx.env, ctx.db()),
    );
    const report = await processOutbox(db, adapters, new Date(), { logger: ctx.logger });
    const inFlight = listInFlightParts(db, { scope: 'all' }, new Date(), currentHostProbe());
    if (args.values.json) {
      ctx.stdout.write(`${JSON.stringify({ ...report, inFlight })}\n`);
    } else {
      ctx.stdout.write(formatReport(report, inFlight));
    }
    return report.failed > 0 ? 1 : 0;
  },
};

function formatReport(report: ProcessReport, inFlight: InFlightPart[]): string {
  const lines = [
    `${report.sent} sent, ${report.recovered} found already posted, ${report.retried} to retry, ${report.failed} failed` +
      (report.paused.length > 0 ? `; paused: ${report.paused.join(', ')}` : '') +
      (report.noAdapter > 0 ? `; ${report.noAdapter} waiting for a platform token` : '') +
      (report.released > 0 ? `; ${report.released} taken over from a dead process` : ''),
  ];
  if (inFlight.length > 0) {
    lines.push(`In flight: ${inFlight.length} part(s)`);
    const utc = (iso: string) => `${formatIsoMinute(iso, 'UTC')} UTC`;
    for (const part of inFlight) {
      lines.push(`  ${describeChannel(part.channel)} ${describeInFlightPart(part, utc)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
