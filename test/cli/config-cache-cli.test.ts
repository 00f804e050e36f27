// The CLI with the validated-configuration cache (config/config-cache.ts): the first command
// writes data/config-cache.json beside the database, an edited themes.yaml is seen by the next
// command, and a broken one gives the same "invalid configuration" lines and exit code whether
// or not a (stale) cache exists.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { EXIT_CONFIG } from '../../src/cli/exit-codes.js';
import { CONFIG_DIR } from '../helpers/app-fixture.js';

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString('utf8')));
  return { stream, text: () => text };
}

async function runCli(argv: string[], databasePath: string) {
  const out = capture();
  const err = capture();
  const code = await main(
    argv,
    { stdout: out.stream, stderr: err.stream },
    { LOG_LEVEL: 'silent', DATABASE_PATH: databasePath },
  );
  return { code, stdout: out.text(), stderr: err.text() };
}

const work = mkdtempSync(join(tmpdir(), 'briefing-cli-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('briefing with a cached configuration', () => {
  it('sees an edit, and reports a broken themes.yaml exactly as without a cache', async () => {
    const configDir = join(work, 'config');
    cpSync(CONFIG_DIR, configDir, { recursive: true });
    const cached = join(work, 'cached', 'briefing.db');
    const args = ['--config', configDir, 'sources', '--json'];

    expect((await runCli(args, cached)).code).toBe(0);
    expect(existsSync(join(work, 'cached', 'config-cache.json'))).toBe(true);

    const sourcesFile = join(configDir, 'sources.yaml');
    const sources = readFileSync(sourcesFile, 'utf8');
    const firstName = /name: (.+)/.exec(sources)![1]!;
    writeFileSync(sourcesFile, sources.replace(`name: ${firstName}`, 'name: Renamed source'));
    const renamed = await runCli(args, cached);
    expect(renamed.code).toBe(0);
    expect(renamed.stdout).toContain('Renamed source');

    const themesFile = join(configDir, 'themes.yaml');
    writeFileSync(
      themesFile,
      readFileSync(themesFile, 'utf8').replace(/threshold: [0-9.]+/, 'threshold: "high"'),
    );
    const withStaleCache = await runCli(args, cached);
    const withoutCache = await runCli(args, join(work, 'fresh', 'briefing.db'));
    expect(withStaleCache.code).toBe(EXIT_CONFIG);
    expect(withStaleCache.stderr).toContain('invalid configuration');
    expect(withStaleCache.stderr).toContain('threshold');
    expect(withStaleCache).toEqual(withoutCache);
  });
});
