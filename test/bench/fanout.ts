// Fan-out benchmark: one week's digest to many channels, half Slack and half Discord, through
// the real delivery adapters (Slack WebClient, @discordjs/rest) talking to loopback fakes behind
// rate-limit gates (rate-limit-gate.ts). Measures total time against the theoretical floor the
// limits allow and how many 429s we provoked. Targets (issue 7): <= 1.2x the floor, almost no 429s.
//
// Limits enforced (and the floor computed from them):
// - Slack: 1 message per second per channel (Slack's documented chat.postMessage limit) and a
//   global budget of SLACK_GLOBAL_PER_SECOND messages a second for the token. Slack publishes no
//   exact workspace figure ("several hundred messages per minute"); 50/s keeps the full run near a
//   minute, and since the pacer takes the budget as a parameter the ratio does not depend on it.
// - Discord: per-channel bucket of 5 messages per 5 s and the global 50 requests per second.
// Floor per platform = max(total messages / global rate, per-channel spacing of one channel's
// parts); the two platforms run at once, so the fan-out floor is the larger of the two.
//
// Driving: each channel's parts are sent in order, all channels concurrently. Slack sends go
// through src/delivery/pace.ts; Discord relies on @discordjs/rest's own bucket queueing.
import { createSlackDeliveryAdapter, createSlackDeliveryClient } from '../../src/platforms/slack/delivery-adapter.js';
import { createDeliveryRest, createDiscordDeliveryAdapter } from '../../src/platforms/discord/delivery-adapter.js';
import type { DeliveryAdapter } from '../../src/delivery/adapter.js';
import { createPacer, type Pacer } from '../../src/delivery/pace.js';
import { buildDigest } from '../../src/digest/build-digest.js';
import { weekRange } from '../../src/digest/week.js';
import type { ChannelRef, Digest, Subscription } from '../../src/domain.js';
import { silentLogger } from '../../src/logging.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { startFakeDiscordRest } from '../fakes/discord-rest.js';
import { generateWeek } from '../digest/generate-week.js';
import { SOURCES, THEMES } from '../digest/make-story.js';
import { discordDecider, slackDecider, startRateLimitGate, type GateCounts } from './rate-limit-gate.js';

export const SLACK_PER_CHANNEL_MS = 1000;
export const SLACK_GLOBAL_PER_SECOND = 50;
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
  fanout_slack: PlatformFanout;
  fanout_discord: PlatformFanout;
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

