// "Did you mean ...?" from the archive's own vocabulary. An fts5vocab table over the search index
// (https://www.sqlite.org/fts5.html section 7: one row per term with the number of stories that
// hold it) lists every stemmed word stored; a typed word is stemmed exactly as the index stems it
// by writing it to a one-row FTS5 table with the same tokenizer and reading that table's own
// vocabulary. A word the archive lacks (or all but lacks) is compared with the stored stems that
// start with the same letter (optimal string alignment distance, about one edit per four
// letters), and the closest, most common one is shown as a word from a story that uses it.
// The vocabulary table lives in the connection's temp schema and the one-row table in a private
// in-memory database: nothing is written to the archive or through its connection.
import Database from 'better-sqlite3';
import type { SpellingSuggestion } from '../domain.js';
import { editDistance } from '../text/suggest-closest.js';
import type { Db } from './database.js';
import { prepareCached } from './prepared.js';
import { foldWord } from './snippet.js';

/** A stored word this rare counts as a possible typo when a much commoner neighbour exists. */
const RARE_DOCS = 2;
/** ... and the neighbour must be this many times commoner. */
const COMMONER_BY = 10;
const MIN_WORD = 4;
const MAX_WORD = 40;
const MAX_WORDS = 8;

const prepared = new WeakSet<Db>();

function ensureVocabulary(db: Db): void {
  if (prepared.has(db)) return;
  db.exec(
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, 'stories_fts', 'row')",
  );
  prepared.add(db);
}

/**
 * A private in-memory connection for stemming: writing the probe word on the archive's own
 * connection moved its total_changes(), which the search's per-connection word counts
 * (search-ranking.ts) take as "the archive changed", so every suggestion emptied that cache.
 */
let stemmer: Db | null = null;

function openStemmer(): Db {
  if (stemmer !== null) return stemmer;
  const db = new Database(':memory:');
  // The same tokenizer as stories_fts (migrations/0001-archive.sql).
  db.exec(`
    CREATE VIRTUAL TABLE search_probe USING fts5(word, tokenize = 'porter unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE search_probe_vocab USING fts5vocab('search_probe', 'row');
  `);
  stemmer = db;
  return db;
}

/** The index's stem of one word (the porter tokenizer's output), or null when it has none. */
function stemOf(word: string): string | null {
  const db = openStemmer();
  prepareCached(db, 'DELETE FROM search_probe').run();
  prepareCached(db, 'INSERT INTO search_probe (rowid, word) VALUES (1, ?)').run(word);
  const row = prepareCached<[], { term: string }>(
    db,
    'SELECT term FROM search_probe_vocab LIMIT 1',
  ).get();
  return row?.term ?? null;
}

/**
 * Stories holding `word` as the index stems it, counted up to `cap`: a doclist walk that stops
 * (the vocabulary table's own count walks the whole doclist, ~20% of 1M stories for "deficit").
 * Letters only, so the facet tokens (digits) can never match.
 */
function docsOf(db: Db, word: string, cap: number): number {
  return prepareCached<[string], { n: number }>(
    db,
    `SELECT count(*) AS n FROM (SELECT 1 FROM stories_fts WHERE stories_fts MATCH ? LIMIT ${cap})`,
  ).get(`"${word}"`)!.n;
}

/**
 * The stored stems starting with `first`, with their story counts. Listing them walks every
 * doclist of those terms (fts5vocab counts as it goes: 100-200 ms for one letter at 1M stories),
 * so the list is kept per connection until the archive gains a story; suggestions only need
 * roughly current counts.
 */
const termLists = new WeakMap<Db, { newest: number; byLetter: Map<string, TermCount[]> }>();

interface TermCount {
  term: string;
  doc: number;
}

