// Hostile input through the CLI (issue 8): every string of test/commands/hostile-strings.ts (FTS5
// syntax, SQL fragments, 10,000 characters, empty, emoji, RTL, zero-width, control characters,
// lone surrogates) plus unknown themes and sources and malformed dates, in every argument of
// `search`, `explain`, `parse` and on `tag`'s stdin. The real CLI entry (src/cli.ts main) runs
// in-process against a real database file, so hundreds of cases stay fast; a few go through the
// real binary to prove the process boundary adds nothing (no stack trace, same exit code).
// Rules checked: exit 0 (an answer) or 2 (a usage problem; `parse` may say 1 for a document it
// cannot read) with exactly one line on stderr, never "unexpected error" or a stack trace, JSON
// output that parses, and the database unchanged and intact afterwards.
import { Readable, Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { HOSTILE_STRINGS } from '../commands/hostile-strings.js';
import { serveBody, startFeedServer, type FeedServer } from '../fakes/feed-server.js';
import { createTempSetup, runCli, sourcesYaml, type TempSetup } from './cli-process.js';

const EXTRA_STRINGS = [
  'no-such-theme',
  'no-such-source',
  '2026-02-30',
  '2026-13-01',
  '31/12/2026',
  'yesterday',
  '-1',
  '0',
  '1e309',
  '99999999999999999999',
  '--json',
  '-',
];
const INPUTS = [...HOSTILE_STRINGS, ...EXTRA_STRINGS];

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function collector(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  return {
    stream: new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    }),
    text: () => chunks.join(''),
  };
}

let feeds: FeedServer;
let setup: TempSetup;
let storiesBefore: number;

async function cli(argv: string[], stdin = ''): Promise<Outcome> {
  const out = collector();
  const err = collector();
  const code = await main(
    argv,
    { stdin: Readable.from([stdin]), stdout: out.stream, stderr: err.stream },
    setup.env,
  );
  return { code, stdout: out.text(), stderr: err.text() };
}

function expectHandled(result: Outcome, allowed: readonly number[] = [0, 2]): void {
  const context = `exit ${result.code}; stderr: ${result.stderr.slice(0, 300)}`;
  expect(allowed, context).toContain(result.code);
  expect(result.stderr, context).not.toMatch(/unexpected error/);
  expect(result.stderr, context).not.toMatch(/\n\s+at /);
  if (result.code !== 0) {
    expect(result.stderr.trimEnd().split('\n'), context).toHaveLength(1);
    expect(result.stderr.length, context).toBeLessThan(1_000);
  }
}

function countStories(): { integrity: string; stories: number } {
  const db = new Database(setup.databasePath, { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      stories: (db.prepare('SELECT count(*) AS n FROM stories').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile CLI fixtures</title>
<item><title>Lord Carter's review finds unwarranted variation in trust costs</title>
<link>https://news.example.org/carter-variation</link><guid>https://news.example.org/carter-variation</guid>
<pubDate>Tue, 03 Nov 2026 10:00:00 GMT</pubDate><description>Model hospital figures were published.</description></item>
<item><title>Integrated care board agrees its joint forward plan</title>
<link>https://news.example.org/icb-plan</link><guid>https://news.example.org/icb-plan</guid>
<pubDate>Wed, 04 Nov 2026 10:00:00 GMT</pubDate></item>
</channel></rss>`;

beforeAll(async () => {
  feeds = await startFeedServer({ '/feed.xml': serveBody(RSS) });
  setup = createTempSetup({
    sourcesYaml: sourcesYaml({ fixtures: feeds.url('/feed.xml') }),
    settingsYaml: 'poll:\n  allowPrivateAddresses: true\n',
  });
  setup.env.LOG_LEVEL = 'error';
  const polled = await cli(['poll']);
  expect(polled.code, polled.stderr).toBe(0);
  storiesBefore = countStories().stories;
  expect(storiesBefore).toBe(2);
}, 60_000);

afterAll(async () => {
  await feeds.close();
  setup.remove();
});

/**
 * The options get a cross-section (each CLI call loads the whole configuration, so all inputs in
 * all options would take minutes): dates, numbers, unknown names, the huge, empty, SQL, FTS5,
 * RTL, zero-width and control-character ones.
 */
const OPTION_INPUTS = [
  '',
  'a'.repeat(10_000),
  "'; DROP TABLE stories; --",
  'NHS AND (',
  '\u202Ecarter\u202C \u2066stp\u2069',
  'car\u200Bter\u200C stp\uFEFF',
  '\u0000\u0001\u0007\u001B[31m red',
  '🏥💷📉 NHS 🇬🇧',
  'no-such-theme',
  '2026-02-30',
  'yesterday',
  '-1',
  '99999999999999999999',
];

describe('hostile CLI arguments', () => {
  it.each(INPUTS.map((s, i) => [i, s.slice(0, 40)] as const))(
    'search and explain with input #%i (%j)',
    async (index) => {
      const input = INPUTS[index]!;
      expectHandled(await cli(['search', input]));
      const json = await cli(['search', `carter ${input}`, '--json']);
      expectHandled(json);
      if (json.code === 0) expect(() => JSON.parse(json.stdout) as unknown).not.toThrow();
      expectHandled(await cli(['explain', input]));
    },
  );

  it.each(['theme', 'source', 'org', 'since', 'until', 'limit', 'page'])(
    'search --%s with every option input',
    async (option) => {
      for (const input of OPTION_INPUTS)
        expectHandled(await cli(['search', 'carter', `--${option}=${input}`]));
    },
    60_000,
  );

  it('parse with hostile paths, source ids and documents', async () => {
    for (const input of [
      ...OPTION_INPUTS,
      '../../../../etc/passwd',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'http://',
    ]) {
      // A path or URL that cannot be read is an expected failure of parse (exit 1, one line).
      expectHandled(await cli(['parse', input]), [0, 1, 2]);
      expectHandled(await cli(['parse', `--source=${input}`, '-'], input), [0, 1, 2]);
    }
  }, 60_000);

  it('tag reads every hostile string as a line and as a JSON title, one answer per line', async () => {
    const lines = INPUTS.filter((s) => !/[\r\n]/.test(s) && s.trim() !== '').flatMap((s, i) => [
      s,
      JSON.stringify({ id: i, title: s, summary: s }),
      JSON.stringify({ id: s, title: 42 }),
    ]);
    const result = await cli(['tag'], `${lines.join('\n')}\n`);
    expectHandled(result, [0]);
    const answers = result.stdout.trimEnd().split('\n');
    expect(answers).toHaveLength(lines.length);
    for (const answer of answers) expect(() => JSON.parse(answer) as unknown).not.toThrow();
  });

  it('leaves the database intact and unchanged', () => {
    expect(countStories()).toEqual({ integrity: 'ok', stories: storiesBefore });
  });
});

describe('hostile arguments through the real binary', () => {
  it.each([
    ['search', "'; DROP TABLE stories; --"],
    ['search', 'NEAR(carter stp, 5) AND ('],
    ['search', '--since', '2026-13-45'],
    ['search', '--theme', 'no-such-theme'],
    ['explain', 'a'.repeat(10_000)],
    ['parse', '\u202Ecarter\u202C.xml'],
  ])(
    '%s %j: one line, no stack trace',
    async (...argv) => {
      const result = await runCli(argv, setup.env);
      expect(result.signal).toBeNull();
      expectHandled(
        { code: result.code ?? -1, stdout: result.stdout, stderr: result.stderr },
        [0, 1, 2],
      );
    },
    30_000,
  );
});
