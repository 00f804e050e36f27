// The "bodies indexed after the insert" design (issue 18), measured against the one-table
// floor: headlines and standfirsts in one FTS5 table written with the row, article bodies in a
// second FTS5 table written afterwards (the background indexer's work, timed separately). Both
// archives take the same realistic stories (storage-corpus.ts) in the same 1,000-story batches,
// in alternating order, with the schema, tokenizer and merge policy of storage-floor.ts.
// Then what it costs search: FTS5 cannot AND words across two tables, so a two-word search is
// each word's matches in either table, intersected in SQL, which reads every match of both
// words; beside it the one-table newest-first and bm25 top 10. Both must return the same rows.
//
//   node --expose-gc --import tsx test/bench/storage-fts-split.ts [--size 100000]
//
// A measurement to explain a design choice, not a product mode; never run by npm test.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Story } from '../../src/domain.js';
import { median } from './measure.js';
import { createCorpus } from './storage-corpus.js';

const BATCH = 1000;
const TOKENIZE = "tokenize = 'porter unicode61 remove_diacritics 2'";
const ROW_SQL = `INSERT INTO rows (id, url, source_id, published_at, title, summary, content)
  VALUES (?, ?, ?, ?, ?, ?, ?)`;

function openArchive(path: string, ftsTables: Record<string, string>): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE rows (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL, url TEXT, source_id TEXT NOT NULL,
    published_at TEXT NOT NULL, title TEXT NOT NULL, summary TEXT NOT NULL, content TEXT NOT NULL
  ) STRICT`);
  for (const [name, columns] of Object.entries(ftsTables)) {
    db.exec(`CREATE VIRTUAL TABLE ${name} USING fts5 (${columns}, content = 'rows',
      content_rowid = 'seq', ${TOKENIZE});
      INSERT INTO ${name} (${name}, rank) VALUES ('automerge', 16);
      INSERT INTO ${name} (${name}, rank) VALUES ('crisismerge', 64);`);
  }
  return db;
}

interface Writers {
  one: (stories: readonly Story[]) => void;
  head: (stories: readonly Story[]) => [number, string][];
  body: (bodies: readonly [number, string][]) => void;
}

function makeWriters(one: Database.Database, two: Database.Database): Writers {
  const rowOne = one.prepare(ROW_SQL);
  const rowTwo = two.prepare(ROW_SQL);
  const ftsOne = one.prepare(
    'INSERT INTO one_fts (rowid, title, summary, content) VALUES (?, ?, ?, ?)',
  );
  const ftsHead = two.prepare('INSERT INTO head_fts (rowid, title, summary) VALUES (?, ?, ?)');
  const ftsBody = two.prepare('INSERT INTO body_fts (rowid, content) VALUES (?, ?)');
  const values = (s: Story) =>
    [s.id, s.url, s.sourceId, s.publishedAt, s.title, s.summary, s.content] as const;
  return {
    one: one.transaction((stories: readonly Story[]) => {
      for (const s of stories) {
        ftsOne.run(rowOne.run(...values(s)).lastInsertRowid, s.title, s.summary, s.content);
      }
    }),
    head: two.transaction((stories: readonly Story[]) =>
      stories.map((s): [number, string] => {
        const seq = Number(rowTwo.run(...values(s)).lastInsertRowid);
        ftsHead.run(seq, s.title, s.summary);
        return [seq, s.content];
      }),
    ),
    body: two.transaction((bodies: readonly [number, string][]) => {
      for (const [seq, content] of bodies) ftsBody.run(seq, content);
    }),
  };
}

function timed<T>(run: () => T): [T, number] {
  const t0 = performance.now();
  const value = run();
  return [value, performance.now() - t0];
}

function insertBoth(size: number, writers: Writers): Record<string, number> {
  const corpus = createCorpus(20170213, size);
  let oneMs = 0;
  let headMs = 0;
  let bodyMs = 0;
  for (let start = 0; start < size; start += BATCH) {
    const stories: Story[] = [];
    for (let n = start; n < Math.min(size, start + BATCH); n++) stories.push(corpus.item(n).story);
    const runOne = () => (oneMs += timed(() => writers.one(stories))[1]);
    const runTwo = () => {
      const [bodies, ms] = timed(() => writers.head(stories));
      headMs += ms;
      bodyMs += timed(() => writers.body(bodies))[1];
    };
    if ((start / BATCH) % 2 === 0) [runOne, runTwo].forEach((r) => r());
    else [runTwo, runOne].forEach((r) => r());
  }
  return {
    one_table_per_s: (size / oneMs) * 1000,
    head_at_insert_per_s: (size / headMs) * 1000,
    head_at_insert_vs_one: headMs / oneMs,
    bodies_later_per_s: (size / bodyMs) * 1000,
    head_and_bodies_vs_one: (headMs + bodyMs) / oneMs,
  };
}

/** Words with about the given share of stories (document frequency), from the one-table index. */
function pickWords(db: Database.Database, size: number): Record<string, string> {
  db.exec("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, one_fts, 'row')");
  const terms = db.prepare('SELECT term, doc FROM temp.vocab ORDER BY doc DESC').all() as {
    term: string;
    doc: number;
  }[];
  const pick = (share: number, skip = '') =>
    terms.find((t) => t.doc <= size * share && /^[a-z]{4,}$/.test(t.term) && t.term !== skip)!.term;
  const mid = pick(0.05);
  return { top: pick(0.95), common: pick(0.5), mid, mid2: pick(0.05, mid), rare: pick(0.002) };
}

function timeSearches(one: Database.Database, two: Database.Database, size: number): string[] {
  const words = pickWords(one, size);
  const newest = one.prepare(
    'SELECT rowid FROM one_fts WHERE one_fts MATCH ? ORDER BY rowid DESC LIMIT 10',
  );
  const ranked = one.prepare(
    'SELECT rowid FROM one_fts WHERE one_fts MATCH ? ORDER BY rank LIMIT 10',
  );
  const either = (p: string) => `SELECT rowid FROM (
    SELECT rowid FROM head_fts WHERE head_fts MATCH ${p}
    UNION SELECT rowid FROM body_fts WHERE body_fts MATCH ${p})`;
  const split = two.prepare(
    `SELECT rowid FROM (${either('@a')} INTERSECT ${either('@b')}) ORDER BY rowid DESC LIMIT 10`,
  );
  const medianMs = (run: () => unknown): [unknown, number] => {
    const times: number[] = [];
    let rows: unknown;
    for (let i = 0; i < 7; i++) [rows, times[i]] = timed(run);
    return [rows, median(times)];
  };
  const pairs = [
    ['top', 'common'],
    ['top', 'rare'],
    ['common', 'mid'],
    ['common', 'rare'],
    ['mid', 'mid2'],
    ['mid', 'rare'],
  ] as const;
  return pairs.map(([x, y]) => {
    const [a, b] = [words[x]!, words[y]!];
    const [oneRows, oneMs] = medianMs(() => newest.pluck().all(`${a} ${b}`));
    const [, rankedMs] = medianMs(() => ranked.pluck().all(`${a} ${b}`));
    const [twoRows, twoMs] = medianMs(() => split.pluck().all({ a, b }));
    const same = JSON.stringify(oneRows) === JSON.stringify(twoRows);
    return `${a} ${b} (${x}, ${y}): one table newest ${oneMs.toFixed(2)} ms, ranked ${rankedMs.toFixed(2)} ms; two tables ${twoMs.toFixed(2)} ms${same ? '' : ' (ROWS DIFFER)'}`;
  });
}

const args = process.argv.slice(2);
const sizeAt = args.indexOf('--size');
const size = sizeAt >= 0 ? Number(args[sizeAt + 1]) : 100_000;
const dir = mkdtempSync(join(tmpdir(), 'briefing-fts-split-'));
try {
  const one = openArchive(join(dir, 'one.db'), { one_fts: 'title, summary, content' });
  const two = openArchive(join(dir, 'two.db'), { head_fts: 'title, summary', body_fts: 'content' });
  const figures = insertBoth(size, makeWriters(one, two));
  for (const line of timeSearches(one, two, size)) process.stdout.write(`${line}\n`);
  process.stdout.write(`${JSON.stringify({ size, ...figures })}\n`);
  one.close();
  two.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
