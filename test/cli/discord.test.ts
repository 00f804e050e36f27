// `briefing discord …` against the fake Discord on loopback. The command module is loaded
// directly (src/cli.ts's lazy `import(\`./cli/${name}.js\`)` is not resolvable under vitest's
// dynamic-import-vars transform, which finds no .js files), and run with a real CliContext.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { captureStream as capture, runCli } from '../helpers/run-cli.js';
import { parseArgs } from 'node:util';
import { UsageError } from '../../src/cli/command.js';
import { openCliContext } from '../../src/cli/context.js';
import { loadPlatformCommand } from '../../src/cli/platform-command.js';
import { loadEnv } from '../../src/config/env.js';
import { startFakeDiscordGateway, type FakeDiscordGateway } from '../fakes/discord-gateway.js';
import { startFakeDiscordRest, type FakeDiscordRest } from '../fakes/discord-rest.js';
import { CONFIG_DIR } from '../helpers/app-fixture.js';

const command = await loadPlatformCommand('discord');

const APP_ID = '800000000000000001';

describe('briefing discord', () => {
  let rest: FakeDiscordRest;
  let gateway: FakeDiscordGateway;
  let dir = '';
  beforeAll(async () => {
    rest = await startFakeDiscordRest();
    gateway = await startFakeDiscordGateway({
      applicationId: APP_ID,
      guilds: [
        { id: '111111111111111111', name: 'Policy Team', channels: [{ id: '222', name: 'news' }] },
      ],
    });
    rest.setGatewayUrl(gateway.url);
    dir = mkdtempSync(join(tmpdir(), 'cli-discord-'));
  });
  afterAll(async () => {
    await gateway.close();
    await rest.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const env = (extra: Record<string, string>) => ({
    DATABASE_PATH: join(dir, 'briefing.db'),
    BRIEFING_CONFIG_DIR: CONFIG_DIR,
    LOG_LEVEL: 'silent',
    DISCORD_API_URL: rest.apiUrl,
    ...extra,
  });
  /** Like `briefing discord ARGS`: a UsageError becomes exit code 2 with its message. */
  const run = async (args: string[], extra: Record<string, string>) => {
    const out = capture();
    const err = capture();
    const loaded = loadEnv(env(extra));
    if (!loaded.ok) throw new Error(loaded.errors.join('; '));
    const ctx = await openCliContext({
      env: loaded.env,
      configDir: CONFIG_DIR,
      stdout: out.stream,
      stderr: err.stream,
    });
    let code: number;
    try {
      const parsed = parseArgs({
        args: args.slice(1),
        options: command.options,
        allowPositionals: true,
        strict: true,
      });
      code = await command.run(ctx, parsed as never); // as src/cli.ts does
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      err.stream.write(`briefing: ${error.message}\n`);
      code = 2;
    } finally {
      ctx.close();
    }
    return { code, out: out.text(), err: err.text() };
  };
  const creds = { DISCORD_TOKEN: 'cli-secret-token', DISCORD_APPLICATION_ID: APP_ID };

  it('deploy-commands --guild registers /briefing for one server', async () => {
    const r = await run(['discord', 'deploy-commands', '--guild', '111111111111111111'], creds);
    expect(r).toEqual({
      code: 0,
      out: 'Registered /briefing for server 111111111111111111 (1 command).\n',
      err: '',
    });
    expect(rest.commands.get('111111111111111111')).toHaveLength(1);
  });

  it('deploy-commands without --guild registers globally', async () => {
    const r = await run(['discord', 'deploy-commands'], creds);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Registered /briefing globally');
    expect(rest.commands.get('global')).toHaveLength(1);
  });

  it('reports a rejected token in one line without echoing it', async () => {
    rest.script('PUT', /commands$/, { status: 401, code: 0, message: '401: Unauthorized' });
    const r = await run(['discord', 'deploy-commands'], creds);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'briefing: discord deploy-commands failed: Discord rejected the token (401): check DISCORD_TOKEN\n',
    );
    expect(r.err + r.out).not.toContain('cli-secret-token');
  });

  it('check connects through the gateway the REST base points to, and exits', async () => {
    const r = await run(['discord', 'check'], creds);
    expect(r).toEqual({ code: 0, out: 'discord: connected as briefing to 1 server(s)\n', err: '' });
    expect(gateway.identifies).toBeGreaterThanOrEqual(1);
  });

  it('check with a refused token is one line and exit 69 through the real entry point', async () => {
    rest.script('GET', /gateway\/bot$/, { status: 401, code: 0, message: '401: Unauthorized' });
    const out = capture();
    const err = capture();
    const code = await main(
      ['discord', 'check'],
      { stdout: out.stream, stderr: err.stream },
      {
        ...env(creds),
      },
    );
    expect(code).toBe(69);
    expect(err.text()).toMatch(/^briefing: discord: could not connect: .+\n$/);
    expect(err.text()).not.toContain('unexpected error');
    expect(err.text() + out.text()).not.toContain('cli-secret-token');
  });

  it('invite-url prints the OAuth2 link with the four permissions', async () => {
    const r = await run(['discord', 'invite-url'], creds);
    expect(r.out).toBe(
      `https://discord.com/oauth2/authorize?client_id=${APP_ID}&scope=bot+applications.commands&permissions=84992\n`,
    );
  });

  it.each([
    [['discord'], {}, 'say what to do'],
    [['discord', 'deploy-commands', '--guild', 'abc'], creds, '--guild needs a server id'],
    [['discord', 'start', '--guild', '1'], creds, '--guild only applies to deploy-commands'],
    [['discord', 'launch'], creds, 'unknown discord action "launch"'],
  ] as [string[], Record<string, string>, string][])(
    '%j is a usage error',
    async (args, extra, message) => {
      const r = await run(args, extra);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
    },
  );

  // A variable missing from the environment is configuration (78), not a mistyped command (2).
  it.each([
    [['discord', 'deploy-commands'], {}, 'DISCORD_TOKEN is not set'],
    [['discord', 'start'], {}, 'DISCORD_TOKEN is not set'],
    [['discord', 'deploy-commands'], { DISCORD_TOKEN: 'x' }, 'DISCORD_APPLICATION_ID is not set'],
  ] as [string[], Record<string, string>, string][])(
    '%j is a configuration error',
    async (args, extra, message) => {
      // Through the real entry (src/cli.ts), which maps the error to its exit code.
      const r = await runCli(args, env(extra));
      expect(r.code).toBe(78);
      expect(r.stderr.startsWith(`briefing: invalid configuration: ${message}`)).toBe(true);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    },
  );
});
