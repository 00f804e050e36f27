// Retention: full article text older than `retention.contentMonths` is dropped, keeping the
// headline, summary, tags, organisations, sources and links, so the archive stays searchable
// by what the digest shows while the bulk (article bodies are ~90% of a row) goes.
//
// Why in batches: each batch is one short write transaction, so the poller and chat searches
// waiting on the write lock are delayed by milliseconds, not by one long sweep. The full-text
// index is external-content, so each row is deleted from it with exactly the text it was
// indexed with and re-inserted without the body (https://www.sqlite.org/fts5.html 4.4.3).
// content_hash is left as it was: a feed that still carries an old item hashes the same and is
// not written back.
import type { Db } from './database.js';
import { writeFts, type FtsWrite } from './fts-index.js';
import { prepareCached } from './prepared.js';

export interface DropContentResult {
  stories: number;
  /** Characters of article text removed. */
  characters: number;
}

interface Row {
  seq: number;
  title: string;
  summary: string;
  content: string;
  facets: string;
}

/** Drops article text of stories published before `before`; returns what went. */
export function dropContentBefore(db: Db, before: Date, batchSize = 500): DropContentResult {
  const select = prepareCached<[string, number, number], Row>(
    db,
    `SELECT seq, title, summary, content, facets FROM stories
     WHERE published_at < ? AND content != '' AND seq > ? ORDER BY seq LIMIT ?`,
  );
  const clear = prepareCached(db, "UPDATE stories SET content = '' WHERE seq = ?");
  const result: DropContentResult = { stories: 0, characters: 0 };
  const cutoff = before.toISOString();
  let after = 0;
  for (;;) {
    const rows = select.all(cutoff, after, batchSize);
    if (rows.length === 0) return result;
    db.transaction(() => {
      const writes: FtsWrite[] = [];
      for (const row of rows) {
        clear.run(row.seq);
        writes.push({ op: 'delete', ...row }, { op: 'insert', ...row, content: '' });
        result.characters += row.content.length;
      }
      writeFts(db, writes);
    })();
    result.stories += rows.length;
    after = rows[rows.length - 1]!.seq;
  }
}

export interface ReclaimResult {
  bytesBefore: number;
  bytesAfter: number;
  vacuumed: boolean;
}

function fileBytes(db: Db): number {
  const pages = db.pragma('page_count', { simple: true }) as number;
  const size = db.pragma('page_size', { simple: true }) as number;
  return pages * size;
}

/**
 * Gives freed space back to the file system. FTS5 keeps deleted terms until its segments merge,
 * so the index is optimised first (one full merge); then VACUUM rewrites the file when at least
 * `minFreeFraction` of its pages are free (a VACUUM needs the database's size again in
 * temporary space and holds the write lock while it runs, so it is not done for a few pages).
 */
export function reclaimSpace(db: Db, minFreeFraction = 0.2): ReclaimResult {
  const bytesBefore = fileBytes(db);
  db.prepare("INSERT INTO stories_fts (stories_fts) VALUES ('optimize')").run();
  const free = db.pragma('freelist_count', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const vacuumed = pages > 0 && free / pages >= minFreeFraction;
  if (vacuumed) db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { bytesBefore, bytesAfter: fileBytes(db), vacuumed };
}

/** The cutoff for `months` of retention: the same day `months` calendar months before `now`. */
export function retentionCutoff(now: Date, months: number): Date {
  const total = now.getUTCFullYear() * 12 + now.getUTCMonth() - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  // 31 May minus three months is 28 (or 29) February, not 3 March.
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(year, month, Math.min(now.getUTCDate(), lastDay));
  return cutoff;
}
