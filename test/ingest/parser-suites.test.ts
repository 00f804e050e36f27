// Robustness against public feed-parser test data in ../shared/parser-suites (not part of the
// repository; PARSER_SUITES_DIR overrides the path): parseFeed must never throw on any file, and
// on the suites that ship expected outputs (rss-parser, gofeed) our titles and links must agree
// with theirs for at least 95% of items. Titles are compared as plain text, links as absolute
// URLs, so harmless differences (entity spelling, markup, relative vs resolved) do not count.
// Where the suites are missing: in CI (CI=true) the run fails loudly, since CI always lays
// shared/ beside the clone and a silent skip would hide a lost test; in a developer's bare clone
// the suite is skipped with a message (test/fixtures/real-feeds still covers real documents).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveHttpUrl } from '../../src/ingest/canonical-url.js';
import { decodeFeedBytes } from '../../src/ingest/decode.js';
import { parseFeed, type ParsedFeed } from '../../src/ingest/parse-feed.js';
import { htmlToPlainText } from '../../src/ingest/plain-text.js';

const SUITES =
  process.env.PARSER_SUITES_DIR ??
  resolve(fileURLToPath(new URL('../../..', import.meta.url)), 'shared/parser-suites');
const BASE = 'https://suite.example.org/feed.xml';
const present = existsSync(SUITES);
const inCi = process.env.CI === 'true';
if (!present && !inCi) {
  console.log(
    `parser-suites: ${SUITES} not found; skipping the suite comparison (set PARSER_SUITES_DIR, ` +
      'or lay shared/ beside the clone as CI does)',
  );
}

describe.runIf(!present && inCi)('parser suites in CI', () => {
  it('are present', () => {
    throw new Error(
      `parser-suites: ${SUITES} is missing but CI=true: CI must lay shared/parser-suites beside ` +
        'the clone (or set PARSER_SUITES_DIR); refusing to skip the suite comparison silently',
    );
  });
});

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

const isDocument = (path: string): boolean =>
  !/(LICENSE|README|\.json$|\.md$|\.ts$|\.js$|\.go$)/i.test(path);

async function parseFile(path: string): Promise<Awaited<ReturnType<typeof parseFeed>>> {
  const { text } = decodeFeedBytes(readFileSync(path), null);
  return parseFeed(text, BASE);
}

interface Expected {
  title: string | undefined;
  link: string | undefined;
}

interface Tally {
  items: number;
  titles: number;
  links: number;
  both: number;
  misses: string[];
}

const plain = (text: string | undefined): string => htmlToPlainText(text ?? '');
const absolute = (link: string | undefined): string | null => resolveHttpUrl(link ?? null, BASE);

function compare(tally: Tally, file: string, expected: Expected[], feed: ParsedFeed | null): void {
  expected.forEach((want, i) => {
    const got = feed?.items[i];
    const titleOk = plain(want.title) === plain(got?.title);
    const linkOk = absolute(want.link) === (got?.link ?? null);
    tally.items++;
    if (titleOk) tally.titles++;
    if (linkOk) tally.links++;
    if (titleOk && linkOk) tally.both++;
    else if (tally.misses.length < 40) {
      tally.misses.push(
        `${file}#${i}: title ${JSON.stringify(plain(want.title)).slice(0, 60)} vs ${JSON.stringify(plain(got?.title)).slice(0, 60)}; link ${absolute(want.link)} vs ${got?.link ?? null}`,
      );
    }
  });
}

const emptyTally = (): Tally => ({ items: 0, titles: 0, links: 0, both: 0, misses: [] });
const percent = (n: number, of: number): string => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;

function report(name: string, tally: Tally): void {
  console.log(
    `parser-suites ${name}: ${tally.items} items; titles ${percent(tally.titles, tally.items)}, ` +
      `links ${percent(tally.links, tally.items)}, both ${percent(tally.both, tally.items)}`,
  );
  if (process.env.SUITE_VERBOSE) for (const miss of tally.misses) console.log(`  ${miss}`);
}

