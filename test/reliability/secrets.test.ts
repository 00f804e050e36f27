// Secrets never appear in logs or error messages (issue 8), through the real CLI at
// LOG_LEVEL=trace: configuration errors (env and YAML), digest delivery against platforms that
// accept and that reject the tokens, `briefing run` whose Slack and Discord start-up fail, and
// `briefing discord deploy-commands` / `briefing slack` with a rejected token.
// (Slack's own request logging is covered in test/platforms/slack/slack-logs.test.ts.)
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { upsertSubscription } from '../../src/store/subscriptions.js';
import { serveBody, startFeedServer, type FeedServer } from '../fakes/feed-server.js';
import { startFakeDiscordRest, type FakeDiscordRest } from '../fakes/discord-rest.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import {
  createTempSetup,
  runCli,
  sourcesYaml,
  startCli,
  type CliResult,
  type TempSetup,
} from './cli-process.js';

const SECRETS = {
  SLACK_BOT_TOKEN: 'xoxb-7301-SECRETBOT-4kq9Zr2mWx8Lp',
  SLACK_APP_TOKEN: 'xapp-1-A07-SECRETAPP-9dHf3JkQw2',
  SLACK_SIGNING_SECRET: 'f3c9SECRETSIGNING0b7e41d2aa96c5',
  DISCORD_TOKEN: 'MTA5OTk.SECRETDISCORD.Gx7_kq2Lw9PzR4tV',
};

/** Every secret, and its distinctive middle, must be absent from both streams. */
function expectNoSecrets(result: Pick<CliResult, 'stdout' | 'stderr'>): void {
  const output = `${result.stdout}\n${result.stderr}`;
  for (const [name, value] of Object.entries(SECRETS)) {
    const marker = /SECRET\w+/.exec(value)![0];
    expect(output.includes(value), `${name} leaked`).toBe(false);
    expect(output.includes(marker), `part of ${name} leaked`).toBe(false);
  }
}

