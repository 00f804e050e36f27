// `briefing subscribe`: subscribe (or with --remove, unsubscribe) a channel from the command line,
// for operators and the demo. Runs the same command logic as Slack and Discord
// (commands/subscribe.ts via runCommand), so validation and messages are identical.
import { buildSubscribe, splitOrganisations, splitThemeWords } from '../commands/build-request.js';
import { describeOrganisations, describeSchedule } from '../commands/plain-words.js';
import { runCommand } from '../commands/run-command.js';
import type { Invocation } from '../commands/types.js';
import { ConfigError } from '../config/config-error.js';
import { buildCommandDeps } from '../pipeline/command-deps.js';
import { findPlatform } from '../platforms/index.js';
import { UsageError, type CliCommand } from './command.js';
import { CHANNEL_PLATFORMS as PLATFORMS, createCliAdapters } from './delivery-adapters.js';
import { openPlatformStores } from './platform-stores.js';
import {
  describeCatchUp,
  describeCatchUpOffer,
  describeFirstDigest,
} from '../commands/describe-cadence.js';
import { processOutbox } from '../delivery/process-outbox.js';
import { loadOptInGate, needsOptIn, startOptIn } from '../pipeline/opt-in.js';

export const command: CliCommand = {
  name: 'subscribe',
  summary: 'Subscribe a channel from the command line',
  help: `Usage: briefing subscribe --platform P --workspace W --channel C [options]

Sets what a channel's weekly catch-up contains, as the chat "subscribe" command does.

Options:
  --platform P     slack, discord, teams, teams-webhook, email (or memory, for the demo)
  --workspace W    Slack team id (T...), Discord guild id or Teams tenant id (not needed for
                   email or teams-webhook)
  --channel C      channel id (Teams: conversation id; teams-webhook: the Workflows webhook URL;
                   email: the recipient address, double opt-in: a confirmation mail goes
                   first, nothing else until it is confirmed)
  --themes LIST    theme ids separated by commas, or "all" (default: all)
  --orgs LIST      organisations to follow, names or ODS codes separated by ";"
  --day D          digest day (monday ... sunday); default from settings.yaml
  --time HH:MM     digest time (local); default from settings.yaml
  --cadence C      weekly (the default for a new channel) or daily; kept when not given
  --alerts on|off  alerts for followed organisations and widely covered stories; kept when not given
  --off-topic on|off  also show stories the tagger judged off-topic (in Other news); kept when not given
  --now            also send last week's catch-up now (posted at once)
  --remove         unsubscribe the channel instead
`,
  options: {
    platform: { type: 'string' },
    workspace: { type: 'string' },
    channel: { type: 'string' },
    themes: { type: 'string' },
    orgs: { type: 'string' },
    day: { type: 'string' },
    time: { type: 'string' },
    cadence: { type: 'string' },
    alerts: { type: 'string' },
    'off-topic': { type: 'string' },
    now: { type: 'boolean' },
    remove: { type: 'boolean' },
  },
  async run(ctx, args) {
    const v = args.values;
    const platform = PLATFORMS.find((p) => p === v.platform);
    if (!platform) throw new UsageError(`--platform must be one of ${PLATFORMS.join(', ')}`);
    const { workspace, channelId } = resolveChannel(platform, v.workspace, v.channel);
    // A channel that must confirm first (email) gets a mail at once: without the settings to
    // send it, stop here, before anything is stored (a paused row nobody can confirm).
    const problems = v.remove ? [] : (findPlatform(platform)?.configProblems?.(ctx.env) ?? []);
    if (problems.length > 0 && findPlatform(platform)?.optIn) throw new ConfigError(problems);
    const gate = v.remove ? null : await loadOptInGate(platform);
    const config = ctx.config();
    // --now posts at once, through the same outbox: it needs this platform's delivery adapter.
    const adapters = v.now
      ? await createCliAdapters(ctx.env, ctx.logger, openPlatformStores(ctx.env, ctx.db()))
      : new Map();
    const deps = buildCommandDeps({
      db: ctx.db(),
      config,
      logger: ctx.logger,
      ...(v.now ? { delivery: { adapters, digestsDir: ctx.env.DIGESTS_DIR } } : {}),
    });
    const invocation: Invocation = {
      platform,
      workspaceId: workspace,
      channelId,
      userId: 'cli',
      isAdmin: true,
      now: new Date(),
    };
    if (v.remove) {
      const result = runCommand({ command: 'unsubscribe' }, invocation, deps);
      if (result.kind !== 'unsubscribed') throw new UsageError(describeError(result));
      ctx.stdout.write(result.removed ? 'Unsubscribed.\n' : 'That channel was not subscribed.\n');
      return 0;
    }
    const request = buildSubscribe(
      {
        themeWords: splitThemeWords(typeof v.themes === 'string' ? v.themes : 'all'),
        organisations: typeof v.orgs === 'string' ? splitOrganisations(v.orgs) : [],
        day: typeof v.day === 'string' ? v.day : null,
        time: typeof v.time === 'string' ? v.time : null,
        cadence: typeof v.cadence === 'string' ? v.cadence : null,
        alerts: typeof v.alerts === 'string' ? v.alerts : null,
        offTopic: typeof v['off-topic'] === 'string' ? v['off-topic'] : null,
        now: v.now === true,
      },
      deps,
    );
    if (!request.ok) throw new UsageError(describeError(request.error));
    const before = deps.subscriptions.get(platform, workspace, channelId);
    const result = runCommand(request.request, invocation, deps);
    if (result.kind !== 'subscribed') throw new UsageError(describeError(result));
    const s = result.subscription;
    const optIn =
      gate && needsOptIn(gate, before)
        ? await startOptIn(gate, ctx.db(), s, ctx.env, ctx.logger)
        : null;
    const themes = s.themes === 'all' ? 'all themes' : s.themes.join(', ');
    const orgs =
      s.organisations.length > 0
        ? `; organisations ${describeOrganisations(s.organisations, result.organisationNames)}`
        : '';
    const schedule = s.schedule
      ? `; its own schedule: ${describeSchedule(s.schedule, config.settings.timeZone)}`
      : '';
    const cadence = s.cadence === 'daily' ? '; daily' : '';
    const alerts = `${s.alerts ? '; alerts on' : ''}${s.includeOffTopic ? '; off-topic stories shown' : ''}`;
    ctx.stdout.write(
      `${result.created ? 'Subscribed' : 'Updated'} ${s.platform}:${s.workspaceId}:${s.channelId}: ${themes}${orgs}${schedule}${cadence}${alerts}\n`,
    );
    if (optIn) ctx.stdout.write(`${optIn}\n`);
    const timeZone = config.settings.timeZone;
    if (result.firstDigest) {
      ctx.stdout.write(`${describeFirstDigest(result.firstDigest, result.created, timeZone)}\n`);
    }
    if (result.catchUp) {
      ctx.stdout.write(`${describeCatchUp(result.catchUp)}\n`);
      if (result.catchUp.status === 'queued') {
        await processOutbox(ctx.db(), adapters, new Date(), { logger: ctx.logger });
      }
    } else ctx.stdout.write(`${describeCatchUpOffer('Add --now to send it.')}\n`);
    return 0;
  },
};

