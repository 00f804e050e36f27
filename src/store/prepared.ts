// Prepared statements cached per database handle: preparing costs more than running a small
// statement, and the store runs the same few statements for every story it saves.
// A WeakMap keyed by the handle lets a closed database (and its statements) be collected.
import type { Statement } from 'better-sqlite3';
import type { Db } from './database.js';

const caches = new WeakMap<Db, Map<string, Statement>>();

/** The statement for `sql` on `db`, prepared once. */
export function prepareCached<P extends unknown[] | object = unknown[], R = unknown>(
  db: Db,
  sql: string,
): Statement<P, R> {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement as unknown as Statement<P, R>;
}