function subscriptionFor(channel: ChannelRef, id: number): Subscription {
  return {
    ...channel,
    id,
    themes: 'all',
    organisations: [],
    schedule: null,
    createdBy: null,
    createdAt: '2026-09-01T00:00:00.000Z',
    pausedReason: null,
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends every part to every channel (parts in order per channel, channels concurrently). */
async function deliverToAll(
  adapter: DeliveryAdapter,
  digest: Digest,
  channels: readonly ChannelRef[],
  pacer: Pacer | null,
): Promise<{ messages: number; retries: number }> {
  let messages = 0;
  let retries = 0;
  await Promise.all(
    channels.map(async (channel, i) => {
      const parts = adapter.render(digest, subscriptionFor(channel, i + 1));
      let parent: string | null = null;
      for (const part of parts) {
        for (let attempt = 0; ; attempt++) {
          if (attempt > 20) throw new Error(`bench: ${channel.channelId} part ${part.index} kept failing`);
          if (pacer) await pacer.acquire(channel.channelId);
          const key = `${digest.week}:${channel.platform}:${channel.channelId}:${part.index}`;
          const outcome = await adapter.send(channel, part, { key, parentMessageId: parent });
          pacer?.release(channel.channelId);
          if (outcome.status === 'sent') {
            if (part.index === 0) parent = outcome.messageId;
            messages++;
            break;
          }
          if (outcome.status === 'permanent') {
            throw new Error(`bench: ${channel.channelId} refused: ${outcome.reason}`);
          }
          retries++;
          const wait = outcome.retryAfterMs ?? 1000;
          if (pacer) pacer.backOff(channel.channelId, wait);
          else await sleep(wait);
        }
      }
    }),
  );
  return { messages, retries };
}

async function runSlack(digest: Digest, count: number): Promise<PlatformFanout> {
  const fake = await new FakeSlackApi().start();
  const gate = await startRateLimitGate(
    fake.baseUrl,
    slackDecider({ perChannelMs: SLACK_PER_CHANNEL_MS, globalPerSecond: SLACK_GLOBAL_PER_SECOND }),
  );
  try {
    const channels: ChannelRef[] = [];
    for (let i = 0; i < count; i++) {
      const id = `CBENCH${String(i).padStart(5, '0')}`;
      fake.addChannel(id);
      channels.push({ platform: 'slack', workspaceId: fake.teamId, channelId: id });
    }
    const client = createSlackDeliveryClient({ token: fake.botToken, apiUrl: `${gate.origin}/api/` });
    const adapter = createSlackDeliveryAdapter({ client, logger: silentLogger });
    const pacer = createPacer({
      perChannelIntervalMs: SLACK_PER_CHANNEL_MS,
      globalPerSecond: SLACK_GLOBAL_PER_SECOND,
    });
    const started = performance.now();
    const { messages } = await deliverToAll(adapter, digest, channels, pacer);
    const seconds = (performance.now() - started) / 1000;
    const perChannel = messages / count;
    const floor = Math.max(messages / SLACK_GLOBAL_PER_SECOND, ((perChannel - 1) * SLACK_PER_CHANNEL_MS) / 1000);
    return summarise(count, messages, seconds, floor, gate.counts);
  } finally {
    await gate.close();
    await fake.stop();
  }
}

async function runDiscord(digest: Digest, count: number): Promise<PlatformFanout> {
  const fake = await startFakeDiscordRest();
  const upstream = new URL(fake.apiUrl).origin;
  const gate = await startRateLimitGate(
    upstream,
    discordDecider({
      bucketLimit: DISCORD_BUCKET.limit,
      bucketWindowMs: DISCORD_BUCKET.windowMs,
      globalPerSecond: DISCORD_GLOBAL_PER_SECOND,
    }),
  );
  try {
    const channels: ChannelRef[] = Array.from({ length: count }, (_, i) => ({
      platform: 'discord',
      workspaceId: '800000000000000001',
      channelId: String(810000000000000000n + BigInt(i)),
    }));
    const rest = createDeliveryRest({ token: 'bench-discord-token', apiUrl: `${gate.origin}/api` });
    const adapter = createDiscordDeliveryAdapter(rest);
    const started = performance.now();
    const { messages } = await deliverToAll(adapter, digest, channels, null);
    const seconds = (performance.now() - started) / 1000;
    const perChannel = messages / count;
    const bucketWaits = Math.ceil(perChannel / DISCORD_BUCKET.limit) - 1;
    const floor = Math.max(messages / DISCORD_GLOBAL_PER_SECOND, (bucketWaits * DISCORD_BUCKET.windowMs) / 1000);
    return summarise(count, messages, seconds, floor, gate.counts);
  } finally {
    await gate.close();
    await fake.close();
  }
}

function summarise(
  channels: number,
  messages: number,
  seconds: number,
  floor: number,
  counts: GateCounts,
): PlatformFanout {
  return {
    channels,
    messages,
    seconds,
    floor_s: floor,
    ratio: seconds / floor,
    rate_limited: counts.perChannel429 + counts.global429,
    rate_limited_global: counts.global429,
  };
}

export async function runFanoutBench(options: FanoutBenchOptions): Promise<FanoutBenchResult> {
  const digest = buildBenchDigest(options.weekStories);
  const slackChannels = Math.ceil(options.channels / 2);
  const discordChannels = options.channels - slackChannels;
  const started = performance.now();
  const [slack, discord] = await Promise.all([runSlack(digest, slackChannels), runDiscord(digest, discordChannels)]);
  const seconds = (performance.now() - started) / 1000;
  const floor = Math.max(slack.floor_s, discord.floor_s);
  return {
    fanout_channels: options.channels,
    fanout_messages: slack.messages + discord.messages,
    fanout_s: seconds,
    fanout_floor_s: floor,
    fanout_vs_floor_ratio: seconds / floor,
    fanout_429_count: slack.rate_limited + discord.rate_limited,
    fanout_slack: slack,
    fanout_discord: discord,
  };
}
