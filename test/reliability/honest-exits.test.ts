// Honest exits and clean streams through the real binary (issue 12): `poll` and `run --once` exit
// 75 when every source failed and 0 when any answered; a typo in the command line or in a config
// file is one clear message with the closest valid name; stdout carries what the command prints
// and stderr carries logs: JSON lines when stderr is not a terminal, and on a terminal (forced here
// with LOG_FORMAT=human, as a pipe is not one) no repeat of what stdout already said.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  respondStatus,
  serveBody,
  startFeedServer,
  type FeedServer,
} from '../fakes/feed-server.js';
import { createTempSetup, runCli, sourcesYaml, type TempSetup } from './cli-process.js';

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Fixtures</title>
<item><title>Integrated care board agrees its joint forward plan</title>
<link>https://news.example.org/icb-plan</link><guid>https://news.example.org/icb-plan</guid>
<pubDate>Wed, 04 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>`;

const PRIVATE_OK = 'poll:\n  allowPrivateAddresses: true\n';

/** Fails a test whose child process never exits; far above any run's time on a loaded machine. */
const HUNG_PROCESS_BACKSTOP_MS = 120_000;

let feeds: FeedServer;
const setups: TempSetup[] = [];

function setupWith(urls: Record<string, string>, settingsYaml = PRIVATE_OK): TempSetup {
  const setup = createTempSetup({ sourcesYaml: sourcesYaml(urls), settingsYaml });
  delete setup.env.LOG_LEVEL; // the default (info), as an operator would run it
  setups.push(setup);
  return setup;
}

function jsonLines(text: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
}

beforeAll(async () => {
  feeds = await startFeedServer({
    '/ok.xml': serveBody(RSS),
    '/broken': respondStatus(500),
    '/gone': respondStatus(503),
  });
});

afterAll(async () => {
  await feeds.close();
  for (const setup of setups) setup.remove();
});

describe('exit codes of polling', () => {
  it('poll exits 75 when every source failed, with JSON logs only on stderr', async () => {
    const setup = setupWith({ a: feeds.url('/broken'), b: feeds.url('/gone') });
    const result = await runCli(['poll'], setup.env);
    expect(result.code, result.stderr).toBe(75);
    expect(result.stdout).toMatch(/FAILED +a /);
    expect(result.stdout).toContain('Every source failed');
    const logs = jsonLines(result.stderr) as { source_id?: string; msg?: string }[];
    expect(logs.map((l) => l.source_id).sort()).toEqual(['a', 'b']);
  }, 30_000);

  // Each run is a whole process start (through tsx when dist/ is stale) plus, when a source
  // answers, a parse worker's start: 10-12 s apiece with the machine loaded, so the two runs are
  // two tests, and the limit is a backstop against a hung process, not a speed assertion: what
  // is checked is the exit code and the output, whatever the machine's speed.
  it(
    'run --once exits 75 too when every source failed',
    async () => {
      const failing = setupWith({ a: feeds.url('/broken') });
      const failed = await runCli(['run', '--once'], failing.env);
      expect(failed.code, failed.stderr).toBe(75);
    },
    HUNG_PROCESS_BACKSTOP_MS,
  );

  it(
    'run --once exits 0 as soon as one source answers',
    async () => {
      const mixed = setupWith({ a: feeds.url('/broken'), b: feeds.url('/ok.xml') });
      const answered = await runCli(['run', '--once'], mixed.env);
      expect(answered.code, answered.stderr).toBe(0);
      expect(answered.stdout).toMatch(/ok +b .*1 new/);
    },
    HUNG_PROCESS_BACKSTOP_MS,
  );

  it('on a terminal (LOG_FORMAT=human) a failure is reported once, on stdout', async () => {
    const setup = setupWith({ a: feeds.url('/broken'), b: feeds.url('/ok.xml') });
    const result = await runCli(['poll'], { ...setup.env, LOG_FORMAT: 'human' });
    expect(result.code).toBe(0);
    expect(result.stdout.match(/HTTP 500/g)).toHaveLength(1);
    expect(result.stderr).toBe('');
  }, 30_000);

  it('LOG_FORMAT=json keeps every event as a JSON line on stderr', async () => {
    const setup = setupWith({ b: feeds.url('/ok.xml') });
    const result = await runCli(['poll', '--json'], { ...setup.env, LOG_FORMAT: 'json' });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(1);
    expect(jsonLines(result.stderr)).toEqual([
      expect.objectContaining({ source_id: 'b', msg: 'poll ok' }),
    ]);
  }, 30_000);
});

describe('typos are one clear message', () => {
  it('an unknown option names the closest one, exit 2, nothing on stdout', async () => {
    const setup = setupWith({ b: feeds.url('/ok.xml') });
    const result = await runCli(['search', 'carter', '--sinse', '2026-01-01'], setup.env);
    expect(result).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'briefing: unknown option --sinse (did you mean --since?)\n',
    });
  }, 30_000);

  it('a misspelt settings key and a YAML syntax error are reported with where they are, exit 78', async () => {
    const setup = setupWith(
      { b: feeds.url('/ok.xml') },
      'poll:\n  timeoutMS: 1000\n  allowPrivateAddresses: true\n',
    );
    writeFileSync(join(setup.configDir, 'themes.yaml'), 'themes:\n  - id: x\n    label: [\n');
    const result = await runCli(['poll'], setup.env);
    expect(result.code).toBe(78);
    expect(result.stdout).toBe('');
    const settings = join(setup.configDir, 'settings.yaml');
    const themes = join(setup.configDir, 'themes.yaml');
    expect(result.stderr).toContain(
      `${settings}: poll.timeoutMS: unknown key (did you mean timeoutMs?)`,
    );
    expect(result.stderr).toMatch(
      new RegExp(`${themes.replace(/\W/g, '\\$&')}:4:1: invalid YAML: `),
    );
  }, 30_000);
});
