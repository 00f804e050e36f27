// End to end on loopback: register /briefing on the fake Discord, subscribe a channel through a
// real INTERACTION_CREATE, poll two fixture feeds on a loopback feed server (one of them down),
// run the weekly digest job with the Discord delivery adapter, and check the fake received the
// digest exactly once, within limits, with allowed_mentions empty; a second run posts nothing.
// A second channel where the bot lacks permission (50013) is paused with the reason.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPollDeps } from '../../../src/pipeline/build-poll-deps.js';
import { buildCommandDeps } from '../../../src/pipeline/command-deps.js';
import type { AppConfig } from '../../../src/config/load.js';
import { loadEnv } from '../../../src/config/env.js';
import type { Source } from '../../../src/domain.js';
import { pollSources } from '../../../src/pipeline/poll-all.js';
import { runDigestJob } from '../../../src/pipeline/run-digest-job.js';
import { silentLogger } from '../../../src/logging.js';
import { deployCommands } from '../../../src/platforms/discord/commands.js';
import {
  createDeliveryRest,
  createDiscordDeliveryAdapter,
} from '../../../src/platforms/discord/delivery-adapter.js';
import { openDatabase, type Db } from '../../../src/store/database.js';
import { PERMISSION_MANAGE_CHANNELS } from '../../fakes/discord-interactions.js';
import {
  respondStatus,
  serveBody,
  startFeedServer,
  type FeedServer,
} from '../../fakes/feed-server.js';
import { loadFixtureConfig } from '../../helpers/app-fixture.js';
import {
  expectInert,
  expectWithinLimits,
  visibleText,
  type SentBody,
} from './discord-assertions.js';
import {
  APP_ID,
  CHANNEL_ID,
  GUILD_ID,
  OTHER_CHANNEL_ID,
  startBotHarness,
  type BotHarness,
} from './bot-harness.js';

/** Thursday of 2017-W07; the W07 digest is due on Monday 20 February at 08:00 London. */
const SUBSCRIBED_AT = new Date('2017-02-16T12:00:00.000Z');
const JOB_TIME = new Date('2017-02-20T08:05:00.000Z');

// Invented stories, written for this test.
const ITEMS = [
  [
    'Lord Carter urges trusts to use the Model Hospital to tackle unwarranted variation',
    'Mon, 13 Feb 2017 09:00:00 GMT',
    'A year on from his review of operational productivity, Lord Carter said the £5bn target is within reach if trusts compare their costs.',
  ],
  [
    'First procurement league table ranks every acute trust on purchase orders',
    'Tue, 14 Feb 2017 10:30:00 GMT',
    'The table compares what trusts pay for gloves, syringes and paper through NHS Supply Chain and framework agreements.',
  ],
  [
    'Black Country sustainability and transformation plan sets out £200m of savings',
    'Wed, 15 Feb 2017 08:15:00 GMT',
    'The STP footprint covers four trusts and wants to merge back-office services by 2019.',
  ],
  [
    '@everyone <@&123456789012345678> [NHS England](https://evil.example/phish) vanguard news',
    'Thu, 16 Feb 2017 07:45:00 GMT',
    'Multispecialty community provider vanguards report fewer admissions. @here <#111>',
  ],
  [
    'Trust tender for pathology network attracts four bidders',
    'Fri, 17 Feb 2017 16:00:00 GMT',
    'The procurement tender for a shared pathology service closes in March.',
  ],
];

