// The world a crash-safety run lives in: a temporary folder (database, digests, config), loopback
// feeds whose content grows week by week, the fake Slack Web API and fake Discord REST with two
// subscribed channels each, and a kill proxy in front of each (see kill-proxy.ts).
// Every feed item is invented here: "Story s-e-i" with a theme phrase so digests have sections.
// Feeds keep the items of the current and previous epoch (like real feeds dropping old items);
// every URL ever served is remembered, so "no story lost" can be checked against the archive.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { weekOf, weekRange } from '../../src/time/week.js';
import type { ChannelRef, IsoWeek } from '../../src/domain.js';
import { digestDueAt } from '../../src/time/digest-schedule.js';
import { openDatabase } from '../../src/store/database.js';
import { upsertSubscription } from '../../src/store/subscriptions.js';
import { startFeedServer, type FeedServer } from '../fakes/feed-server.js';
import { startFakeDiscordRest, type FakeDiscordRest } from '../fakes/discord-rest.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import {
  startKillProxy,
  type KillProxy,
  type ProxiedRequest,
  type ProxyAction,
} from './kill-proxy.js';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const TIME_ZONE = 'Europe/London';
/**
 * Epoch 0 is the week of this Monday (2021-W02); each later epoch is the following week. Far
 * enough in the past that even a long soak (hundreds of weeks) stays before the real date.
 */
const FIRST_MONDAY = Date.UTC(2021, 0, 11, 12);
/** After 2021-W01's digest was due, so the first week a channel can get is epoch 0. */
const SUBSCRIBED_AT = new Date('2021-01-05T09:00:00Z');

export const SLACK_TEAM = 'T0FAKE123';
export const DISCORD_GUILD = '900000000000000001';
export const CHANNELS: (ChannelRef & { themes: string[] | 'all' })[] = [
  { platform: 'slack', workspaceId: SLACK_TEAM, channelId: 'C0KILL001', themes: 'all' },
  { platform: 'slack', workspaceId: SLACK_TEAM, channelId: 'C0KILL002', themes: ['carter', 'stp'] },
  {
    platform: 'discord',
    workspaceId: DISCORD_GUILD,
    channelId: '800000000000000001',
    themes: 'all',
  },
  {
    platform: 'discord',
    workspaceId: DISCORD_GUILD,
    channelId: '800000000000000002',
    themes: ['mcp', 'procurement'],
  },
];

const TOPICS = [
  'Trusts publish operational productivity plans after the Lord Carter review',
  'Integrated care system leaders agree a joint budget',
  'Vanguard site extends its new care model',
  'Trust runs a procurement for pathology services',
  'Model hospital dashboard shows unwarranted variation in theatre costs',
  'Integrated care board signs off the sustainability and transformation plan',
];

export type Decide = (req: ProxiedRequest) => ProxyAction;

export interface KillWorld {
  dir: string;
  configDir: string;
  databasePath: string;
  digestsDir: string;
  slack: FakeSlackApi;
  discord: FakeDiscordRest;
  feedProxy: KillProxy;
  slackProxy: KillProxy;
  discordProxy: KillProxy;
  /** Environment for the child (tokens are fakes). */
  childEnv(now: Date): NodeJS.ProcessEnv;
  epoch: number;
  week(epoch: number): IsoWeek;
  dueAt(epoch: number): Date;
  /** Every story URL any feed has served so far. */
  readonly servedUrls: Set<string>;
  close(): Promise<void>;
}

export interface WorldOptions {
  sources: number;
  itemsPerEpoch: number;
  /** Decides per proxied request (and binds the kill to the current child). */
  decide: Decide;
}

