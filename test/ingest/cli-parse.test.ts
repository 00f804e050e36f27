// `briefing parse` through the real CLI entry point: the --json contract, readable output, and
// one-line failures (never a stack trace) for files, URLs and HTML pages.
import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedArgs } from '../../src/cli/command.js';
import { openCliContext } from '../../src/cli/context.js';
import { command } from '../../src/cli/parse.js';
import { loadEnv } from '../../src/config/env.js';
import { serveFile, startFeedServer, type FeedServer } from '../fakes/feed-server.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function sink(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      callback();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/**
 * Runs the command module in-process with a real CLI context. (cli.ts loads commands with a
 * variable dynamic import, which vitest cannot follow; the subprocess test below covers it.)
 */
async function run(...argv: string[]): Promise<Run> {
  const stdout = sink();
  const stderr = sink();
  const env = loadEnv({ DATABASE_PATH: ':memory:', LOG_LEVEL: 'silent' });
  if (!env.ok) throw new Error(env.errors.join('; '));
  const ctx = await openCliContext({
    env: env.env,
    configDir: 'config',
    stdout: stdout.stream,
    stderr: stderr.stream,
  });
  const parsed = parseArgs({
    args: argv.slice(1),
    options: command.options,
    allowPositionals: true,
    strict: true,
  });
  try {
    const code = await command.run(ctx, parsed as ParsedArgs);
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  } finally {
    ctx.close();
  }
}

/** The real `briefing` binary in a child process: exit status and streams as a tool sees them. */
function runBinary(...argv: string[]): Run {
  const result = spawnSync(process.execPath, ['src/bin/briefing.mjs', ...argv], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, DATABASE_PATH: ':memory:', LOG_LEVEL: 'silent' },
    timeout: 15_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer({
    '/feed.xml': serveFile('test/fixtures/feeds/atom-xml-base.xml', {
      contentType: 'application/atom+xml',
    }),
    '/news': serveFile('test/fixtures/html/autodiscovery.html', {
      contentType: 'text/html; charset=utf-8',
    }),
  });
});
afterAll(async () => {
  await server.close();
});

describe('briefing parse', () => {
  it('prints the JSON contract for a file', async () => {
    const result = await run('parse', 'test/fixtures/feeds/rss2-nhs.xml', '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const output = JSON.parse(result.stdout) as {
      feed: Record<string, unknown>;
      stories: Record<string, unknown>[];
    };
    expect(output.feed).toMatchObject({
      title: 'Health Policy Wire',
      format: 'rss',
      items: 3,
      encoding: 'utf-8',
    });
    expect(output.stories).toHaveLength(3);
    for (const story of output.stories) {
      expect(Object.keys(story)).toEqual(
        expect.arrayContaining([
          'id',
          'guid',
          'url',
          'title',
          'summary',
          'publishedAt',
          'sourceId',
        ]),
      );
      expect(story.sourceId).toBe('cli');
    }
  });

  it('fetches a URL and resolves links against it', async () => {
    const result = await run('parse', server.url('/feed.xml'), '--json');
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as { stories: { url: string }[] };
    expect(output.stories[0]!.url).toBe('https://policy.example.org/publications/pay-cap-nurses');
  });

  it('prints a readable list without --json', async () => {
    const result = await run('parse', 'test/fixtures/feeds/rdf-rss1.xml');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Community Health Bulletin — rdf, 2 stories');
    expect(result.stdout).toContain('Carter turns to community and mental health trusts');
  });

  it.each([
    [
      ['parse', 'test/fixtures/html/autodiscovery.html'],
      /^briefing: parse: not a feed: looks like an HTML page; feed found at /,
    ],
    [
      ['parse', 'test/fixtures/html/listing.html', '--json'],
      /^briefing: parse: not a feed: looks like an HTML page; it advertises no feed$/,
    ],
    [
      ['parse', 'test/fixtures/does-not-exist.xml'],
      /^briefing: parse: cannot read test\/fixtures\/does-not-exist.xml \(ENOENT\)$/,
    ],
    [
      ['parse', 'ftp://example.org/feed.xml'],
      /^briefing: parse: only http\(s\) URLs and files can be parsed/,
    ],
  ])('%j fails with one line', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr.trimEnd()).toMatch(message);
  });

  it('names the advertised feed of an HTML page fetched by URL', async () => {
    const result = await run('parse', server.url('/news'));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `briefing: parse: not a feed: looks like an HTML page; feed found at ${server.url('/news/feed/')}, https://blog.example.org/atom.xml\n`,
    );
  });

  it('reports an HTTP failure in one line', async () => {
    const result = await run('parse', server.url('/missing.xml'));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `briefing: parse: could not fetch ${server.url('/missing.xml')}: HTTP 404 Not Found\n`,
    );
  });

  it('is a usage error without a target', async () => {
    await expect(run('parse')).rejects.toThrow(/^parse needs exactly one file/);
  });
});

describe('briefing parse as a process', () => {
  it('prints JSON and exits 0', () => {
    const result = runBinary('parse', 'test/fixtures/feeds/windows-1252.xml', '--json');
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as {
      feed: { encoding: string };
      stories: { title: string }[];
    };
    expect(output.feed.encoding).toBe('windows-1252');
    expect(output.stories[0]!.title).toBe('“Unwarranted variation” costs £5bn – report');
  });

  it('exits 1 with one line and no stack trace on a document it cannot parse', () => {
    const result = runBinary('parse', 'test/fixtures/html/autodiscovery.html', '--json');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'briefing: parse: not a feed: looks like an HTML page; feed found at /news/feed/, https://blog.example.org/atom.xml\n',
    );
  });

  it('exits 2 on a usage error', () => {
    const result = runBinary('parse');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^briefing: parse needs exactly one file/);
  });
});
