// `briefing slack --check` against the fake Slack: the command module run with a real CliContext
// (cli.ts's lazy `import(\`./cli/${name}.js\`)` is not resolvable under vitest, so the command
// is imported directly; argument parsing is node:util's).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PassThrough } from 'node:stream';
import { captureStream as capture, runCli } from '../helpers/run-cli.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from 'node:util';
import { loadPlatformCommand } from '../../src/cli/platform-command.js';
import { UsageError } from '../../src/cli/command.js';
import { openCliContext } from '../../src/cli/context.js';
import { loadEnv } from '../../src/config/env.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { FakeSlackSocketMode } from '../fakes/slack-socket-mode.js';
import { CONFIG_DIR } from '../helpers/app-fixture.js';

const command = await loadPlatformCommand('slack');

describe('briefing slack', () => {
  const fake = new FakeSlackApi();
  const socket = new FakeSlackSocketMode();
  let dir = '';
  beforeAll(async () => {
    await fake.start();
    await socket.start();
    fake.socketUrl = socket.url;
    dir = mkdtempSync(join(tmpdir(), 'cli-slack-'));
  });
  afterAll(async () => {
    await socket.stop();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function main(
    argv: string[],
    io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
    environment: Record<string, string>,
  ): Promise<number> {
    const loaded = loadEnv(environment);
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    const ctx = await openCliContext({
      env: loaded.env,
      configDir: CONFIG_DIR,
      stdout: io.stdout as PassThrough,
      stderr: io.stderr as PassThrough,
    });
    try {
      const args = parseArgs({
        args: argv.slice(1),
        options: command.options,
        allowPositionals: true,
      });
      return await command.run(ctx, args as never);
    } catch (error) {
      if (error instanceof UsageError) {
        io.stderr.write(`briefing: ${error.message}\n`);
        return 2;
      }
      io.stderr.write(`briefing: unexpected error: ${(error as Error).message}\n`);
      return 1;
    } finally {
      ctx.close();
    }
  }

  const env = (extra: Record<string, string>) => ({
    DATABASE_PATH: join(dir, 'briefing.db'),
    BRIEFING_CONFIG_DIR: CONFIG_DIR,
    LOG_LEVEL: 'silent',
    SLACK_API_URL: fake.apiUrl,
    ...extra,
  });

  it('--check connects over Socket Mode, reports the workspace and exits 0', async () => {
    const out = capture();
    const err = capture();
    const code = await main(
      ['slack', '--check'],
      { stdout: out.stream, stderr: err.stream },
      env({ SLACK_BOT_TOKEN: fake.botToken, SLACK_APP_TOKEN: fake.appToken }),
    );
    expect(err.text()).toBe('');
    expect(code).toBe(0);
    expect(out.text()).toBe(`slack: connected to workspace ${fake.teamId} (Socket Mode)\n`);
    expect(fake.callsTo('apps.connections.open')).toHaveLength(1);
  });

  it('fails with one clear line, and no token, when the token is rejected', async () => {
    const err = capture();
    const code = await main(
      ['slack', '--check'],
      { stdout: capture().stream, stderr: err.stream },
      env({ SLACK_BOT_TOKEN: 'xoxb-rejected-secret', SLACK_APP_TOKEN: fake.appToken }),
    );
    expect(code).toBe(1);
    expect(err.text()).toBe(
      'briefing: unexpected error: slack: SLACK_BOT_TOKEN was not accepted (invalid_auth)\n',
    );
  });

  it('explains what to set when SLACK_BOT_TOKEN is missing: a configuration error', async () => {
    // Through the real entry (src/cli.ts), which maps the error to its exit code.
    const r = await runCli(['slack'], env({}));
    expect(r.code).toBe(78);
    expect(r.stderr).toContain('SLACK_BOT_TOKEN is not set');
  });

  it('names the missing connection variables before connecting (exit 78, no stack)', async () => {
    const r = await runCli(
      ['slack', '--check'],
      env({ SLACK_BOT_TOKEN: 'xoxb-x', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '' }),
    );
    expect(r.code).toBe(78);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'briefing: invalid configuration: slack: set SLACK_APP_TOKEN for Socket Mode (recommended), or SLACK_SIGNING_SECRET and PORT for HTTP mode\n',
    );
  });

  const oauth = (extra: Record<string, string> = {}) =>
    env({
      SLACK_CLIENT_ID: fake.installs.clientId,
      SLACK_CLIENT_SECRET: fake.installs.clientSecret,
      SLACK_STATE_SECRET: 'state-secret-for-cli-test',
      SLACK_INSTALL_KEY: 'a'.repeat(64),
      SLACK_SIGNING_SECRET: 'signing-secret-for-cli-test',
      PORT: '0',
      ...extra,
    });

  it('--check serves many workspaces in OAuth mode, over HTTP', async () => {
    const out = capture();
    const err = capture();
    const code = await main(
      ['slack', '--check'],
      { stdout: out.stream, stderr: err.stream },
      oauth(),
    );
    expect(err.text()).toBe('');
    expect(code).toBe(0);
    expect(out.text()).toMatch(
      /^slack: connected to many workspaces \(install at \/slack\/install\) \(HTTP on port \d+\)\n$/,
    );
  });

  it('refuses OAuth mode without SLACK_INSTALL_KEY, in one clear line', async () => {
    const err = capture();
    const code = await main(
      ['slack', '--check'],
      { stdout: capture().stream, stderr: err.stream },
      oauth({ SLACK_INSTALL_KEY: '' }),
    );
    expect(code).toBe(1);
    expect(err.text()).toMatch(/slack: OAuth mode needs SLACK_INSTALL_KEY/);
    expect(err.text()).not.toContain(fake.installs.clientSecret);
  });
});
