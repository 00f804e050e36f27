// `briefing sources export` then `import` through the real CLI entry: the repository's feeds go
// out as OPML and come back into an empty sources file unchanged in name and address; a second
// import adds nothing; --dry-run writes nothing; a broken file fails with one line.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-opml-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function briefing(configDir: string, ...argv: string[]) {
  return runCli(argv, { DATABASE_PATH: join(work, 'archive.db'), BRIEFING_CONFIG_DIR: configDir });
}

function emptyConfig(name: string): string {
  const dir = join(work, name);
  cpSync('config', dir, { recursive: true });
  writeFileSync(join(dir, 'sources.yaml'), '# My sources\nsources: []\n');
  return dir;
}

type Listed = {
  sources: { id: string; name: string; url: string; kind?: string; enabled?: boolean }[];
};

describe('briefing sources export / import', () => {
  it('round-trips every feed source by name and address', async () => {
    const exported = await briefing('config', 'sources', 'export');
    expect(exported.code).toBe(0);
    const file = join(work, 'out.opml');
    writeFileSync(file, exported.stdout);

    const target = emptyConfig('round-trip');
    const imported = await briefing(target, 'sources', 'import', file);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);

    const original = (parse(readFileSync('config/sources.yaml', 'utf8')) as Listed).sources
      .filter((s) => (s.kind ?? 'feed') === 'feed')
      .map((s) => [s.name, s.url, s.enabled ?? true]);
    const text = readFileSync(join(target, 'sources.yaml'), 'utf8');
    expect(text.startsWith('# My sources\n')).toBe(true);
    const back = (parse(text) as Listed).sources.map((s) => [s.name, s.url, s.enabled ?? true]);
    expect(back).toEqual(original);

    // The imported file loads as configuration, and a second import adds nothing.
    expect((await briefing(target, 'sources', '--json')).code).toBe(0);
    const again = await briefing(target, 'sources', 'import', file);
    expect(again.stdout).toContain(`0 added, ${original.length} skipped.`);
  });

  it('--dry-run says what it would add and writes nothing', async () => {
    const target = emptyConfig('dry-run');
    const before = readFileSync(join(target, 'sources.yaml'), 'utf8');
    const run = await briefing(
      target,
      'sources',
      'import',
      'test/fixtures/opml/feedly.opml',
      '--dry-run',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("would add the-kings-fund  The King's Fund");
    expect(readFileSync(join(target, 'sources.yaml'), 'utf8')).toBe(before);
  });

  it('fails with one clear line on a missing file, a non-OPML file or an unknown action', async () => {
    const target = emptyConfig('errors');
    const missing = await briefing(target, 'sources', 'import', join(work, 'nope.opml'));
    expect([missing.code, missing.stderr.trim()]).toEqual([
      2,
      expect.stringContaining('cannot read'),
    ]);
    const notOpml = join(work, 'feed.xml');
    writeFileSync(notOpml, '<rss version="2.0"><channel/></rss>');
    const wrong = await briefing(target, 'sources', 'import', notOpml);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('not an OPML file');
    const unknown = await briefing(target, 'sources', 'merge');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown sources action "merge"');
  });
});
