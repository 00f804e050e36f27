// `briefing run` starts what the registry lists, whatever the plug-in's shape: a delivery-only
// platform (no chat commands: a webhook, SMTP) posts through its adapter, and a platform that
// fails to start is reported and left out while the bot carries on. The plug-ins here are test
// doubles of the registry's entries; startBot is the real composition root.
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/env.js';
import type { DeliveryAdapter } from '../../src/delivery/adapter.js';
import { silentLogger } from '../../src/logging.js';
import { startBot, type RunningBot } from '../../src/main.js';
import type { PlatformPlugin, PlatformRuntime } from '../../src/platforms/plugin.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { loadFixtureConfig } from '../helpers/app-fixture.js';

const webhookAdapter: DeliveryAdapter = {
  platform: 'discord',
  render: () => [],
  send: async () => ({ status: 'sent', messageId: 'm1' }),
  findSent: async () => null,
};

function plugin(overrides: Partial<PlatformPlugin>, runtime: Partial<PlatformRuntime>) {
  const full: PlatformRuntime = {
    createDeliveryAdapter: () => webhookAdapter,
    renderPreview: () => '[]\n',
    ...runtime,
  };
  return {
    id: 'discord',
    label: 'Test',
    isConfigured: () => true,
    subscribeRule: () => 'anyone',
    load: async () => full,
    ...overrides,
  } satisfies PlatformPlugin;
}

let db: Db | undefined;
let bot: RunningBot | undefined;
afterEach(async () => {
  await bot?.stop(0);
  db?.close();
});

describe('startBot over the platform registry', () => {
  it("takes a delivery-only platform's adapter and reports one that cannot start", async () => {
    const loaded = loadEnv({ LOG_LEVEL: 'silent' });
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    db = openDatabase(':memory:');
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on('data', (c: Buffer) => chunks.push(String(c)));
    bot = await startBot({
      env: loaded.env,
      config: { ...loadFixtureConfig(), sources: [] },
      db,
      logger: silentLogger,
      out,
      platforms: [
        plugin(
          { id: 'slack', label: 'Broken' },
          {
            start: async () => {
              throw new Error('token refused');
            },
          },
        ),
        plugin({ id: 'discord', label: 'Webhook' }, {}),
        plugin({ id: 'discord', label: 'Unset', isConfigured: () => false }, {}),
      ],
    });
    const text = chunks.join('');
    expect(bot.platforms).toEqual(['discord']);
    expect(text).toContain('Broken: could not start: token refused');
    expect(text).toContain('Webhook: ready to post digests.');
    expect(text).not.toContain('Unset');
    expect(text).not.toContain('No chat platform configured');
  });
});