function termsStartingWith(db: Db, first: string): TermCount[] {
  ensureVocabulary(db);
  const newest =
    prepareCached<[], { v: number | null }>(db, 'SELECT max(seq) AS v FROM stories').get()!.v ?? 0;
  let cache = termLists.get(db);
  if (cache === undefined || cache.newest !== newest) {
    cache = { newest, byLetter: new Map() };
    termLists.set(db, cache);
  }
  let terms = cache.byLetter.get(first);
  if (terms === undefined) {
    const next = String.fromCodePoint(first.codePointAt(0)! + 1);
    terms = prepareCached<[string, string], TermCount>(
      db,
      'SELECT term, doc FROM temp.search_vocab WHERE term >= ? AND term < ?',
    ).all(first, next);
    cache.byLetter.set(first, terms);
  }
  return terms;
}

/** The closest commoner stored stem to `stem`, the typed word's own stem excluded. */
function closestStem(db: Db, word: string, stem: string, ownDocs: number): string | null {
  const rows = termsStartingWith(db, stem[0]!);
  const allowed = stem.length >= 8 ? 2 : 1;
  let best: { term: string; doc: number; distance: number } | null = null;
  for (const { term, doc } of rows) {
    if (term === stem || doc < Math.max(1, ownDocs * COMMONER_BY)) continue;
    // Stems are cut words ("integr"): a typo can stop the stemmer cutting ("sustainabilti"), so
    // the typed word's start is compared too, for stems long enough not to match by accident.
    const near = Math.abs(term.length - stem.length) <= allowed;
    const distance = Math.min(
      near ? editDistance(stem, term) : Infinity,
      term.length >= 6 ? editDistance(word.slice(0, term.length), term) : Infinity,
    );
    if (distance > allowed) continue;
    if (
      best === null ||
      distance < best.distance ||
      (distance === best.distance && doc > best.doc)
    ) {
      best = { term, doc, distance };
    }
  }
  return best?.term ?? null;
}

/** A word as stories write it for a stored stem ("integr" -> "integrated"), closest to `typed`. */
function surfaceWord(db: Db, stem: string, typed: string): string {
  const texts = prepareCached<[string], { title: string; summary: string }>(
    db,
    `SELECT title, summary FROM stories WHERE seq IN (
       SELECT rowid FROM stories_fts WHERE stories_fts MATCH ? LIMIT 20)`,
  ).all(`{title summary content} : "${stem.replace(/"/g, '""')}"`);
  const start = stem.slice(0, Math.max(3, stem.length - 1));
  let best: { word: string; distance: number } | null = null;
  for (const { title, summary } of texts) {
    for (const raw of `${title} ${summary}`.match(/[\p{L}\p{N}]+/gu) ?? []) {
      const word = foldWord(raw);
      if (!word.startsWith(start)) continue;
      const distance = editDistance(word, typed);
      if (best === null || distance < best.distance) best = { word, distance };
    }
  }
  return best?.word ?? stem;
}

/** Suggestions for the words (letters only, 4 to 40 of them) the archive lacks or all but lacks. */
export function suggestSpellings(db: Db, words: readonly string[]): SpellingSuggestion[] {
  const out: SpellingSuggestion[] = [];
  const seen = new Set<string>();
  for (const typed of words) {
    const word = foldWord(typed);
    if (out.length >= MAX_WORDS || seen.has(word)) continue;
    seen.add(word);
    if (word.length < MIN_WORD || word.length > MAX_WORD || !/^\p{L}+$/u.test(word)) continue;
    try {
      // The count first: most words are common, and it needs no stem (MATCH stems the word); the
      // stem costs four writes to a temp table.
      const docs = docsOf(db, word, RARE_DOCS + 1);
      if (docs > RARE_DOCS) continue;
      const stem = stemOf(word);
      if (stem === null) continue;
      const candidate = closestStem(db, word, stem, docs);
      if (candidate === null) continue;
      const suggestion = surfaceWord(db, candidate, word);
      if (suggestion !== word) out.push({ word: typed, suggestion });
    } catch (error) {
      throw new Error('store: spelling suggestion failed', { cause: error });
    }
  }
  return out;
}