function weekAt(epoch: number): IsoWeek {
  return weekOf(new Date(FIRST_MONDAY + epoch * 7 * 86_400_000), TIME_ZONE);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function feedItems(
  source: number,
  epoch: number,
  perEpoch: number,
): { url: string; xml: string }[] {
  const { startsAt } = weekRange(weekAt(epoch), TIME_ZONE);
  return Array.from({ length: perEpoch }, (_, i) => {
    const url = `https://news.example.org/s${source}/e${epoch}/story-${i}`;
    const title = `${TOPICS[(source + i) % TOPICS.length]} (story ${source}-${epoch}-${i})`;
    const published = new Date(startsAt.getTime() + 86_400_000 + i * 3_600_000 + source * 60_000);
    return {
      url,
      xml:
        `<item><title>${escapeXml(title)}</title><link>${url}</link><guid>${url}</guid>` +
        `<pubDate>${published.toUTCString()}</pubDate>` +
        `<description>Invented item ${i} of source ${source} for week ${epoch}.</description></item>`,
    };
  });
}

export async function createKillWorld(options: WorldOptions): Promise<KillWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-kill-'));
  const configDir = join(dir, 'config');
  const digestsDir = join(dir, 'digests');
  const databasePath = join(dir, 'briefing.db');
  mkdirSync(configDir);
  mkdirSync(digestsDir);
  for (const file of ['themes.yaml', 'organisations.yaml'])
    cpSync(join(REPO_ROOT, 'config', file), join(configDir, file));
  writeFileSync(
    join(configDir, 'settings.yaml'),
    `timeZone: ${TIME_ZONE}\npoll:\n  concurrency: 4\n  connectTimeoutMs: 2000\n  timeoutMs: 10000\n  allowPrivateAddresses: true\n`,
  );

  const servedUrls = new Set<string>();
  const world = { epoch: 0 } as KillWorld;
  const feedRoute = (source: number) => (req: IncomingMessage, res: ServerResponse) => {
    const epoch = world.epoch;
    const etag = `"e${epoch}-s${source}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    const items = [
      ...(epoch > 0 ? feedItems(source, epoch - 1, options.itemsPerEpoch) : []),
      ...feedItems(source, epoch, options.itemsPerEpoch),
    ];
    for (const item of items) servedUrls.add(item.url);
    const body =
      `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Source ${source}</title>` +
      `<link>https://news.example.org/s${source}</link>${items.map((i) => i.xml).join('')}</channel></rss>`;
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(body);
  };
  const routes = Object.fromEntries(
    Array.from({ length: options.sources }, (_, s) => [`/feed-${s}.xml`, feedRoute(s)]),
  );
  const feeds: FeedServer = await startFeedServer(routes);
  const slack = await new FakeSlackApi().start();
  for (const c of CHANNELS.filter((c) => c.platform === 'slack')) slack.addChannel(c.channelId);
  const discord = await startFakeDiscordRest();
  const discordOrigin = new URL(discord.apiUrl).origin;

  const feedProxy = await startKillProxy(feeds.origin, options.decide);
  const slackProxy = await startKillProxy(slack.baseUrl, options.decide);
  const discordProxy = await startKillProxy(discordOrigin, options.decide);

  writeFileSync(
    join(configDir, 'sources.yaml'),
    `sources:\n${Array.from(
      { length: options.sources },
      (_, s) =>
        `  - id: src-${s}\n    name: Invented source ${s}\n    kind: feed\n    url: ${feedProxy.origin}/feed-${s}.xml\n    authority: 0.${5 + (s % 4)}\n`,
    ).join('')}`,
  );

  const db = openDatabase(databasePath);
  for (const c of CHANNELS) {
    upsertSubscription(
      db,
      {
        platform: c.platform,
        workspaceId: c.workspaceId,
        channelId: c.channelId,
        themes: c.themes,
        organisations: [],
        schedule: null,
        createdBy: 'kill-loop',
      },
      SUBSCRIBED_AT,
    );
  }
  db.close();

  return Object.assign(world, {
    dir,
    configDir,
    databasePath,
    digestsDir,
    slack,
    discord,
    feedProxy,
    slackProxy,
    discordProxy,
    servedUrls,
    week: weekAt,
    dueAt: (epoch: number) => digestDueAt(weekAt(epoch), { day: 1, time: '08:00' }, TIME_ZONE),
    childEnv: (now: Date): NodeJS.ProcessEnv => ({
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      DATABASE_PATH: databasePath,
      BRIEFING_CONFIG_DIR: configDir,
      DIGESTS_DIR: digestsDir,
      LOG_LEVEL: 'warn',
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_API_URL: `${slackProxy.origin}/api/`,
      DISCORD_TOKEN: 'fake-discord-token.kill-loop.0000',
      DISCORD_API_URL: `${discordProxy.origin}/api`,
      CRASH_NOW: now.toISOString(),
    }),
    async close() {
      await Promise.all([feedProxy.close(), slackProxy.close(), discordProxy.close()]);
      await Promise.all([feeds.close(), slack.stop(), discord.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  });
}
