// End to end on loopback: a channel subscribes with the real slash command (Bolt over Socket
// Mode), the real poller reads invented feeds from a loopback server, the real weekly job builds,
// archives and delivers the digest through the Slack adapter to the fake Slack. The channel gets
// the digest exactly once, every message valid under Slack's limits; a second run posts nothing;
// a lost chat.postMessage answer is recovered from message metadata instead of re-posted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPollDeps } from '../../../src/pipeline/build-poll-deps.js';
import { loadEnv } from '../../../src/config/env.js';
import type { Source } from '../../../src/domain.js';
import { pollSources } from '../../../src/pipeline/poll-all.js';
import { runDigestJob } from '../../../src/pipeline/run-digest-job.js';
import { silentLogger } from '../../../src/logging.js';
import {
  createSlackDeliveryAdapter,
  createSlackDeliveryClient,
  DIGEST_EVENT_TYPE,
} from '../../../src/platforms/slack/delivery-adapter.js';
import { checkSlackBlocks } from '../../fakes/slack-block-rules.js';
import { serveBody, startFeedServer, type FeedServer } from '../../fakes/feed-server.js';
import { createAppFixture, type AppFixture } from '../../helpers/app-fixture.js';
import { collectTexts, findUnsafeMarkup } from './hostile-text.js';
import { startHarness, type Harness } from './slack-harness.js';

// Invented stories for 2017-W07 (13-19 February 2017), written for this test.
const NEWS_FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Fixture NHS news</title><link>https://news.example.org/</link>
<item><guid>e2e-1</guid><link>https://news.example.org/2017/02/model-hospital-e2e</link>
<title>Model Hospital portal opens to every acute trust after Lord Carter review</title>
<description>NHS Improvement said the benchmarking portal would help boards find unwarranted variation, one year on from the Carter report.</description>
<pubDate>Tue, 14 Feb 2017 10:00:00 GMT</pubDate></item>
<item><guid>e2e-2</guid><link>https://news.example.org/2017/02/stp-footprint-e2e</link>
<title>Sustainability and transformation plan for the Black Country footprint published</title>
<description>The STP sets out how four trusts would share back-office services and save £200m by 2021.</description>
<pubDate>Wed, 15 Feb 2017 09:30:00 GMT</pubDate></item>
<item><guid>e2e-3</guid><link>https://news.example.org/2017/02/hostile-e2e</link>
<title>&lt;!channel&gt; Carter review: &lt;https://evil.example/x|NHS England&gt; says @here trusts must act on the Model Hospital</title>
<description>&lt;@U123&gt; Lord Carter said unwarranted variation persists.</description>
<pubDate>Thu, 16 Feb 2017 11:00:00 GMT</pubDate></item>
${[
  'Dudley Group',
  'Salford Royal',
  'Northumbria Healthcare',
  'Royal Cornwall Hospitals',
  'Sheffield Teaching Hospitals',
]
  .map(
    (
      trust,
      i,
    ) => `<item><guid>e2e-carter-${i}</guid><link>https://news.example.org/2017/02/carter-${i}</link>
<title>${trust} publishes its operational productivity metrics from the Model Hospital</title>
<description>The trust said the Carter review metrics showed where its costs per weighted activity unit were above the national median.</description>
<pubDate>Fri, 17 Feb 2017 0${i + 1}:15:00 GMT</pubDate></item>`,
  )
  .join('\n')}
</channel></rss>`;

const PROCUREMENT_FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Fixture procurement</title><link>https://buy.example.org/</link>
${Array.from(
  { length: 9 },
  (_, i) => `<item><guid>e2e-tender-${i}</guid><link>https://buy.example.org/tenders/${i}</link>
<title>NHS Supply Chain opens framework agreement tender ${i + 1} for pathology consumables</title>
<description>The procurement covers lot ${i + 1}; the contract award is due in the spring.</description>
<pubDate>Mon, 13 Feb 2017 ${String(9 + i).padStart(2, '0')}:00:00 GMT</pubDate></item>`,
).join('\n')}
</channel></rss>`;

const TEAM_CHANNEL = 'C0E2ETEAM';

