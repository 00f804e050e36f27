// The SQL a connection prepares while a function runs, white space collapsed: lets a test say
// which statements a code path uses (an FTS MATCH, no per-row EXISTS) without a query-plan dump.
import type { Db } from '../../src/store/database.js';

export function preparedDuring(db: Db, run: () => void): string[] {
  const seen: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    seen.push(sql.replace(/\s+/g, ' '));
    return prepare(sql);
  }) as Db['prepare'];
  try {
    run();
  } finally {
    db.prepare = prepare as Db['prepare'];
  }
  return seen;
}
