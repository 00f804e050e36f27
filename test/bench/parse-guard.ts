// The parse guard (issue 18): every document we can lay hands on (test fixtures, the real feeds,
// every file of the public parser suites in ../shared/parser-suites, and the parse bench's own
// generated documents, 2,501 in all) read by readDocument from THIS tree and from another git
// ref's src/ (default `main`) in one process, and the results compared exactly: the stored
// Stories (every field), the feed's own fields, the item counts, the encoding, and for failures
// the kind and the reason users read. A speed change to decode, parse or normalise must leave
// this at 0 differences, or list each one and say why it is right.
//
//   node --import tsx test/bench/parse-guard.ts [--ref main] [--show 5]
//
// The other ref's src/ is written to a temporary folder (git archive) beside a link to this
// tree's node_modules, so both sides load the same libraries. Exits 1 on any difference.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { Source } from '../../src/domain.js';
import type { readDocument as ReadDocument } from '../../src/ingest/read-document.js';
import { benchSource } from './bench-source.js';
import { generateFeedDocument } from './generate-feeds.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SUITES = process.env.PARSER_SUITES_DIR ?? resolve(ROOT, '..', 'shared/parser-suites');
const NOW = new Date(Date.UTC(2026, 9, 2));
const BASE = 'https://suite.example.org/feed.xml';

export interface GuardDocument {
  name: string;
  bytes: Uint8Array;
  source: Source;
  contentType: string | null;
  finalUrl: string | null;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}

/** As test/ingest/parser-suites.test.ts picks them: data files, not licences, code or answers. */
const isDocument = (path: string): boolean =>
  !/(LICENSE|README|\.json$|\.md$|\.ts$|\.js$|\.go$)/i.test(path);

function fileDocuments(dir: string, label: string): GuardDocument[] {
  return listFiles(dir)
    .filter(isDocument)
    .map((path, i) => ({
      name: `${label}/${relative(dir, path)}`,
      bytes: readFileSync(path),
      source: benchSource(i, BASE),
      contentType: null,
      finalUrl: BASE,
    }));
}

/** The parse bench's documents at its full size: 60 with article bodies, 60 summary-only. */
function benchDocuments(): GuardDocument[] {
  const out: GuardDocument[] = [];
  for (const [kind, items, bodyParagraphs] of [
    ['article', 20, 10],
    ['short', 50, 0],
  ] as const) {
    for (let i = 0; i < 60; i++) {
      const url = `https://news${i}.example.org/feed.xml`;
      const text = generateFeedDocument({
        format: i % 3 === 2 ? 'atom' : 'rss',
        items,
        sourceIndex: i,
        seed: 7,
        bodyParagraphs,
      });
      out.push({
        name: `bench/${kind}-${i}`,
        bytes: new TextEncoder().encode(text),
        source: benchSource(i, url),
        contentType: 'application/rss+xml; charset=utf-8',
        finalUrl: url,
      });
    }
  }
  return out;
}

export function collectGuardDocuments(): GuardDocument[] {
  const fixtures = join(ROOT, 'test/fixtures');
  return [
    ...fileDocuments(join(fixtures, 'feeds'), 'fixtures/feeds'),
    ...fileDocuments(join(fixtures, 'html'), 'fixtures/html'),
    ...fileDocuments(join(fixtures, 'real-feeds'), 'fixtures/real-feeds'),
    ...fileDocuments(SUITES, 'parser-suites'),
    ...benchDocuments(),
  ];
}

type Reader = typeof ReadDocument;

/** What a read gives, or the message it threw with (both sides must agree on that too). */
async function outcomeOf(read: Reader, doc: GuardDocument): Promise<unknown> {
  try {
    return await read(doc.source, doc.bytes.slice(), {
      contentType: doc.contentType,
      finalUrl: doc.finalUrl,
      now: NOW,
    });
  } catch (error) {
    return { threw: error instanceof Error ? error.message : String(error) };
  }
}

/** Where the two outcomes first differ, as a path and both values (for a person to read). */
function firstDifference(a: unknown, b: unknown, path = ''): string {
  if (isDeepStrictEqual(a, b)) return '';
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const found = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (found !== '') return found;
    }
  }
  const show = (v: unknown) => JSON.stringify(v)?.slice(0, 300);
  return `${path || '(whole)'}: ${show(a)}\n      vs ${show(b)}`;
}

/** This tree's readDocument and `ref`'s, the latter from a temporary copy of its src/. */
async function loadReaders(ref: string): Promise<{ ours: Reader; theirs: Reader; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'parse-guard-'));
  const archive = execFileSync('git', ['-C', ROOT, 'archive', ref, 'src'], {
    maxBuffer: 512 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const load = async (root: string): Promise<Reader> =>
    (
      (await import(pathToFileURL(join(root, 'src/ingest/read-document.ts')).href)) as {
        readDocument: Reader;
      }
    ).readDocument;
  return { ours: await load(ROOT), theirs: await load(dir), dir };
}

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at > 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

async function main(): Promise<void> {
  const ref = argument('--ref', 'main');
  const show = Number(argument('--show', '5'));
  if (!existsSync(SUITES)) console.error(`parse-guard: ${SUITES} not found; suites not compared`);
  const docs = collectGuardDocuments();
  const { ours, theirs, dir } = await loadReaders(ref);
  const differing: string[] = [];
  let stories = 0;
  try {
    for (const doc of docs) {
      const mine = await outcomeOf(ours, doc);
      const other = await outcomeOf(theirs, doc);
      const found = firstDifference(other, mine);
      stories += (mine as { stories?: unknown[] }).stories?.length ?? 0;
      if (found === '') continue;
      differing.push(doc.name);
      if (differing.length <= show) console.log(`DIFFERENT ${doc.name}\n  ${ref} ${found}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `parse-guard: ${docs.length} documents, ${stories} stories; ${differing.length} differ from ${ref}`,
  );
  if (differing.length > show) console.log(`  also: ${differing.slice(show).join(', ')}`);
  if (differing.length > 0) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