function rss(): string {
  const items = ITEMS.map(
    ([title, date, summary], i) => `
    <item>
      <title><![CDATA[${title}]]></title>
      <link>https://wire.example.org/news/${i + 1}</link>
      <guid>wire-e2e-${i + 1}</guid>
      <pubDate>${date}</pubDate>
      <description><![CDATA[${summary}]]></description>
    </item>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.example.org/</link><description>Invented</description>${items}</channel></rss>`;
}

function source(id: string, name: string, url: string): Source {
  return {
    id,
    name,
    kind: 'feed',
    url,
    pollIntervalMinutes: 30,
    paywalled: false,
    authority: 0.8,
    enabled: true,
    verified: true,
  };
}

let feeds: FeedServer;
let db: Db;
let config: AppConfig;
let h: BotHarness;
let rest: REST;
let digestsDir: string;

beforeAll(async () => {
  feeds = await startFeedServer({
    '/wire.xml': serveBody(rss(), { contentType: 'application/rss+xml' }),
    '/down.xml': respondStatus(503),
  });
  const base = loadFixtureConfig();
  config = {
    ...base,
    sources: [
      source('wire', 'Health Policy Wire', feeds.url('/wire.xml')),
      source('down', 'Offline Observer', feeds.url('/down.xml')),
    ],
    settings: { ...base.settings, poll: { ...base.settings.poll, allowPrivateAddresses: true } },
  };
  db = openDatabase(':memory:');
  h = await startBotHarness(buildCommandDeps({ db, config, now: () => SUBSCRIBED_AT }), {
    now: () => SUBSCRIBED_AT,
  });
  rest = createDeliveryRest({ token: 'fake-bot-token', apiUrl: h.rest.apiUrl });
  digestsDir = mkdtempSync(join(tmpdir(), 'briefing-discord-e2e-'));
});

afterAll(async () => {
  rest?.clearHashSweeper();
  rest?.clearHandlerSweeper();
  await h?.close();
  await feeds?.close();
  db?.close();
  if (digestsDir) rmSync(digestsDir, { recursive: true, force: true });
});

describe('Discord end to end', () => {
  it('deploy → subscribe → poll → weekly job posts the digest once; a second run posts nothing', async () => {
    expect(
      await deployCommands({
        token: 'fake-bot-token',
        applicationId: APP_ID,
        apiUrl: h.rest.apiUrl,
        guildId: GUILD_ID,
      }),
    ).toEqual({
      ok: true,
      scope: 'guild',
      count: 1,
    });

    const admin = { permissions: PERMISSION_MANAGE_CHANNELS };
    const subscribed = await h.run('subscribe', { themes: 'all' }, admin);
    expect((subscribed.callback.data as SentBody).content).toMatch(/^Subscribed/);
    const other = await h.run(
      'subscribe',
      { themes: 'procurement' },
      { ...admin, channelId: OTHER_CHANNEL_ID },
    );
    expect((other.callback.data as SentBody).content).toMatch(/^Subscribed/);

    const env = loadEnv({});
    if (!env.ok) throw new Error(env.errors.join('; '));
    const outcomes = await pollSources(
      config.sources,
      buildPollDeps({ db, env: env.env, config, logger: silentLogger, now: () => SUBSCRIBED_AT }),
      { concurrency: 2 },
    );
    expect(outcomes.map((o) => [o.sourceId, o.status, o.newStories])).toEqual([
      ['wire', 'ok', 5],
      ['down', 'failed', 0],
    ]);

    // The bot has no permission in the other channel.
    h.rest.script('POST', new RegExp(`^/channels/${OTHER_CHANNEL_ID}/messages$`), {
      status: 403,
      code: 50013,
      message: 'Missing Permissions',
    });
    const adapter = createDiscordDeliveryAdapter(rest);
    const adapters = new Map([['discord' as const, adapter]]);
    const first = await runDigestJob({
      db,
      config,
      adapters,
      now: JOB_TIME,
      digestsDir,
      logger: silentLogger,
    });

    const posted = h.rest.requests.filter(
      (r) => r.method === 'POST' && r.path === `/channels/${CHANNEL_ID}/messages`,
    );
    expect(posted.length).toBeGreaterThanOrEqual(1);
    expect(first.delivery.sent).toBe(posted.length);
    expect(h.rest.messages.get(CHANNEL_ID)).toHaveLength(posted.length);
    const text = posted.map((r) => visibleText(r.body as SentBody)).join('\n');
    for (const r of posted) {
      const body = r.body as SentBody & { nonce: string; enforce_nonce: boolean };
      expectWithinLimits(body);
      expectInert(body, ['wire.example.org']);
      expect(body.enforce_nonce).toBe(true);
    }
    expect(text).toContain('Catch up: week of 13 February 2017');
    expect(text).toContain(
      '[Lord Carter urges trusts to use the Model Hospital to tackle unwarranted variation](https://wire.example.org/news/1)',
    );
    expect(text).toContain('Offline Observer');
    // The masked link in a title arrives as escaped text, not as a link.
    expect(text).toContain('\\[NHS England\\](https:\u200b//evil.example/phish)');
    expect(text).not.toMatch(/(?<!\\)\[NHS England\]\(/);

    // The channel without permission is paused with a readable reason, not retried for ever.
    expect(first.delivery.paused).toEqual([`discord:${GUILD_ID}:${OTHER_CHANNEL_ID}`]);
    const paused = buildCommandDeps({ db, config }).subscriptions.get(
      'discord',
      GUILD_ID,
      OTHER_CHANNEL_ID,
    );
    expect(paused?.pausedReason).toMatch(/Missing Permissions/);

    const before = h.rest.requests.filter(
      (r) => r.method === 'POST' && r.path.startsWith('/channels/'),
    ).length;
    const second = await runDigestJob({
      db,
      config,
      adapters,
      now: new Date(JOB_TIME.getTime() + 3_600_000),
      digestsDir,
      logger: silentLogger,
    });
    expect(second.delivery.sent).toBe(0);
    expect(
      h.rest.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/channels/')).length,
    ).toBe(before);
    expect(h.rest.messages.get(CHANNEL_ID)).toHaveLength(posted.length);

    // /briefing status in the paused channel says why.
    const status = await h.run('status', {}, { channelId: OTHER_CHANNEL_ID });
    expect(
      visibleText((status.edits[0] as SentBody) ?? (status.callback.data as SentBody)),
    ).toMatch(/paused: .*Missing Permissions/);
  });
});
