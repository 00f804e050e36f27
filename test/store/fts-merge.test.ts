// The nightly merge of the full-text index (src/store/fts-merge.ts) on a small real archive:
// every poll's transaction leaves a segment; the merge leaves one, finds what it found before,
// and a second run has nothing to do. Segments are counted in stories_fts_idx (one row per
// segment leaf page's first term), never timed.
import { describe, expect, it } from 'vitest';
import { tagAndStore } from '../../src/pipeline/tag-and-store.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { mergeFtsIndex } from '../../src/store/fts-merge.js';
import { NIGHTLY_RUN, runMaintenance } from '../../src/pipeline/run-maintenance.js';
import { makeStory, makeTag } from './make-story.js';

const found = (db: Db) =>
  db
    .prepare("SELECT rowid FROM stories_fts WHERE stories_fts MATCH 'theatre AND productivity'")
    .pluck()
    .all() as number[];
const segments = (db: Db) =>
  db.prepare('SELECT count(DISTINCT segid) FROM stories_fts_idx').pluck().get() as number;

/** Ten polls of three stories each: ten transactions, so ten segments (below automerge's 16). */
function archive(): Db {
  const db = openDatabase(':memory:');
  for (let poll = 0; poll < 10; poll++) {
    const stories = [0, 1, 2].map((k) =>
      makeStory({
        id: `g_${poll}_${k}`,
        guid: `https://example.nhs.uk/${poll}/${k}`,
        url: `https://example.nhs.uk/${poll}/${k}`,
        title: `Theatre productivity plan ${poll} for trust ${k}`,
      }),
    );
    tagAndStore(db, stories, new Date('2026-06-01T00:00:00Z'), () => ({
      tags: [makeTag('finance')],
      entities: { organisations: [], money: [] },
      rulesVersion: 'v1',
    }));
  }
  return db;
}

describe('mergeFtsIndex', () => {
  it('merges every segment into one, in bounded steps, and finds the same stories', () => {
    const db = archive();
    expect(segments(db)).toBe(10);
    const before = found(db);
    const result = mergeFtsIndex(db, { pagesPerStep: 16 });
    expect(result.steps).toBeGreaterThan(0);
    expect(segments(db)).toBe(1);
    expect(found(db)).toEqual(before);
    expect(before).toHaveLength(30);
    db.exec("INSERT INTO stories_fts (stories_fts, rank) VALUES ('integrity-check', 1)");
    expect(mergeFtsIndex(db)).toEqual({ steps: 0 });
    db.close();
  });

  it('stops after maxSteps, leaving the rest to the next run', () => {
    const db = archive();
    expect(mergeFtsIndex(db, { pagesPerStep: 16, maxSteps: 0 })).toEqual({ steps: 0 });
    expect(segments(db)).toBe(10);
    db.close();
  });

  it('runs in the nightly maintenance, retention on or off', () => {
    const db = archive();
    const off = { retention: { contentMonths: null } };
    const report = runMaintenance(
      db,
      off,
      new Date('2026-06-02T03:30:00Z'),
      undefined,
      NIGHTLY_RUN,
    );
    expect(report.indexMerge?.steps).toBeGreaterThan(0);
    expect(report.cutoff).toBeNull();
    expect(segments(db)).toBe(1);
    db.close();
  });
});
