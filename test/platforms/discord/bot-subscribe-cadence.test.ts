// subscribe's answer about cadence and the first catch-up, and the "Send last week's catch-up now"
// button, through the real discord.js client over the fake gateway and REST; the catch-up is
// rendered by the real Discord delivery adapter into the real outbox, then posted to the fake.
import type { REST } from 'discord.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryAdapter } from '../../../src/delivery/adapter.js';
import { processOutbox } from '../../../src/delivery/process-outbox.js';
import type { ChannelPlatform } from '../../../src/domain.js';
import {
  createDeliveryRest,
  createDiscordDeliveryAdapter,
} from '../../../src/platforms/discord/delivery-adapter.js';
import { CATCH_UP_CUSTOM_ID } from '../../../src/platforms/discord/render-subscribed.js';
import { PERMISSION_MANAGE_CHANNELS } from '../../fakes/discord-interactions.js';
import { createAppFixture, type AppFixture } from '../../helpers/app-fixture.js';
import { CHANNEL_ID, startBotHarness, type BotHarness } from './bot-harness.js';
import type { SentBody } from './discord-assertions.js';

// Saturday 25 March 2017, noon GMT: the clocks go forward tonight, so Monday 08:00 in London is
// 07:00 UTC.
const SATURDAY = new Date('2017-03-25T12:00:00.000Z');
const EPHEMERAL = 64;
const admin = { permissions: PERMISSION_MANAGE_CHANNELS };

type Body = SentBody & { flags?: number; components?: { components: { custom_id: string }[] }[] };
const bodyOf = (answer: { callback: { data?: unknown } }) => answer.callback.data as Body;

let fx: AppFixture;
let h: BotHarness;
let dir: string;
let rest: REST;
const adapters = new Map<ChannelPlatform, DeliveryAdapter>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'briefing-discord-catch-up-'));
  fx = createAppFixture({ now: SATURDAY, delivery: { adapters, digestsDir: dir } });
  h = await startBotHarness(fx.deps, { now: () => SATURDAY });
  rest = createDeliveryRest({ token: 'fake-token', apiUrl: h.rest.apiUrl });
  adapters.set('discord', createDiscordDeliveryAdapter(rest));
});
afterAll(async () => {
  await h?.close();
  fx?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('/briefing subscribe: the first catch-up and last week now (Discord)', () => {
  it('names the first catch-up across the clock change and offers a button that queues last week once', async () => {
    const sub = bodyOf(await h.run('subscribe', { themes: 'all' }, admin));
    expect(sub.flags ?? 0).toBe(0);
    expect(sub.content).toContain(
      'Your first catch-up arrives on Monday 27 March at 08:00 (Europe/London).',
    );
    const button = sub.components![0]!.components[0]!;
    expect(button.custom_id).toBe(CATCH_UP_CUSTOM_ID);

    // Without Manage Channels the button refuses, like subscribe.
    const refused = bodyOf(await h.press(CATCH_UP_CUSTOM_ID));
    expect(refused.flags).toBe(EPHEMERAL);
    expect(refused.content).toContain('only members with the permission');

    const pressed = bodyOf(await h.press(CATCH_UP_CUSTOM_ID, admin));
    expect(pressed.flags ?? 0).toBe(0);
    expect(pressed.content).toContain(
      'Last week’s catch-up (week of 13 March 2017) is on its way to this channel.',
    );
    const report = await processOutbox(fx.db, adapters, SATURDAY);
    expect(report.sent).toBeGreaterThan(0);
    const posts = h.rest.requests.filter(
      (r) => r.method === 'POST' && r.path === `/channels/${CHANNEL_ID}/messages`,
    );
    expect(posts.length).toBe(report.sent);

    const again = bodyOf(await h.press(CATCH_UP_CUSTOM_ID, admin));
    expect(again.content).toContain('was already sent to this channel');
    await h.run('unsubscribe', {}, admin);
  });

  it('subscribe with cadence daily and now: the daily time, alerts, and no button', async () => {
    const sub = bodyOf(
      await h.run(
        'subscribe',
        { themes: 'carter', cadence: 'daily', alerts: true, now: true, time: '07:30' },
        admin,
      ),
    );
    const lines = sub.content!.split('\n');
    expect(lines[0]).toBe(
      'Subscribed: this channel gets the daily catch-up for carter, daily at 07:30 (Europe/London), with alerts.',
    );
    expect(lines[1]).toBe(
      'Your first daily catch-up arrives on Sunday 26 March at 07:30 (Europe/London); a day without news for this channel is skipped.',
    );
    expect(lines[2]).toMatch(
      /^Last week’s catch-up \(week of 13 March 2017\) (is on its way|was already sent)/,
    );
    expect(sub.components ?? []).toEqual([]);
    await h.run('unsubscribe', {}, admin);
  });
});
