// subscribe's answer about cadence and the first catch-up, and the "Send last week's catch-up now"
// button, through the real Bolt app (signed HTTP) against the fake Slack on loopback; the catch-up
// goes through the real outbox and the real Slack delivery adapter to the fake's channel.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryAdapter } from '../../../src/delivery/adapter.js';
import { processOutbox } from '../../../src/delivery/process-outbox.js';
import type { ChannelPlatform } from '../../../src/domain.js';
import { silentLogger } from '../../../src/logging.js';
import { runDigestJob } from '../../../src/pipeline/run-digest-job.js';
import {
  createSlackDeliveryAdapter,
  createSlackDeliveryClient,
} from '../../../src/platforms/slack/delivery-adapter.js';
import { CATCH_UP_ACTION_ID } from '../../../src/platforms/slack/render-subscribed.js';
import { createAppFixture, type AppFixture } from '../../helpers/app-fixture.js';
import { checkSlackBlocks } from '../../fakes/slack-block-rules.js';
import { collectTexts } from './hostile-text.js';
import { startHarness, type Harness } from './slack-harness.js';

// Monday 20 February 2017, 07:00 GMT: week 2017-W07 (the fixture's stories) has just ended and
// its catch-up falls due at 08:00.
const MONDAY_EARLY = new Date('2017-02-20T07:00:00.000Z');
const CHANNEL = 'C0POLICY1';

const textOf = (reply: unknown) => collectTexts(reply as { text?: string }).join('\n');

describe('subscribe: cadence, the first catch-up and last week now (Slack)', () => {
  let h: Harness;
  let fx: AppFixture;
  let dir: string;
  const adapters = new Map<ChannelPlatform, DeliveryAdapter>();
  let clock = MONDAY_EARLY;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefing-catch-up-'));
    fx = createAppFixture({ now: MONDAY_EARLY, delivery: { adapters, digestsDir: dir } });
    h = await startHarness({ mode: 'http', deps: fx.deps, now: () => clock });
    adapters.set(
      'slack',
      createSlackDeliveryAdapter({
        client: createSlackDeliveryClient({ token: h.fake.botToken, apiUrl: h.fake.apiUrl }),
        logger: silentLogger,
      }),
    );
  });
  afterAll(async () => {
    await h.stop();
    fx.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    clock = MONDAY_EARLY;
    h.fake.channels.clear();
    h.fake.addChannel(CHANNEL);
  });

  it('says when the first catch-up arrives; the button sends last week once, and the job does not repeat it', async () => {
    const sub = await h.command('subscribe carter');
    const [reply] = await h.replies(sub.id);
    expect(reply!.response_type).toBe('in_channel');
    expect(textOf(reply)).toContain(
      'Your first catch-up arrives on Monday 20 February at 08:00 (Europe/London).',
    );
    expect(checkSlackBlocks((reply!.blocks as unknown[]) ?? [])).toEqual([]);
    expect(JSON.stringify(reply!.blocks)).toContain(CATCH_UP_ACTION_ID);

    const click = await h.click(CATCH_UP_ACTION_ID, 'last-week');
    const [sent] = await h.replies(click.id);
    expect(sent!.response_type).toBe('in_channel');
    expect(textOf(sent)).toContain(
      'Last week’s catch-up (week of 13 February 2017) is on its way to this channel.',
    );
    await processOutbox(fx.db, adapters, MONDAY_EARLY);
    const posted = h.fake.posted(CHANNEL);
    expect(posted.map((m) => m.text).join('\n')).toContain('Catch up: week of 13 February 2017');
    const count = posted.length;

    const again = await h.click(CATCH_UP_ACTION_ID, 'last-week');
    expect(textOf((await h.replies(again.id))[0])).toContain('was already sent to this channel');
    // 08:00: the week falls due, but this channel already has it.
    const due = new Date('2017-02-20T08:00:00.000Z');
    const job = await runDigestJob({
      db: fx.db,
      config: fx.config,
      adapters,
      now: due,
      digestsDir: dir,
    });
    expect(job.enqueued).toEqual([]);
    expect(h.fake.posted(CHANNEL)).toHaveLength(count);
    await h.command('unsubscribe');
  });

  it('with now and a daily cadence: no button; the first daily one is this morning', async () => {
    const sub = await h.command('subscribe carter cadence:daily alerts:on now');
    const [reply] = await h.replies(sub.id);
    const text = textOf(reply);
    expect(text).toContain('This channel will now receive the daily NHS policy catch-up.');
    expect(text).toContain('daily at 08:00 (Europe/London) · alerts on');
    // Sunday's daily is due at 08:00 today; last week's catch-up goes now.
    expect(text).toContain(
      'Your first daily catch-up arrives on Monday 20 February at 08:00 (Europe/London); a day without news for this channel is skipped.',
    );
    expect(text).toContain('Last week’s catch-up (week of 13 February 2017)');
    expect(JSON.stringify(reply!.blocks)).not.toContain(CATCH_UP_ACTION_ID);
    expect(fx.deps.subscriptions.get('slack', h.fake.teamId, CHANNEL)).toMatchObject({
      cadence: 'daily',
      alerts: true,
    });
    // Subscribing again without cadence: or alerts: keeps them.
    await h.replies((await h.command('subscribe carter stp')).id);
    expect(fx.deps.subscriptions.get('slack', h.fake.teamId, CHANNEL)).toMatchObject({
      themes: ['carter', 'stp'],
      cadence: 'daily',
      alerts: true,
    });
    await h.command('unsubscribe');
  });

  it('rejects an unknown cadence with the choices', async () => {
    const sub = await h.command('subscribe carter cadence:hourly');
    const text = textOf(sub.ack ?? (await h.replies(sub.id))[0]);
    expect(text).toContain("unknown cadence 'hourly'");
    expect(text).toContain('cadence:daily');
  });
});
