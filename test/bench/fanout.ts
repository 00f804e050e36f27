// Fan-out benchmark: one week's digest to many channels, half Slack and half Discord, through
// the real delivery adapters (Slack WebClient, @discordjs/rest) talking to loopback fakes behind
// rate-limit gates (rate-limit-gate.ts). Measures total time against the theoretical floor the
// limits allow and how many 429s we provoked. Targets (issue 7): <= 1.2x the floor, almost no 429s.
//
// Limits enforced (and the floor computed from them):
// - Slack: what https://api.slack.com/methods/chat.postMessage#rate_limiting documents: "1 message
//   per second to a specific channel" and, across the workspace, "several hundred messages per
//   minute". The adapter ships paced at 1/s per channel and 5/s overall (300 a minute, the low
//   end of "several hundred": DEFAULT_SLACK_PACE), and the bench runs it at those shipped
//   defaults against a gate enforcing the same figures, so the floor is the one users get.
//   (Until issue 18 the bench raised the pace to 50/s, ten times what the product does.)
// - Discord: per-channel bucket of 5 messages per 5 s and the global 50 requests per second.
// Floor per platform = max(total messages / global rate, per-channel spacing of one channel's
// parts); the two platforms run at once, so the fan-out floor is the larger of the two.
//
// Driving (fanout-drivers.ts): the headline figures come from the product path (enqueueDigest +
// processOutbox with its default concurrency, re-run as soon as anything is due); the
// `fanout_paced_*` figures from the same adapters driven with every channel at once and no
// outbox, a reference for what the limits let through (the Slack adapter paces itself with
// src/delivery/pace.ts; Discord relies on @discordjs/rest's own bucket queueing).
import {
  createSlackDeliveryAdapter,
  createSlackDeliveryClient,
  DEFAULT_SLACK_PACE,
} from '../../src/platforms/slack/delivery-adapter.js';
import {
  createDeliveryRest,
  createDiscordDeliveryAdapter,
} from '../../src/platforms/discord/delivery-adapter.js';
import type { DeliveryAdapter } from '../../src/delivery/adapter.js';
import { buildDigest } from '../../src/digest/build-digest.js';
import { weekRange } from '../../src/time/week.js';
import type { ChannelRef, Digest } from '../../src/domain.js';
import { silentLogger } from '../../src/logging.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { startFakeDiscordRest } from '../fakes/discord-rest.js';
import { generateWeek } from '../digest/generate-week.js';
import { SOURCES, THEMES } from '../digest/make-story.js';
import { deliverPaced, deliverThroughOutbox } from './fanout-drivers.js';
import {
  discordDecider,
  slackDecider,
  startRateLimitGate,
  type GateCounts,
} from './rate-limit-gate.js';

export const SLACK_PER_CHANNEL_MS = DEFAULT_SLACK_PACE.perChannelIntervalMs;
export const SLACK_GLOBAL_PER_SECOND = DEFAULT_SLACK_PACE.globalPerSecond;
export const DISCORD_BUCKET = { limit: 5, windowMs: 5000 };
export const DISCORD_GLOBAL_PER_SECOND = 50;

export interface FanoutBenchOptions {
  /** Channels in all; half Slack, half Discord. */
  channels: number;
  /** Stories in the generated week the digest is built from. */
  weekStories: number;
}

export interface PlatformFanout {
  channels: number;
  messages: number;
  seconds: number;
  floor_s: number;
  ratio: number;
  /** Parts never delivered (the outbox gave up on them). */
  failed_parts: number;
  rate_limited: number;
  /** Of rate_limited: how many were the global (per-token) limit rather than a channel's. */
  rate_limited_global: number;
}

export interface FanoutBenchResult {
  fanout_channels: number;
  fanout_messages: number;
  fanout_s: number;
  fanout_floor_s: number;
  fanout_vs_floor_ratio: number;
  fanout_429_count: number;
  /** Parts the outbox gave up on: digests some channels never received. */
  fanout_failed_parts: number;
  /** processOutbox runs needed (each one a scheduler tick, i.e. up to a minute, in production). */
  fanout_outbox_rounds: number;
  fanout_slack: PlatformFanout;
  fanout_discord: PlatformFanout;
  /** Reference: the same adapters, every channel at once, without the outbox. */
  fanout_paced_s: number;
  fanout_paced_vs_floor_ratio: number;
  fanout_paced_429_count: number;
  fanout_paced_slack: PlatformFanout;
  fanout_paced_discord: PlatformFanout;
}

export function buildBenchDigest(weekStories: number): Digest {
  const week = { year: 2026, week: 40 };
  const { startsAt } = weekRange(week, 'Europe/London');
  const { stories } = generateWeek(weekStories, startsAt, 21);
  return buildDigest({
    week,
    timeZone: 'Europe/London',
    stories,
    themes: THEMES,
    sources: SOURCES,
    failedSources: [],
    perThemeCap: 5,
  });
}

export type FanoutMode = 'outbox' | 'paced';

interface PlatformRig {
  adapter: DeliveryAdapter;
  channels: ChannelRef[];
  counts: GateCounts;
  floor(messages: number): number;
  close(): Promise<void>;
}

