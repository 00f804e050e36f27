// The CLI as a user meets it: help for every command, clear one-line errors, every config
// problem reported at once, and the demo running the whole pipeline on loopback.
import { mkdtempSync, readFileSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli.js';
import { runCli } from '../helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('briefing CLI', () => {
  it('lists every command in the top-level help', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(stdout).toContain(name);
  });

  it.each(Object.keys(COMMANDS))('has --help for "%s"', async (name) => {
    const { code, stdout } = await runCli([name, '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: briefing /);
  });

  it('rejects an unknown command with a one-line hint', async () => {
    const { code, stderr } = await runCli(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('briefing --help');
  });

  it('rejects an unknown option without a stack trace', async () => {
    const { code, stderr } = await runCli(['poll', '--nonsense']);
    expect(code).toBe(2);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('reports every configuration problem at once, with its path, and exits 78', async () => {
    const dir = join(work, 'bad-config');
    cpSync('config', dir, { recursive: true });
    writeFileSync(
      join(dir, 'settings.yaml'),
      'timeZone: Mars/Olympus\npoll:\n  intervalMinutes: 0\ndigest:\n  time: "25:00"\n',
    );
    writeFileSync(
      join(dir, 'sources.yaml'),
      'sources:\n  - id: a\n    name: A\n    url: ftp://example.org/feed\n  - id: a\n    name: B\n    url: https://example.org/\n    kind: html\n',
    );
    const { code, stderr } = await runCli(['--config', dir, 'sources'], {
      DATABASE_PATH: join(work, 'bad.db'),
    });
    expect(code).toBe(78);
    expect(stderr).toContain('poll.intervalMinutes');
    expect(stderr).toContain('digest.time');
    expect(stderr).toContain('sources.0.url');
    expect(stderr).toContain('duplicate id "a"');
    expect(stderr).toContain('sources.1.selectors');
    expect(stderr).toContain('timeZone');
  });

  it('reports a bad environment variable by name, never echoing secret values', async () => {
    const { code, stderr } = await runCli(['sources'], {
      PORT: 'not-a-port',
      SLACK_BOT_TOKEN: 'xoxb-super-secret-value',
    });
    expect(code).toBe(78);
    expect(stderr).toContain('PORT');
    expect(stderr).not.toContain('xoxb-super-secret-value');
  });

  it('runs the demo end to end on loopback and leaves a searchable database', async () => {
    const db = join(work, 'demo.db');
    const digests = join(work, 'digests');
    const demo = await runCli(['demo', '--db', db, '--digests', digests, '--quiet']);
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(/5 ok, 0 not modified, 0 failed; \d+ new stories/);
    expect(demo.stdout).toMatch(/0 ok, 5 not modified, 0 failed; 0 new stories/);
    expect(demo.stdout).toContain('a second delivery run sent 0');
    const markdown = readFileSync(join(digests, '2021', '2021-W47.md'), 'utf8');
    expect(markdown).toContain('Catch up: week of 22 November 2021');
    expect(markdown).toContain('## Carter reviews');
    // A call for evidence in the sample week closes on 17 December: within four weeks.
    expect(markdown).toContain('## Closing soon');
    expect(markdown).toContain('- Call for evidence closes Fri 17 Dec 2021: [Call for evidence');
    // Windows-1252 bytes from the trade feed arrive as the right characters.
    expect(markdown).toContain('Lord Carter’s');

    const search = await runCli(['search', 'unwarranted', 'variation', '--json'], {
      DATABASE_PATH: db,
    });
    expect(search.code).toBe(0);
    const hits = JSON.parse(search.stdout) as { title: string }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.title).toMatch(/unwarranted variation/i);

    // After the themes change, retag updates the archive and says what moved.
    const edited = join(work, 'edited-config');
    cpSync('config', edited, { recursive: true });
    const themes = readFileSync(join(edited, 'themes.yaml'), 'utf8');
    writeFileSync(
      join(edited, 'themes.yaml'),
      themes.replace(/threshold: 1\n/, 'threshold: 1000\n'),
    );
    const retag = await runCli(['--config', edited, 'retag', '--json'], { DATABASE_PATH: db });
    expect(retag.code).toBe(0);
    const summary = JSON.parse(retag.stdout) as {
      processed: number;
      changed: number;
      themes: Record<string, { gained: number; lost: number }>;
    };
    expect(summary.processed).toBeGreaterThan(20);
    expect(summary.changed).toBeGreaterThan(0);
    expect(Object.values(summary.themes).some((t) => t.lost > 0)).toBe(true);
    const after = await runCli(['search', '--theme', 'carter', '--json'], { DATABASE_PATH: db });
    expect(after.code).toBe(0);
  });
});
