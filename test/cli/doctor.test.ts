// `briefing doctor` through the real CLI entry: local checks on a real SQLite file, sources over
// loopback HTTP (one reachable, one gone), and Slack and Discord checks with the real WebClient
// and discord.js REST against the loopback fakes. Every failing line carries its fix.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { openDatabase } from '../../src/store/database.js';
import { upsertSubscription } from '../../src/store/subscriptions.js';
import {
  respondStatus,
  serveFile,
  startFeedServer,
  type FeedServer,
} from '../fakes/feed-server.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { startFakeDiscordRest, type FakeDiscordRest } from '../fakes/discord-rest.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-doctor-'));
const DATABASE_PATH = join(work, 'archive.db');
let feeds: FeedServer;
let slack: FakeSlackApi;
let discord: FakeDiscordRest;
let configDir: string;

beforeAll(async () => {
  feeds = await startFeedServer({
    '/ok.xml': serveFile('test/fixtures/feeds/atom-xml-base.xml'),
    '/gone.xml': respondStatus(404),
  });
  slack = await new FakeSlackApi().start();
  slack.addChannel('CMEMBER', { name: 'policy' });
  slack.addChannel('COUTSIDE', { name: 'outside', members: new Set() });
  discord = await startFakeDiscordRest();
  discord.script('GET', /^\/channels\/222\/messages$/, {
    status: 403,
    code: 50001,
    message: 'Missing Access',
  });
  configDir = join(work, 'config');
  cpSync('config', configDir, { recursive: true });
  writeFileSync(
    join(configDir, 'sources.yaml'),
    `sources:\n  - { id: up, name: Up, url: '${feeds.url('/ok.xml')}' }\n  - { id: gone, name: Gone, url: '${feeds.url('/gone.xml')}' }\n`,
  );
  writeFileSync(join(configDir, 'settings.yaml'), 'poll:\n  allowPrivateAddresses: true\n');
  const db = openDatabase(DATABASE_PATH);
  const now = new Date();
  for (const [platform, channelId] of [
    ['slack', 'CMEMBER'],
    ['slack', 'COUTSIDE'],
    ['discord', '111'],
    ['discord', '222'],
  ] as const) {
    upsertSubscription(
      db,
      {
        platform,
        workspaceId: 'W',
        channelId,
        themes: 'all',
        organisations: [],
        schedule: null,
        createdBy: 'U1',
      },
      now,
    );
  }
  db.close();
});

afterAll(async () => {
  await feeds?.close();
  await slack?.stop();
  await discord?.close();
  rmSync(work, { recursive: true, force: true });
});

function doctor(env: Record<string, string>, ...argv: string[]) {
  return runCli(['doctor', ...argv], {
    DATABASE_PATH,
    DIGESTS_DIR: join(work, 'digests'),
    BRIEFING_CONFIG_DIR: configDir,
    ...env,
  });
}

type Check = { name: string; status: string; detail: string; fix?: string };

describe('briefing doctor', () => {
  it('offline: configuration, database, disk, folders and clock pass', async () => {
    const run = await doctor({}, '--offline', '--json');
    const checks = JSON.parse(run.stdout) as Check[];
    expect(checks.map((c) => [c.name, c.status])).toEqual([
      ['configuration', 'ok'],
      ['migrations', 'ok'],
      ['database', 'ok'],
      ['disk space', expect.stringMatching(/ok|warn/)],
      ['digests folder', 'ok'],
      ['clock', 'ok'],
    ]);
    expect(run.code).toBe(0);
  });

  it('online: each source, platform token and subscribed channel, with fixes', async () => {
    const run = await doctor(
      {
        SLACK_BOT_TOKEN: 'xoxb-fake-bot-token',
        SLACK_API_URL: slack.apiUrl,
        DISCORD_TOKEN: 'fake-discord-token',
        DISCORD_API_URL: discord.apiUrl,
      },
      '--json',
    );
    const checks = new Map((JSON.parse(run.stdout) as Check[]).map((c) => [c.name, c]));
    expect(checks.get('source up')?.status).toBe('ok');
    expect(checks.get('source gone')).toMatchObject({
      status: 'fail',
      fix: expect.stringContaining('config/sources.yaml'),
    });
    expect(checks.get('slack token')).toMatchObject({
      status: 'ok',
      detail: 'valid for workspace Fake NHS as briefing',
    });
    expect(checks.get('slack channel CMEMBER')?.status).toBe('ok');
    expect(checks.get('slack channel COUTSIDE')).toMatchObject({
      status: 'warn',
      fix: expect.stringContaining('/invite'),
    });
    expect(checks.get('discord token')?.status).toBe('ok');
    expect(checks.get('discord channel 111')?.status).toBe('ok');
    expect(checks.get('discord channel 222')).toMatchObject({
      status: 'fail',
      fix: expect.stringContaining('View Channel'),
    });
    expect(run.code).toBe(1);
  });

  it('a wrong Slack token and a broken configuration fail with one line each and a fix', async () => {
    const run = await doctor({ SLACK_BOT_TOKEN: 'xoxb-wrong', SLACK_API_URL: slack.apiUrl });
    expect(run.stdout).toMatch(
      /^FAIL {2}slack token +Slack refused it or could not be reached \(invalid_auth\)$/m,
    );
    expect(run.stdout).toMatch(/^ +fix: copy the Bot User OAuth Token/m);
    writeFileSync(join(configDir, 'settings.yaml'), 'timeZone: Mars/Olympus\n');
    const broken = await doctor({}, '--offline');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(
      /^FAIL {2}configuration +1 problem\(s\): \S+settings\.yaml: timeZone: unknown IANA time zone/m,
    );
    writeFileSync(join(configDir, 'settings.yaml'), 'poll:\n  allowPrivateAddresses: true\n');
  });

  it('a database it cannot open is a failing line with its fix, not a crash', async () => {
    const newer = join(work, 'newer.db');
    const db = new Database(newer);
    db.pragma('user_version = 999');
    db.close();
    const run = await doctor({ DATABASE_PATH: newer }, '--offline', '--json');
    expect(run.code).toBe(1);
    const checks = new Map((JSON.parse(run.stdout) as Check[]).map((c) => [c.name, c]));
    expect(checks.get('database')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('newer than this code'),
      fix: expect.stringContaining('upgrade the bot'),
    });
    expect(checks.get('digests folder')?.status).toBe('ok');

    writeFileSync(join(work, 'a-file'), 'x');
    const unopenable = await doctor(
      { DATABASE_PATH: join(work, 'a-file', 'briefing.db') },
      '--offline',
    );
    expect(unopenable.code).toBe(1);
    expect(unopenable.stdout).toMatch(/^FAIL {2}database +\S+briefing\.db: /m);
    expect(unopenable.stdout).toMatch(/^ +fix: check DATABASE_PATH/m);
  });
});