async function startSlackRig(count: number): Promise<PlatformRig> {
  const fake = await new FakeSlackApi().start();
  const gate = await startRateLimitGate(
    fake.baseUrl,
    slackDecider({ perChannelMs: SLACK_PER_CHANNEL_MS, globalPerSecond: SLACK_GLOBAL_PER_SECOND }),
  );
  const channels: ChannelRef[] = [];
  for (let i = 0; i < count; i++) {
    const id = `CBENCH${String(i).padStart(5, '0')}`;
    fake.addChannel(id);
    channels.push({ platform: 'slack', workspaceId: fake.teamId, channelId: id });
  }
  const client = createSlackDeliveryClient({ token: fake.botToken, apiUrl: `${gate.origin}/api/` });
  return {
    // The shipped default pacer (DEFAULT_SLACK_PACE): no override.
    adapter: createSlackDeliveryAdapter({ client, logger: silentLogger }),
    channels,
    counts: gate.counts,
    floor: (messages) =>
      Math.max(
        messages / SLACK_GLOBAL_PER_SECOND,
        ((messages / count - 1) * SLACK_PER_CHANNEL_MS) / 1000,
      ),
    close: async () => {
      await gate.close();
      await fake.stop();
    },
  };
}

async function startDiscordRig(count: number): Promise<PlatformRig> {
  const fake = await startFakeDiscordRest();
  const gate = await startRateLimitGate(
    new URL(fake.apiUrl).origin,
    discordDecider({
      bucketLimit: DISCORD_BUCKET.limit,
      bucketWindowMs: DISCORD_BUCKET.windowMs,
      globalPerSecond: DISCORD_GLOBAL_PER_SECOND,
    }),
  );
  const channels: ChannelRef[] = Array.from({ length: count }, (_, i) => ({
    platform: 'discord',
    workspaceId: '800000000000000001',
    channelId: String(810000000000000000n + BigInt(i)),
  }));
  const rest = createDeliveryRest({ token: 'bench-discord-token', apiUrl: `${gate.origin}/api` });
  return {
    adapter: createDiscordDeliveryAdapter(rest),
    channels,
    counts: gate.counts,
    floor: (messages) => {
      const bucketWaits = Math.ceil(messages / count / DISCORD_BUCKET.limit) - 1;
      return Math.max(
        messages / DISCORD_GLOBAL_PER_SECOND,
        (bucketWaits * DISCORD_BUCKET.windowMs) / 1000,
      );
    },
    close: async () => {
      await gate.close();
      await fake.close();
    },
  };
}

async function runPlatform(
  rig: PlatformRig,
  digest: Digest,
  mode: FanoutMode,
): Promise<PlatformFanout & { rounds: number }> {
  try {
    const started = performance.now();
    // The Slack adapter paces itself (src/delivery/pace.ts); Discord's REST client queues by
    // bucket. "paced" mode only adds concurrency across channels.
    const pacer = null;
    const { messages, failed, rounds } =
      mode === 'outbox'
        ? await deliverThroughOutbox(rig.adapter, digest, rig.channels)
        : await deliverPaced(rig.adapter, digest, rig.channels, pacer);
    const seconds = (performance.now() - started) / 1000;
    const floor = rig.floor(messages + failed);
    return {
      channels: rig.channels.length,
      messages,
      failed_parts: failed,
      seconds,
      floor_s: floor,
      ratio: seconds / floor,
      rate_limited: rig.counts.perChannel429 + rig.counts.global429,
      rate_limited_global: rig.counts.global429,
      rounds,
    };
  } finally {
    await rig.close();
  }
}

/** One fan-out (Slack and Discord at once) in one mode. */
export async function runFanout(
  digest: Digest,
  channels: number,
  mode: FanoutMode,
): Promise<{
  seconds: number;
  floor: number;
  slack: PlatformFanout;
  discord: PlatformFanout;
  rounds: number;
}> {
  const slackChannels = Math.ceil(channels / 2);
  const [slackRig, discordRig] = await Promise.all([
    startSlackRig(slackChannels),
    startDiscordRig(channels - slackChannels),
  ]);
  const started = performance.now();
  const [slack, discord] = await Promise.all([
    runPlatform(slackRig, digest, mode),
    runPlatform(discordRig, digest, mode),
  ]);
  const seconds = (performance.now() - started) / 1000;
  const { rounds: slackRounds, ...slackFigures } = slack;
  const { rounds: discordRounds, ...discordFigures } = discord;
  return {
    seconds,
    floor: Math.max(slack.floor_s, discord.floor_s),
    slack: slackFigures,
    discord: discordFigures,
    rounds: Math.max(slackRounds, discordRounds),
  };
}

export async function runFanoutBench(options: FanoutBenchOptions): Promise<FanoutBenchResult> {
  const digest = buildBenchDigest(options.weekStories);
  const outbox = await runFanout(digest, options.channels, 'outbox');
  const paced = await runFanout(digest, options.channels, 'paced');
  return {
    fanout_channels: options.channels,
    fanout_messages: outbox.slack.messages + outbox.discord.messages,
    fanout_s: outbox.seconds,
    fanout_floor_s: outbox.floor,
    fanout_vs_floor_ratio: outbox.seconds / outbox.floor,
    fanout_429_count: outbox.slack.rate_limited + outbox.discord.rate_limited,
    fanout_failed_parts: outbox.slack.failed_parts + outbox.discord.failed_parts,
    fanout_outbox_rounds: outbox.rounds,
    fanout_slack: outbox.slack,
    fanout_discord: outbox.discord,
    fanout_paced_s: paced.seconds,
    fanout_paced_vs_floor_ratio: paced.seconds / paced.floor,
    fanout_paced_429_count: paced.slack.rate_limited + paced.discord.rate_limited,
    fanout_paced_slack: paced.slack,
    fanout_paced_discord: paced.discord,
  };
}