/** A Discord REST that rejects every token, like Discord after a token reset. */
async function startRejectingDiscord(): Promise<{ apiUrl: string; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    res
      .writeHead(401, { 'content-type': 'application/json' })
      .end(JSON.stringify({ message: '401: Unauthorized', code: 0 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`, server };
}

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>Integrated care board agrees its joint forward plan</title><link>https://news.example.org/icb-plan</link>
<guid>https://news.example.org/icb-plan</guid><pubDate>Tue, 03 Nov 2026 10:00:00 GMT</pubDate></item>
</channel></rss>`;

let feeds: FeedServer;
let acceptingSlack: FakeSlackApi;
let rejectingSlack: FakeSlackApi;
let acceptingDiscord: FakeDiscordRest;
let rejectingDiscord: { apiUrl: string; server: Server };
beforeAll(async () => {
  feeds = await startFeedServer({ '/feed.xml': serveBody(RSS) });
  acceptingSlack = await new FakeSlackApi({ botToken: SECRETS.SLACK_BOT_TOKEN }).start();
  acceptingSlack.addChannel('C0SECRET1');
  rejectingSlack = await new FakeSlackApi().start(); // knows other tokens: invalid_auth
  rejectingSlack.addChannel('C0SECRET1');
  acceptingDiscord = await startFakeDiscordRest();
  rejectingDiscord = await startRejectingDiscord();
});
afterAll(async () => {
  await Promise.all([
    feeds.close(),
    acceptingSlack.stop(),
    rejectingSlack.stop(),
    acceptingDiscord.close(),
  ]);
  await new Promise<void>((resolve) => rejectingDiscord.server.close(() => resolve()));
});

function setupWithSecrets(extra: NodeJS.ProcessEnv = {}): TempSetup {
  const setup = createTempSetup({
    sourcesYaml: sourcesYaml({ icb: feeds.url('/feed.xml') }),
    settingsYaml: 'poll:\n  allowPrivateAddresses: true\n',
  });
  Object.assign(setup.env, SECRETS, { LOG_LEVEL: 'trace' }, extra);
  return setup;
}

describe('secrets stay out of output at LOG_LEVEL=trace', () => {
  it('an invalid environment variable is reported by name, tokens not echoed', async () => {
    const setup = setupWithSecrets({ PORT: 'not-a-port', SLACK_SUBSCRIBE_PERMISSION: 'everyone' });
    try {
      const result = await runCli(['sources'], setup.env);
      expect(result.code).toBe(78);
      expect(result.stderr).toMatch(/env PORT/);
      expect(result.stderr).toMatch(/env SLACK_SUBSCRIBE_PERMISSION/);
      expectNoSecrets(result);
    } finally {
      setup.remove();
    }
  });

  it('an invalid config folder lists every problem with its path, tokens not echoed', async () => {
    const setup = setupWithSecrets();
    try {
      writeFileSync(
        join(setup.configDir, 'settings.yaml'),
        `timeZone: Mars/Olympus\npoll:\n  concurrency: 0\n  pollEvery: 5\ndigest:\n  time: '25:99'\n`,
      );
      const result = await runCli(['run'], setup.env);
      expect(result.code).toBe(78);
      expect(result.stderr).toMatch(/timeZone/);
      expect(result.stderr).toMatch(/poll\.concurrency/);
      expect(result.stderr).toMatch(/digest\.time/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expectNoSecrets(result);
    } finally {
      setup.remove();
    }
  });

  it.each([
    ['accepting', () => acceptingSlack.apiUrl, () => acceptingDiscord.apiUrl],
    ['rejecting', () => rejectingSlack.apiUrl, () => rejectingDiscord.apiUrl],
  ])(
    'digest delivery to platforms %s the tokens',
    async (_label, slackUrl, discordUrl) => {
      const setup = setupWithSecrets({ SLACK_API_URL: slackUrl(), DISCORD_API_URL: discordUrl() });
      try {
        expect((await runCli(['poll'], setup.env)).code).toBe(0);
        // Subscriptions straight into the database: the subscribe command is not under test here.
        const db = openDatabase(setup.databasePath);
        for (const [platform, workspaceId, channelId] of [
          ['slack', 'T0FAKE123', 'C0SECRET1'],
          ['discord', '900000000000000001', '800000000000000009'],
        ] as const) {
          upsertSubscription(
            db,
            {
              platform,
              workspaceId,
              channelId,
              themes: 'all',
              organisations: [],
              schedule: null,
              createdBy: null,
            },
            new Date('2026-11-01T00:00:00Z'),
          );
        }
        db.close();
        const posted = await runCli(['digest', '--week', '2026-W45', '--post'], setup.env);
        expect(posted.stdout).toMatch(/slack:T0FAKE123:C0SECRET1: 1 part\(s\) recorded/);
        expect(posted.stdout).toMatch(/^Delivery: /m);
        expect(posted.stderr).not.toMatch(/\n\s+at /);
        expectNoSecrets(posted);
        const delivered = await runCli(['deliver'], setup.env);
        expectNoSecrets(delivered);
      } finally {
        setup.remove();
      }
    },
    60_000,
  );

  it('briefing run whose Slack and Discord start-up is refused exits 69', async () => {
    const setup = setupWithSecrets({
      SLACK_API_URL: rejectingSlack.apiUrl,
      DISCORD_API_URL: rejectingDiscord.apiUrl,
    });
    try {
      // Nothing else delivers (no email, webhooks or web server): it stops by itself, 69.
      const bot = startCli(['run'], setup.env);
      const result = await bot.exited;
      expect(bot.stdout()).toMatch(/Slack: could not start/);
      expect(bot.stdout()).toMatch(/Discord: could not start/);
      expect(result.code).toBe(69);
      expectNoSecrets(result);
    } finally {
      setup.remove();
    }
  }, 60_000);

  it.each([
    [['discord', 'deploy-commands'], { DISCORD_APPLICATION_ID: '1099990000000000001' }],
    [['discord', 'check'], {}],
    [['slack'], {}],
  ])(
    'briefing %j with a rejected token',
    async (args, extra) => {
      const setup = setupWithSecrets({
        ...extra,
        SLACK_API_URL: rejectingSlack.apiUrl,
        DISCORD_API_URL: rejectingDiscord.apiUrl,
      });
      try {
        const result = await runCli(args, setup.env);
        expect(result.code).not.toBe(0);
        expect(result.stderr.trim()).not.toBe('');
        expectNoSecrets(result);
      } finally {
        setup.remove();
      }
    },
    60_000,
  );
});
