// Configuration mistakes a newcomer makes, through the real CLI entry (src/cli.ts): each is exit
// 78 with one line naming the variable (never "unexpected error", never a stack), found before
// anything is written; empty variables mean unset; a platform that is configured but fails is
// said to have failed, and `run` exits 69 when nothing else would deliver.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/env.js';
import { openDatabase } from '../../src/store/database.js';
import { listAllSubscriptions } from '../../src/store/subscriptions.js';
import { runCli } from '../helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-config-mistakes-'));
let configDir = '';
let n = 0;
/** A fresh database path in the work folder for each run. */
const freshDb = () => join(work, `db-${++n}.sqlite`);

beforeAll(() => {
  configDir = join(work, 'config');
  cpSync('config', configDir, { recursive: true });
  // No network: a source on a closed loopback port, refused by the private-address guard.
  writeFileSync(
    join(configDir, 'sources.yaml'),
    "sources:\n  - { id: local, name: Local, url: 'http://127.0.0.1:9/feed' }\n",
  );
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(argv: string[], env: Record<string, string> = {}) {
  return runCli(['--config', configDir, ...argv], {
    DATABASE_PATH: freshDb(),
    DIGESTS_DIR: join(work, 'digests'),
    ...env,
  });
}

/** Exit 78, nothing on stdout, exactly one stderr line: the configuration problem. */
function expectConfigLine(result: { code: number; stdout: string; stderr: string }, line: string) {
  expect(result).toEqual({
    code: 78,
    stdout: '',
    stderr: `briefing: invalid configuration: ${line}\n`,
  });
}

const INSTALL_KEY = Buffer.alloc(32, 7).toString('base64');
const BOTH_SLACK_MODES = {
  SLACK_BOT_TOKEN: 'xoxb-one',
  SLACK_CLIENT_ID: 'id',
  SLACK_CLIENT_SECRET: 'secret',
  SLACK_STATE_SECRET: 'state',
  SLACK_INSTALL_KEY: INSTALL_KEY,
  SLACK_SIGNING_SECRET: 'signing',
};

describe('configuration mistakes exit 78 with the variable named', () => {
  it('subscribing an email address without SMTP settings stores nothing', async () => {
    const path = freshDb();
    const result = await runCli(
      ['--config', configDir, 'subscribe', '--platform', 'email', '--channel', 'pat@nhs.net'],
      { DATABASE_PATH: path },
    );
    expectConfigLine(
      result,
      'email: set SMTP_URL, EMAIL_FROM, EMAIL_UNSUBSCRIBE_SECRET to send email',
    );
    const db = openDatabase(path);
    expect(listAllSubscriptions(db)).toEqual([]);
    db.close();
  });

  it('SLACK_BOT_TOKEN with the many-workspace variables: run refuses, doctor says so', async () => {
    const line =
      'slack: set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID/SECRET (many workspaces), not both';
    expectConfigLine(await cli(['run'], BOTH_SLACK_MODES), line);
    const doctor = await cli(['doctor', '--offline'], BOTH_SLACK_MODES);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/^FAIL {2}slack settings +slack: set either SLACK_BOT_TOKEN/m);
  });

  it('a web server on a public interface without sign-in', async () => {
    expectConfigLine(
      await cli(['run'], { WEB_HOST: '0.0.0.0', WEB_PORT: '0' }),
      'web: refusing to listen on 0.0.0.0 without sign-in; set WEB_TOKEN or WEB_USERS (or WEB_HOST=127.0.0.1 behind a reverse proxy that signs people in)',
    );
  });

  it('a DATABASE_PATH that is a folder, or a file that is not a database', async () => {
    const folder = join(work, 'a-folder');
    mkdirSync(folder);
    expectConfigLine(
      await cli(['sources'], { DATABASE_PATH: folder }),
      `DATABASE_PATH: cannot open ${folder}: it is a folder, not a file`,
    );
    const text = join(work, 'notes.txt');
    writeFileSync(text, 'not sqlite at all, but long enough to have a header page\n'.repeat(20));
    expectConfigLine(
      await cli(['sources'], { DATABASE_PATH: text }),
      `DATABASE_PATH: cannot open ${text}: the file is not a SQLite database`,
    );
  });

  it('a missing token or secret for a platform command is configuration, not usage', async () => {
    expectConfigLine(
      await cli(['email', 'confirm', 'x']),
      'EMAIL_UNSUBSCRIBE_SECRET is not set (the key the tokens were signed with)',
    );
    expect((await cli(['discord', 'start'])).code).toBe(78);
    expect((await cli(['slack'])).code).toBe(78);
  });

  it('Teams names every missing variable at once', async () => {
    expectConfigLine(
      await cli(['run'], { TEAMS_APP_ID: 'app' }),
      'teams: set TEAMS_TENANT_ID, TEAMS_APP_PASSWORD (or TEAMS_CERT_FILE and TEAMS_CERT_KEY_FILE)',
    );
  });
});

describe('empty and malformed environment values', () => {
  it('treats an empty value as unset: the default applies', () => {
    const loaded = loadEnv({
      DATABASE_PATH: '',
      DIGESTS_DIR: '',
      BRIEFING_CONFIG_DIR: ' ',
      PORT: '',
      LOG_LEVEL: '',
      HTTPS_PROXY: '',
      https_proxy: 'http://proxy.example.org:8080',
    });
    expect(loaded.ok && loaded.env).toMatchObject({
      DATABASE_PATH: 'data/briefing.db',
      DIGESTS_DIR: 'digests',
      BRIEFING_CONFIG_DIR: 'config',
      PORT: 3000,
      LOG_LEVEL: 'info',
      HTTPS_PROXY: 'http://proxy.example.org:8080',
    });
  });

  it('lists a proxy that is not a URL and a permission that is not bits, together', async () => {
    const result = await cli(['sources'], {
      HTTPS_PROXY: 'notaurl',
      HTTP_PROXY: 'proxy.example.org:8080',
      DISCORD_SUBSCRIBE_PERMISSION: 'manage',
    });
    expect(result.code).toBe(78);
    expect(result.stderr.split('\n')).toEqual([
      'briefing: invalid configuration:',
      '  env HTTPS_PROXY: must be a URL such as http://proxy.example.org:8080',
      '  env HTTP_PROXY: must be a URL such as http://proxy.example.org:8080',
      '  env DISCORD_SUBSCRIBE_PERMISSION: a decimal permission bit string, e.g. 16 (Manage Channels), 8 (Administrator) or 0 (everyone)',
      '',
    ]);
  });
});

describe('platforms that fail, blocked sources, small things', () => {
  it('run: configured platforms that all fail are named, and it exits 69', async () => {
    const result = await cli(['run'], {
      DISCORD_TOKEN: 'fake',
      DISCORD_API_URL: 'http://127.0.0.1:9/api',
    });
    expect(result.code).toBe(69);
    expect(result.stdout).toContain('Discord: could not start: ');
    expect(result.stdout).toContain(
      'No chat platform running (Discord failed to start: see above).',
    );
    expect(result.stdout).not.toContain('No chat platform configured');
    expect(result.stdout).not.toContain('Running:');
    expect(result.stderr).toMatch(/^briefing: no chat platform could start/);
  });

  it('a source refused as loopback points to poll.allowPrivateAddresses, not the network', async () => {
    const result = await cli(['poll', '--source', 'local']);
    expect(result.code).toBe(75);
    expect(result.stdout).toContain('set poll.allowPrivateAddresses: true in settings.yaml');
    expect(result.stdout).not.toContain('HTTPS_PROXY');
  });

  it('an empty sources.yaml says the file is empty', async () => {
    const emptyDir = join(work, 'empty-config');
    cpSync(configDir, emptyDir, { recursive: true });
    writeFileSync(join(emptyDir, 'sources.yaml'), '# nothing yet\n');
    const result = await runCli(['--config', emptyDir, 'sources'], { DATABASE_PATH: freshDb() });
    expectConfigLine(result, `${join(emptyDir, 'sources.yaml')}: the file is empty`);
  });

  it('a config folder that does not exist is one line', async () => {
    const result = await runCli(['--config', '/nonexistent', 'poll'], { DATABASE_PATH: freshDb() });
    expectConfigLine(
      result,
      'config folder not found: /nonexistent (--config or BRIEFING_CONFIG_DIR)',
    );
  });

  it('bare `briefing` prints usage on stderr and exits 2; --version prints the version', async () => {
    const bare = await runCli([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toMatch(/^Usage: briefing <command>/);
    const version = await runCli(['--version']);
    expect(version).toEqual({ code: 0, stdout: 'briefing 0.1.0\n', stderr: '' });
  });
});
