// The platform registry: each platform listed once with everything the composition roots need,
// the env deciding which run and who may subscribe, and Slack's command name read one way for
// `run` and for the one-shot commands alike (they once disagreed: see slack-env.ts).
import { describe, expect, it } from 'vitest';
import { createCliAdapters, parseChannelArg } from '../../src/cli/delivery-adapters.js';
import { loadEnv, type Env } from '../../src/config/env.js';
import { selectForSubscription } from '../../src/digest/select-for-subscription.js';
import type { Platform } from '../../src/domain.js';
import { silentLogger } from '../../src/logging.js';
import {
  PLATFORMS,
  configuredPlatforms,
  findPlatform,
  subscribeRules,
} from '../../src/platforms/index.js';
import { slackCommandName } from '../../src/platforms/slack/slack-env.js';
import { makeDigest } from './digest-fixtures.js';

function env(vars: Record<string, string>): Env {
  const loaded = loadEnv(vars);
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  return loaded.env;
}

const TOKENS = {
  SLACK_BOT_TOKEN: 'xoxb-test',
  DISCORD_TOKEN: 'discord-test',
  TEAMS_APP_ID: 'teams-app',
  TEAMS_APP_PASSWORD: 'teams-secret',
  TEAMS_TENANT_ID: 'teams-tenant',
  TEAMS_WEBHOOKS: 'on',
};
const SMTP = {
  SMTP_URL: 'smtp://127.0.0.1:2525',
  EMAIL_FROM: 'briefing@example.org',
  EMAIL_UNSUBSCRIBE_SECRET: 'registry-test-secret-registry-test-secret',
};

describe('platform registry', () => {
  it('lists every platform once, each with a runtime that can post and preview', async () => {
    const ids = PLATFORMS.map((p) => p.id);
    expect(ids).toEqual([
      'slack',
      'discord',
      'teams',
      'teams-webhook',
      'email',
    ] satisfies Platform[]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain('memory');
    for (const plugin of PLATFORMS) {
      expect(findPlatform(plugin.id)).toBe(plugin);
      const runtime = await plugin.load();
      expect(
        runtime.createDeliveryAdapter(env({ ...TOKENS, ...SMTP }), silentLogger).platform,
      ).toBe(plugin.id);
      expect(JSON.parse(runtime.renderPreview(makeDigest(), env({})))).toBeInstanceOf(Array);
    }
  });

  it('starts only what the env configures', () => {
    expect(configuredPlatforms(env({})).map((p) => p.id)).toEqual([]);
    expect(configuredPlatforms(env({ DISCORD_TOKEN: 'd' })).map((p) => p.id)).toEqual(['discord']);
    expect(configuredPlatforms(env(TOKENS)).map((p) => p.id)).toEqual([
      'slack',
      'discord',
      'teams',
      'teams-webhook',
    ]);
    expect(configuredPlatforms(env(SMTP)).map((p) => p.id)).toEqual(['email']);
  });

  it('gives each platform its rule for who may change subscriptions', () => {
    expect(subscribeRules(env({}))).toEqual({
      slack: 'anyone',
      discord: 'admins',
      teams: 'anyone',
      'teams-webhook': 'admins',
      email: 'admins',
    });
    expect(subscribeRules(env({ SLACK_SUBSCRIBE_PERMISSION: 'admins' }))).toEqual({
      slack: 'admins',
      discord: 'admins',
      teams: 'anyone',
      'teams-webhook': 'admins',
      email: 'admins',
    });
  });

  it('gives the one-shot commands an adapter per configured platform', async () => {
    const adapters = await createCliAdapters(env({ DISCORD_TOKEN: 'd' }), silentLogger);
    expect([...adapters.keys()]).toEqual(['discord']);
  });

  it('accepts registry platforms and the demo channel in --channel', () => {
    expect(parseChannelArg('discord:G1:C1')).toEqual({
      platform: 'discord',
      workspaceId: 'G1',
      channelId: 'C1',
    });
    expect(parseChannelArg('memory:demo:catch-up')?.platform).toBe('memory');
    expect(parseChannelArg('teams:T1:19:abc@thread.tacv2')).toEqual({
      platform: 'teams',
      workspaceId: 'T1',
      channelId: '19:abc@thread.tacv2',
    });
    expect(parseChannelArg('matrix:T:C')).toBeNull();
  });
});

describe('Slack command name', () => {
  it.each([
    ['/briefing', '/briefing'],
    ['nhs', '/nhs'],
    [' /nhs ', '/nhs'],
  ])('SLACK_COMMAND=%j is %s', (value, name) => {
    expect(slackCommandName({ SLACK_COMMAND: value })).toBe(name);
  });

  it('is the slash command in digests posted by one-shot commands, as in `run`', async () => {
    const adapters = await createCliAdapters(
      env({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_COMMAND: 'nhs' }),
      silentLogger,
    );
    const digest = makeDigest({ themes: 1, moreCount: 4 });
    const subscription = {
      id: 1,
      platform: 'slack' as const,
      workspaceId: 'T1',
      channelId: 'C1',
      themes: 'all' as const,
      organisations: [],
      schedule: null,
      createdBy: null,
      createdAt: '2017-02-01T00:00:00Z',
      pausedReason: null,
    };
    const parts = adapters.get('slack')!.render(selectForSubscription(digest, subscription));
    const payload = JSON.stringify(parts.map((p) => p.payload));
    expect(payload).toContain('/nhs theme:');
    expect(payload).not.toMatch(/[^/]nhs theme:/);
  });

  it('is the slash command in the `digest --format slack` preview', async () => {
    const runtime = await findPlatform('slack')!.load();
    const preview = runtime.renderPreview(
      makeDigest({ themes: 1, moreCount: 4 }),
      env({ SLACK_COMMAND: 'nhs' }),
    );
    expect(preview).toContain('/nhs theme:');
    expect(preview).not.toMatch(/[^/]nhs theme:/);
  });
});