describe('Slack end to end: subscribe, poll, weekly job, exactly once', () => {
  let fx: AppFixture;
  let feeds: FeedServer;
  let h: Harness;
  let digestsDir: string;
  let clock = new Date('2017-02-16T12:00:00.000Z');

  beforeAll(async () => {
    fx = createAppFixture({ stories: [], now: clock });
    feeds = await startFeedServer({
      '/news.xml': serveBody(NEWS_FEED, { contentType: 'application/rss+xml' }),
      '/tenders.xml': serveBody(PROCUREMENT_FEED, { contentType: 'application/rss+xml' }),
    });
    h = await startHarness({ mode: 'socket', deps: fx.deps, now: () => clock });
    h.fake.addChannel(TEAM_CHANNEL, { name: 'nhs-policy' });
    digestsDir = mkdtempSync(join(tmpdir(), 'slack-e2e-digests-'));
  });
  afterAll(async () => {
    await h.stop();
    await feeds.close();
    fx.close();
    rmSync(digestsDir, { recursive: true, force: true });
  });

  const adapter = () =>
    createSlackDeliveryAdapter({
      client: createSlackDeliveryClient({ token: h.fake.botToken, apiUrl: h.fake.apiUrl }),
      logger: silentLogger,
    });

  const runJob = (now: Date) =>
    runDigestJob({
      db: fx.db,
      config: fx.config,
      adapters: new Map([['slack', adapter()]]),
      now,
      digestsDir,
      logger: silentLogger,
    });

  it('delivers the week once, within limits, with nothing live from the feeds', async () => {
    // 1. A member subscribes the channel on Thursday of 2017-W07.
    const { id } = await h.command('subscribe carter stp procurement', { channelId: TEAM_CHANNEL });
    const [reply] = await h.replies(id);
    expect(collectTexts(reply as { text: string }).join('\n')).toContain('will now receive');

    // 2. The poller reads the loopback feeds.
    const [base] = fx.config.sources;
    const sources: Source[] = [
      { ...base!, id: fx.config.sources[0]!.id, url: feeds.url('/news.xml') },
      { ...base!, id: fx.config.sources[1]!.id, url: feeds.url('/tenders.xml') },
    ];
    const env = loadEnv({});
    if (!env.ok) throw new Error(env.errors.join('\n'));
    const outcomes = await pollSources(
      sources,
      buildPollDeps({
        db: fx.db,
        env: env.env,
        config: fx.config,
        logger: silentLogger,
        now: () => clock,
        fetchOverrides: { allowPrivateAddresses: true },
      }),
      { concurrency: 2 },
    );
    expect(outcomes.map((o) => o.status)).toEqual(['ok', 'ok']);
    expect(outcomes.reduce((n, o) => n + o.newStories, 0)).toBe(17);

    // 3. Monday 20 February, after the default 08:00 digest time: the weekly job runs.
    clock = new Date('2017-02-20T09:00:00.000Z');
    const report = await runJob(clock);
    expect(report.enqueued).toHaveLength(1);
    expect(report.delivery.sent).toBeGreaterThanOrEqual(1);

    const posted = h.fake.posted(TEAM_CHANNEL);
    expect(posted.length).toBe(report.enqueued[0]!.parts);
    expect(posted[0]!.threadTs).toBeNull();
    for (const m of posted.slice(1)) expect(m.threadTs).toBe(posted[0]!.ts);
    const keys = posted.map((m) => m.metadata?.event_payload.key);
    expect(new Set(keys).size).toBe(posted.length);
    const allowed = new Set([
      'https://news.example.org/2017/02/model-hospital-e2e',
      'https://news.example.org/2017/02/stp-footprint-e2e',
      'https://news.example.org/2017/02/hostile-e2e',
      ...Array.from({ length: 5 }, (_, i) => `https://news.example.org/2017/02/carter-${i}`),
      ...Array.from({ length: 9 }, (_, i) => `https://buy.example.org/tenders/${i}`),
    ]);
    for (const m of posted) {
      expect(m.metadata?.event_type).toBe(DIGEST_EVENT_TYPE);
      expect(checkSlackBlocks(m.blocks)).toEqual([]);
      for (const text of collectTexts(m)) expect(findUnsafeMarkup(text, allowed), text).toEqual([]);
    }
    const all = posted.flatMap((m) => collectTexts(m)).join('\n');
    expect(all).toContain('Catch up: week of 13 February 2017');
    expect(all).toContain('Model Hospital portal opens to every acute trust');
    // The feed title holds no HTML tag, so it is plain text (issue 19): its angle brackets are
    // characters, kept at ingest and escaped here, so nothing of it is a mention or a link.
    expect(all).toContain(
      '&lt;!channel&gt; Carter review: &lt;https://evil.example/x|NHS England&gt; says @\u2060here trusts must act',
    );
    expect(all).toContain('&lt;@U123&gt; Lord Carter said');
    // A big week: the channel message, then the rest in its thread.
    expect(posted.length).toBeGreaterThan(1);
    expect(collectTexts(posted[0]!).join('\n')).toContain('More in the thread:');
    expect(all).toContain('Procurement');
    expect(posted[0]!.text).toContain('Catch up: week of 13 February 2017');

    // 4. The job runs again (the scheduler ticks every few minutes): nothing more is posted.
    const calls = h.fake.callsTo('chat.postMessage').length;
    const again = await runJob(new Date('2017-02-20T09:05:00.000Z'));
    expect(again.enqueued).toHaveLength(0);
    expect(again.delivery.sent).toBe(0);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(calls);
    expect(h.fake.posted(TEAM_CHANNEL)).toHaveLength(posted.length);
  });

  it('recovers a part whose answer was lost from its metadata, never posting it twice', async () => {
    const channel = h.fake.addChannel('C0E2ELOST', { name: 'lost-answers' });
    clock = new Date('2017-02-16T12:00:00.000Z');
    const { id } = await h.command('subscribe carter', { channelId: channel.id });
    await h.replies(id);
    // Slack accepts the first post but the answer never arrives (HTTP 504).
    h.fake.fail('chat.postMessage', { lostResponseStatus: 504 });
    const first = await runJob(new Date('2017-02-20T09:00:00.000Z'));
    expect(first.delivery.retried).toBe(1);
    expect(h.fake.posted(channel.id)).toHaveLength(1);
    // The retry is due later; the adapter finds the message by its key instead of re-posting.
    const second = await runJob(new Date('2017-02-20T12:00:00.000Z'));
    expect(second.delivery.recovered).toBe(1);
    expect(h.fake.posted(channel.id)).toHaveLength(1);
    expect(h.fake.callsTo('conversations.history').length).toBeGreaterThanOrEqual(1);
  });

  it('honours a 429 Retry-After through the outbox: not before, then once', async () => {
    const channel = h.fake.addChannel('C0E2ERATE', { name: 'rate-limited' });
    clock = new Date('2017-02-16T12:00:00.000Z');
    const { id } = await h.command('subscribe stp', { channelId: channel.id });
    await h.replies(id);
    h.fake.fail('chat.postMessage', { retryAfter: 120 });
    const due = new Date('2017-02-20T09:00:00.000Z');
    const first = await runJob(due);
    expect(first.delivery.retried).toBe(1);
    expect(h.fake.posted(channel.id)).toHaveLength(0);
    const early = await runJob(new Date(due.getTime() + 60_000));
    expect(early.delivery.sent + early.delivery.recovered).toBe(0);
    expect(h.fake.posted(channel.id)).toHaveLength(0);
    const later = await runJob(new Date(due.getTime() + 121_000));
    expect(later.delivery.sent).toBeGreaterThanOrEqual(1);
    expect(h.fake.posted(channel.id).length).toBe(later.delivery.sent);
  });

  it('pauses the subscription with a reason when the bot was removed from the channel', async () => {
    const channel = h.fake.addChannel('C0E2EGONE', { name: 'removed' });
    clock = new Date('2017-02-16T12:00:00.000Z');
    const { id } = await h.command('subscribe stp', { channelId: channel.id });
    await h.replies(id);
    channel.members.clear();
    const report = await runJob(new Date('2017-02-20T09:00:00.000Z'));
    expect(report.delivery.paused).toContain(`slack:${h.fake.teamId}:${channel.id}`);
    const sub = fx.deps.subscriptions.get('slack', h.fake.teamId, channel.id);
    expect(sub?.pausedReason).toMatch(/not in the channel.*\[not_in_channel\]/);
    // /briefing status shows why.
    clock = new Date('2017-02-20T10:00:00.000Z');
    const status = await h.command('status', { channelId: channel.id });
    const [shown] = await h.replies(status.id);
    expect(collectTexts(shown as { text: string }).join('\n')).toContain(
      'paused: Slack: the bot is not in the channel',
    );
  });
});