/** gofeed's expected JSON: RSS `items[].link`, Atom `entries[].links[]`, translator `items[]`. */
function gofeedExpected(json: Record<string, unknown>): Expected[] {
  const list = (json.items ?? json.entries ?? []) as Record<string, unknown>[];
  return list.map((item) => {
    let link = item.link as string | undefined;
    if (link === undefined && Array.isArray(item.links)) {
      const links = item.links as ({ href?: string; rel?: string } | string)[];
      const alternate = links.find((l) => typeof l === 'string' || !l.rel || l.rel === 'alternate');
      link = typeof alternate === 'string' ? alternate : alternate?.href;
    }
    return { title: item.title as string | undefined, link };
  });
}

describe.skipIf(!present)('parser suites', () => {
  it('never throws on any document of any suite', async () => {
    const files = listFiles(SUITES).filter(isDocument);
    let ok = 0;
    let tolerant = 0;
    const failures = new Map<string, number>();
    for (const file of files) {
      const outcome = await parseFile(file); // a throw fails the test
      if (outcome.ok) {
        ok++;
        if (outcome.feed.parser === 'tolerant') tolerant++;
      } else failures.set(outcome.kind, (failures.get(outcome.kind) ?? 0) + 1);
    }
    console.log(
      `parser-suites: ${files.length} documents, none threw; ${ok} parsed ` +
        `(${tolerant} by the tolerant fallback), rejected: ${JSON.stringify(Object.fromEntries(failures))}`,
    );
    expect(files.length).toBeGreaterThan(1000);
    // Issue 12: what a lenient parser recovers is recovered. The documents still rejected as
    // invalid XML are the few that are not well-formed AND hold no item at all (a misspelt end
    // tag in an item-less test case); there were 106 before rss-parser's own failures on
    // well-formed feeds (RSS 0.9x, RSS 1.1, bad dates) fell back to the tolerant reader.
    // 11, not 8: three of these 11 item-less broken documents used to "parse" only because
    // rss-parser reused an xml2js parser left flagged by the previous document's error (issue 19).
    expect(failures.get('invalid-xml') ?? 0).toBeLessThanOrEqual(11);
  });

  it('agrees with rss-parser expected titles and links on >= 95% of items', async () => {
    const tally = emptyTally();
    const dir = join(SUITES, 'rss-parser/test');
    for (const name of readdirSync(join(dir, 'input'))) {
      const expectedPath = join(dir, 'output', name.replace(/\.[^.]+$/, '.json'));
      const outcome = await parseFile(join(dir, 'input', name));
      if (name === 'unrecognized.rss') {
        expect(outcome.ok, 'unrecognized.rss must be rejected').toBe(false);
        continue;
      }
      if (!existsSync(expectedPath)) continue;
      const json = JSON.parse(readFileSync(expectedPath, 'utf8')) as {
        feed: { items: Expected[] };
      };
      compare(tally, name, json.feed.items, outcome.ok ? outcome.feed : null);
    }
    report('rss-parser', tally);
    expect(tally.both / tally.items).toBeGreaterThanOrEqual(0.95);
  });

  it('agrees with gofeed expected titles and links on >= 95% of items', async () => {
    const tally = emptyTally();
    const files = listFiles(join(SUITES, 'gofeed/testdata')).filter(
      (f) =>
        f.endsWith('.xml') && !f.includes('/json/') && existsSync(f.replace(/\.xml$/, '.json')),
    );
    for (const file of files) {
      const json = JSON.parse(readFileSync(file.replace(/\.xml$/, '.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      const expected = gofeedExpected(json);
      if (expected.length === 0) continue;
      const outcome = await parseFile(file);
      compare(tally, file.slice(SUITES.length + 1), expected, outcome.ok ? outcome.feed : null);
    }
    report('gofeed', tally);
    expect(tally.both / tally.items).toBeGreaterThanOrEqual(0.95);
  });
});
