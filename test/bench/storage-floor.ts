// The insert floor for the storage benchmark (storage.ts): the least any archive with full-text
// search must do to store the same stories. One plain table holding each story's row and one
// FTS5 table over its text (title, standfirst, body; the same tokenizer and merge policy as
// stories_fts), written in the same batches, one transaction per batch, with the same pragmas
// as openDatabase (applyConnectionPragmas: CONNECTION_PRAGMAS in src/store/database.ts). No deduplication, tags, sources or facets: that is
// what the product adds, and what insert_vs_floor_ratio_* prices.
import Database from 'better-sqlite3';
import type { Story } from '../../src/domain.js';
import { applyConnectionPragmas } from '../../src/store/database.js';

export interface InsertFloor {
  /** Inserts one batch in one transaction; returns milliseconds. */
  insertBatch(stories: readonly Story[]): number;
  /** A pragma's value on the floor's connection (to check it matches openDatabase's). */
  pragma(name: string): unknown;
  close(): void;
}

export function openInsertFloor(path: string, extraPragmas: readonly string[] = []): InsertFloor {
  const db = new Database(path);
  applyConnectionPragmas(db);
  for (const p of extraPragmas) db.pragma(p);
  db.exec(`
    CREATE TABLE rows (
      seq INTEGER PRIMARY KEY, id TEXT NOT NULL, url TEXT, source_id TEXT NOT NULL,
      published_at TEXT NOT NULL, title TEXT NOT NULL, summary TEXT NOT NULL, content TEXT NOT NULL
    ) STRICT;
    CREATE VIRTUAL TABLE rows_fts USING fts5 (
      title, summary, content, content = 'rows', content_rowid = 'seq',
      tokenize = 'porter unicode61 remove_diacritics 2'
    );
    INSERT INTO rows_fts (rows_fts, rank) VALUES ('automerge', 16);
    INSERT INTO rows_fts (rows_fts, rank) VALUES ('crisismerge', 64);
  `);
  const row = db.prepare(
    `INSERT INTO rows (id, url, source_id, published_at, title, summary, content)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const fts = db.prepare(
    'INSERT INTO rows_fts (rowid, title, summary, content) VALUES (?, ?, ?, ?)',
  );
  const insert = db.transaction((stories: readonly Story[]) => {
    for (const s of stories) {
      const seq = row.run(
        s.id,
        s.url,
        s.sourceId,
        s.publishedAt,
        s.title,
        s.summary,
        s.content,
      ).lastInsertRowid;
      fts.run(seq, s.title, s.summary, s.content);
    }
  });
  return {
    insertBatch(stories) {
      const t0 = performance.now();
      insert(stories);
      return performance.now() - t0;
    },
    pragma: (name) => db.pragma(name, { simple: true }),
    close: () => db.close(),
  };
}
