// Secrets never reach the logs, even at trace level with Bolt's request logging on.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logging.js';
import { startHarness, SIGNING_SECRET } from './slack-harness.js';
import { createAppFixture } from '../../helpers/app-fixture.js';

describe.each(['socket', 'http'] as const)('Slack logs over %s', (mode) => {
  it('never contain the bot token, app token or signing secret', async () => {
    const chunks: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    const fx = createAppFixture();
    const h = await startHarness({
      mode,
      deps: fx.deps,
      now: fx.now,
      logger: createLogger('trace', sink),
    });
    try {
      h.fake.addChannel('C0POLICY1');
      for (const text of [
        'help',
        'subscribe carter',
        'search model hospital',
        'nonsense <!channel>',
      ]) {
        const { ack, id } = await h.command(text);
        if (ack === null) await h.replies(id);
      }
      h.fake.fail('conversations.info', { error: 'invalid_auth' });
      const { id } = await h.command('subscribe stp');
      await h.replies(id);
    } finally {
      await h.stop();
      fx.close();
    }
    const log = chunks.join('');
    expect(log.length).toBeGreaterThan(1000);
    expect(log).toContain('slack: command');
    // The SDK's own request logging was on, so a leak would have shown.
    expect(log).toContain('http request');
    for (const secret of [h.fake.botToken, h.fake.appToken, SIGNING_SECRET]) {
      expect(log).not.toContain(secret);
    }
  });
});
