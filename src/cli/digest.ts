// `briefing digest`: build a week's catch-up from the archive and print it; with --post, archive
// it to digests/ and deliver it through the outbox (exactly as the weekly job does, and recorded
// as that week's decision, so the scheduled run will not post it again). A channel's digest
// (--channel, and each --post target) is filed by its workspace's readers' corrections, as the
// weekly job files it (pipeline/workspace-digest.ts).
// Formats: md (the archive's Markdown), json (the Digest), and each registry platform's id (its
// preview renderer: the payloads as JSON, for checking limits and layout by eye).
import type { DeliveryAdapter } from '../delivery/adapter.js';
import { describeChannel, enqueueDigest } from '../delivery/enqueue-digest.js';
import { processOutbox } from '../delivery/process-outbox.js';
import type { ProcessReport } from '../delivery/process-report.js';
import { renderDigestMarkdown } from '../digest/render-markdown.js';
import { viewForChannel } from '../digest/view-for-channel.js';
import { formatWeek, weekOf, weekRange } from '../time/week.js';
import type { Digest, IsoWeek, Subscription } from '../domain.js';
import { buildWeekDigest } from '../pipeline/build-week-digest.js';
import { digestDueAt } from '../time/digest-schedule.js';
import { weekDigestOnce } from '../pipeline/week-digest-archive.js';
import { digestForWorkspace, type WorkspaceDigestInput } from '../pipeline/workspace-digest.js';
import type { ThemeOverrides } from '../tagging/apply-corrections.js';
import { recordDigestRun } from '../store/digest-runs.js';
import { getSubscription, listAllSubscriptions } from '../store/subscriptions.js';
import type { Env } from '../config/env.js';
import type { Db } from '../store/database.js';
import { PLATFORMS, findPlatform } from '../platforms/index.js';
import { buildDigest } from '../commands/build-request.js';
import { resolveDigestWeek } from '../commands/digest.js';
import { UsageError, type CliCommand } from './command.js';
import type { CliContext } from './context.js';
import { errorLine } from './error-line.js';
import { createCliAdapters, parseChannelArg } from './delivery-adapters.js';
import { openPlatformStores } from './platform-stores.js';

const FORMATS: readonly string[] = ['md', 'json', ...PLATFORMS.map((p) => p.id)];

/** The week as chat's `digest` reads it (this, last, 2017-W07...), with chat's messages. */
function resolveWeek(
  text: string,
  now: Date,
  timeZone: string,
): { week: IsoWeek; partial: boolean } {
  // Chat's message; the hint in this command's own terms.
  const hint = 'Use --week last, --week this or an ISO week such as --week 2017-W07.';
  const built = buildDigest(text);
  if (!built.ok) throw new UsageError(`--week: ${errorLine({ ...built.error, hint })}`);
  if (built.request.command !== 'digest') throw new Error('cli/digest: expected a digest');
  const chosen = resolveDigestWeek(built.request.week, formatWeek(weekOf(now, timeZone)));
  if (!chosen.ok) throw new UsageError(`--week: ${errorLine({ ...chosen.error, hint })}`);
  return chosen;
}

async function renderAs(format: string, digest: Digest, env: Env): Promise<string> {
  if (format === 'md') return renderDigestMarkdown(digest);
  if (format === 'json') return `${JSON.stringify(digest, null, 2)}\n`;
  const platform = findPlatform(format);
  if (!platform) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  try {
    return (await platform.load()).renderPreview(digest, env);
  } catch (error) {
    throw new Error(`digest: the ${format} renderer is not available`, { cause: error });
  }
}

/** The subscription named by --channel; a usage error when the text or the channel is wrong. */
function findSubscribed(db: Db, arg: string): Subscription {
  const channel = parseChannelArg(arg);
  if (!channel)
    throw new UsageError('--channel must look like slack:TEAM:CHANNEL or discord:GUILD:CHANNEL');
  const subscription = getSubscription(db, channel);
  if (!subscription) throw new UsageError(`${arg} is not subscribed (see "briefing subscribe")`);
  return subscription;
}

/** The one-line delivery summary printed after --post. */
function describeDelivery(report: ProcessReport): string {
  return `Delivery: ${report.sent} sent, ${report.recovered} found already posted, ${report.retried} to retry, ${report.failed} failed${
    report.paused.length > 0 ? `; paused ${report.paused.join(', ')}` : ''
  }\n`;
}

