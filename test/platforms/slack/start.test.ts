import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectForSubscription } from '../../../src/digest/select-for-subscription.js';
import { loadEnv, type Env } from '../../../src/config/env.js';
import { silentLogger } from '../../../src/logging.js';
import { subscribeRules } from '../../../src/platforms/index.js';
import { chooseSlackMode, startSlack, type SlackEnv } from '../../../src/platforms/slack/start.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { postSignedForm, slashCommandPayload } from '../../fakes/slack-payloads.js';
import { FakeSlackSocketMode } from '../../fakes/slack-socket-mode.js';
import { makeDigest } from '../digest-fixtures.js';
import { collectTexts } from './hostile-text.js';
import { createAppFixture } from '../../helpers/app-fixture.js';

const baseEnv: SlackEnv = {
  SLACK_BOT_TOKEN: undefined,
  SLACK_APP_TOKEN: undefined,
  SLACK_SIGNING_SECRET: undefined,
  SLACK_API_URL: undefined,
  SLACK_COMMAND: '/briefing',
  SLACK_SUBSCRIBE_PERMISSION: 'anyone',
  PORT: 0,
};

function adminsOnly(): Env {
  const loaded = loadEnv({ SLACK_SUBSCRIBE_PERMISSION: 'admins' });
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  return loaded.env;
}

describe('chooseSlackMode', () => {
  it.each([
    [{ SLACK_APP_TOKEN: 'xapp-1' }, 'socket'],
    [{ SLACK_APP_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: 's' }, 'socket'],
    [{ SLACK_SIGNING_SECRET: 's' }, 'http'],
  ] as const)('%o -> %s', (env, mode) => {
    expect(chooseSlackMode({ ...baseEnv, ...env })).toBe(mode);
  });

  it('explains what to set when neither is given', () => {
    expect(() => chooseSlackMode(baseEnv)).toThrow(/^slack: set SLACK_APP_TOKEN for Socket Mode/);
  });
});

describe('startSlack from env', () => {
  const fake = new FakeSlackApi();
  const socket = new FakeSlackSocketMode();
  beforeAll(async () => {
    await fake.start();
    await socket.start();
    fake.socketUrl = socket.url;
    fake.addChannel('C0POLICY1');
    fake.addUser('U0MEMBER1');
  });
  afterAll(async () => {
    await socket.stop();
    await fake.stop();
  });

  it('runs Socket Mode with the configured command name and admin-only subscribe, and delivers', async () => {
    const running = await startSlack({
      env: {
        ...baseEnv,
        SLACK_BOT_TOKEN: fake.botToken,
        SLACK_APP_TOKEN: fake.appToken,
        SLACK_API_URL: fake.apiUrl.replace(/\/$/, ''),
        SLACK_COMMAND: 'nhs',
        SLACK_SUBSCRIBE_PERMISSION: 'admins',
      },
      // As `briefing run` builds them: the registry's rule for SLACK_SUBSCRIBE_PERMISSION=admins.
      commands: createAppFixture({ subscribePermission: subscribeRules(adminsOnly()) }).deps,
      timeZone: 'Europe/London',
      logger: silentLogger,
      retryConfig: { retries: 0 },
    });
    try {
      expect(running.mode).toBe('socket');
      expect(running.teamId).toBe(fake.teamId);
      await socket.whenConnected();
      const ack = await socket.send(
        'slash_commands',
        slashCommandPayload({
          text: 'subscribe carter',
          command: '/nhs',
          responseUrl: fake.responseUrl('perm'),
        }),
      );
      expect(ack.envelope_id).toBeTruthy();
      const [reply] = (await fake.waitForResponses('perm')) as { text: string }[];
      expect(collectTexts(reply!).join('\n')).toContain('only workspace admins');

      const sub = {
        id: 1,
        platform: 'slack' as const,
        workspaceId: fake.teamId,
        channelId: 'C0POLICY1',
        themes: 'all' as const,
        organisations: [],
        schedule: null,
        createdBy: null,
        createdAt: '2017-02-01T00:00:00Z',
        pausedReason: null,
      };
      const [part] = running.adapter.render(selectForSubscription(makeDigest(), sub));
      const outcome = await running.adapter.send(sub, part!, {
        key: 'start-test',
        parentMessageId: null,
      });
      expect(outcome.status).toBe('sent');
    } finally {
      await running.stop();
    }
  });

  it('runs HTTP mode when only the signing secret is set', async () => {
    const running = await startSlack({
      env: {
        ...baseEnv,
        SLACK_BOT_TOKEN: fake.botToken,
        SLACK_SIGNING_SECRET: 'sekrit',
        SLACK_API_URL: fake.apiUrl,
      },
      commands: createAppFixture().deps,
      timeZone: 'Europe/London',
      logger: silentLogger,
      host: '127.0.0.1',
      retryConfig: { retries: 0 },
    });
    try {
      expect(running.mode).toBe('http');
      const res = await postSignedForm(
        `http://127.0.0.1:${running.port}/slack/events`,
        slashCommandPayload({ text: 'help', responseUrl: fake.responseUrl('h') }),
        { secret: 'sekrit' },
      );
      expect(res.status).toBe(200);
    } finally {
      await running.stop();
    }
  });
});