/**
 * --workspace and --channel as the platform stores them: a platform that reads its own channel
 * (webhooks: cliChannel) needs no --workspace, nor does one with a single workspace (email).
 */
function resolveChannel(
  platform: string,
  workspaceArg: unknown,
  channelArg: unknown,
): { workspace: string; channelId: string } {
  const plugin = findPlatform(platform);
  if (plugin?.cliChannel && typeof channelArg === 'string') {
    const parsed = plugin.cliChannel(channelArg);
    if (!parsed.ok) throw new UsageError(`--channel: ${parsed.message}`);
    return { workspace: parsed.workspaceId, channelId: parsed.channelId };
  }
  const workspace = typeof workspaceArg === 'string' ? workspaceArg : plugin?.fixedWorkspace;
  if (workspace === undefined || typeof channelArg !== 'string') {
    throw new UsageError('--workspace and --channel are required');
  }
  const channelId = plugin?.normaliseChannel ? plugin.normaliseChannel(channelArg) : channelArg;
  if (channelId === null) {
    throw new UsageError(`--channel "${channelArg}" is not valid for ${platform}`);
  }
  return { workspace, channelId };
}

function describeError(result: { kind: string; message?: string; hint?: string | null }): string {
  if (result.kind !== 'error') return `unexpected result "${result.kind}"`;
  return result.hint ? `${result.message} ${result.hint}` : (result.message ?? 'failed');
}
