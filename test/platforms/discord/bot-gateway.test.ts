// The gateway connection of the real client against the fake gateway: heartbeats are answered,
// a dropped connection is resumed (RESUME, not a new IDENTIFY) and commands work again after it;
// a session the gateway will not resume leads to a fresh IDENTIFY.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from './bot-harness.js';
import { createAppFixture, type AppFixture } from '../../helpers/app-fixture.js';

let app: AppFixture;
let h: BotHarness;
beforeAll(async () => {
  app = createAppFixture();
  h = await startBotHarness(app.deps, { heartbeatIntervalMs: 250 });
});
afterAll(async () => {
  await h?.close();
  app?.close();
});

describe('gateway', () => {
  it('heartbeats and gets acknowledged', async () => {
    const beat = await h.gateway.waitForFrame((f) => f.op === 1);
    expect(beat.op).toBe(1);
    expect(h.bot.client.isReady()).toBe(true);
  });

  it('resumes after a disconnect and keeps answering commands', async () => {
    const before = h.gateway.received.length;
    h.gateway.disconnect(4000);
    const resume = await h.gateway.waitForFrame(
      (f) => f.op === 6 && h.gateway.received.indexOf(f) >= before,
    );
    expect(resume.d).toMatchObject({ token: 'fake-bot-token', session_id: 'fake-session-1' });
    expect(h.gateway.identifies).toBe(1);
    expect(h.gateway.resumes).toBe(1);
    const answer = await h.run('help');
    expect(answer.callback.type).toBe(4);
  });

  it('identifies afresh when the gateway refuses to resume (INVALID_SESSION)', async () => {
    h.gateway.refuseNextResume();
    h.gateway.disconnect(4000);
    // discord.js waits 1-5 s before re-identifying after INVALID_SESSION, as Discord asks.
    // The fake sends READY and GUILD_CREATE on the same socket before any later dispatch.
    await h.gateway.waitForFrame(() => h.gateway.identifies >= 2);
    const answer = await h.run('themes');
    expect(answer.callback.type).toBe(4);
  });
});