export const command: CliCommand = {
  name: 'digest',
  summary: "Build (and with --post, deliver) a week's digest",
  help: `Usage: briefing digest [--week YYYY-Www|this|last] [--channel P:W:C] [--format F] [--post]

Builds a week's catch-up from the archive and prints it. Weeks run Monday 00:00 to Monday 00:00
in the configured time zone (settings.yaml timeZone, default Europe/London).

Options:
  --week W        an ISO week (2017-W07), "last" (default: the last complete week) or "this"
                  (the week so far; printing only)
  --channel P:W:C a subscribed channel, e.g. slack:T0123:C0456 or discord:GUILD:CHANNEL: print
                  what that channel receives (its themes, organisations and its workspace's
                  corrections) / post only there
  --format F      md (default), json, or a platform's message payloads as JSON:
                  ${PLATFORMS.map((p) => p.id).join(', ')}
  --post          write digests/YYYY/YYYY-Www.md and .json, record the parts in the outbox and
                  send them (to --channel, or every subscribed channel); never posts a week twice
                  to a channel. Needs SLACK_BOT_TOKEN / DISCORD_TOKEN for those platforms.
`,
  options: {
    week: { type: 'string' },
    channel: { type: 'string' },
    format: { type: 'string' },
    post: { type: 'boolean' },
  },
  async run(ctx, args) {
    const v = args.values;
    const format = typeof v.format === 'string' ? v.format : 'md';
    if (!FORMATS.includes(format)) {
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
    }
    const config = ctx.config();
    const db = ctx.db();
    const now = new Date();
    const timeZone = config.settings.timeZone;
    const { week, partial } = resolveWeek(
      typeof v.week === 'string' ? v.week : 'last',
      now,
      timeZone,
    );

    const subscription = typeof v.channel === 'string' ? findSubscribed(db, v.channel) : null;
    // The week as workspace-digest.ts keys it and counts its corrections.
    const period = { label: formatWeek(week), ...weekRange(week, timeZone) };

    if (!v.post) {
      // What the channel receives: filed by its workspace's readers' corrections, as the job
      // files the digest it sends.
      const upTo = partial ? now : undefined;
      const build = (overrides?: ThemeOverrides) =>
        buildWeekDigest(db, config, week, upTo, undefined, overrides);
      const digest = subscription
        ? digestForWorkspace({
            db,
            workspace: subscription,
            period,
            shared: () => build(),
            rebuild: build,
          })
        : build();
      // What the channel receives (everything, without --channel: what the archive holds); JSON
      // without --channel is the archived object itself.
      const view =
        format === 'json' && !subscription ? digest : viewForChannel(digest, subscription);
      ctx.stdout.write(await renderAs(format, view, ctx.env));
      return 0;
    }

    if (partial) throw new UsageError('--post sends complete weeks only; try --week last');
    return postWeek(ctx, { week, period }, subscription, now);
  },
};

/**
 * --post: archive the week (once), record each target channel's parts (its digest filed by its
 * workspace's corrections, as the weekly job sends it) and deliver them. 1 when any failed.
 */
async function postWeek(
  ctx: CliContext,
  { week, period }: { week: IsoWeek; period: WorkspaceDigestInput['period'] },
  subscription: Subscription | null,
  now: Date,
): Promise<number> {
  const config = ctx.config();
  const db = ctx.db();
  const timeZone = config.settings.timeZone;
  // As the weekly job does: a week already sent to some channel is not rebuilt, so every
  // channel gets (and the archive keeps) the digest the first channels got.
  const { digest, archived } = weekDigestOnce({
    db,
    week: formatWeek(week),
    digestsDir: ctx.env.DIGESTS_DIR,
    build: () => buildWeekDigest(db, config, week),
    logger: ctx.logger,
  });
  ctx.stdout.write(
    archived
      ? `Archived ${archived.markdownPath} and ${archived.jsonPath}\n`
      : `Using the week's archived digest (${formatWeek(week)} was already sent to some channels)\n`,
  );
  const adapters = await createCliAdapters(
    ctx.env,
    ctx.logger,
    openPlatformStores(ctx.env, ctx.db()),
  );
  const targets = subscription ? [subscription] : listAllSubscriptions(db);
  const corrected = new Map<string, Digest>();
  let missing = 0;
  for (const target of targets) {
    if (target.pausedReason !== null) {
      ctx.stderr.write(
        `${describeChannel(target)}: paused (${target.pausedReason}); not posted. Fix the cause, then resume it with /briefing subscribe\n`,
      );
      missing++;
      continue;
    }
    const adapter: DeliveryAdapter | undefined = adapters.get(target.platform);
    if (!adapter) {
      ctx.stderr.write(
        `${describeChannel(target)}: no ${target.platform} adapter here (set its token); not posted\n`,
      );
      missing++;
      continue;
    }
    const channelDigest = digestForWorkspace({
      db,
      workspace: target,
      period,
      shared: () => digest,
      rebuild: (overrides) => buildWeekDigest(db, config, week, undefined, undefined, overrides),
      cache: corrected,
    });
    const result = enqueueDigest(db, {
      digest: channelDigest,
      subscription: target,
      adapter,
      now,
    });
    recordDigestRun(db, {
      week: digest.week,
      channel: target,
      status: 'enqueued',
      reason: 'posted with briefing digest --post',
      dueAt: digestDueAt(week, target.schedule ?? config.settings.digest, timeZone).toISOString(),
      decidedAt: now.toISOString(),
    });
    ctx.stdout.write(
      `${describeChannel(target)}: ${
        result.status === 'enqueued' ? `${result.parts} part(s) recorded` : 'already recorded'
      }\n`,
    );
  }
  const report = await processOutbox(db, adapters, now, { logger: ctx.logger });
  ctx.stdout.write(describeDelivery(report));
  return report.failed > 0 || missing > 0 ? 1 : 0;
}
