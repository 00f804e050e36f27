// story_deadlines (src/store/deadlines.ts): written with a story's tags, replaced on re-tag and
// edit, read by window with the story's reference and themes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/store/database.js';
import { listDeadlinesBetween, loadDeadlinesOf } from '../../src/store/deadlines.js';
import { replaceTags, replaceTagsBatch } from '../../src/store/tags.js';
import { consultation, storeWithDeadlines, ZONE } from '../helpers/deadline-fixtures.js';
import { makeTag } from './make-story.js';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => db.close());

const NOW = new Date('2021-11-20T12:00:00.000Z');
const seqOf = (id: string) =>
  (db.prepare('SELECT seq FROM stories WHERE id = ?').get(id) as { seq: number }).seq;

describe('story deadlines in the store', () => {
  it('stores what the reader found and lists it by window, soonest first', () => {
    const a = consultation(1, '12 January 2022', '2021-11-20T10:00:00.000Z', ['workforce', 'stp']);
    const b = consultation(2, '3 December 2021', '2021-11-20T10:00:00.000Z', []);
    storeWithDeadlines(db, [a, b], NOW);
    expect(loadDeadlinesOf(db, seqOf(a.id))).toEqual([
      {
        kind: 'consultation',
        closesOn: '2022-01-12',
        closesAt: '2022-01-12T23:59:00.000Z',
        timeZone: ZONE,
        phrase: 'closes on 12 January 2022',
      },
    ]);
    const all = listDeadlinesBetween(db, NOW.toISOString(), '2023-01-01T00:00:00.000Z');
    expect(all.map((d) => [d.ref, d.closesOn, d.themes])).toEqual([
      [b.id.slice(0, 10), '2021-12-03', []],
      [a.id.slice(0, 10), '2022-01-12', ['stp', 'workforce']],
    ]);
    expect(all[1]).toMatchObject({ title: a.title, url: a.url, kind: 'consultation' });
    // [from, to): the end is exclusive.
    expect(
      listDeadlinesBetween(db, NOW.toISOString(), '2021-12-03T23:59:00.000Z').map((d) => d.ref),
    ).toEqual([]);
  });

  it('replaces them when the story is re-tagged, and clears them when none are given', () => {
    const a = consultation(1, '12 January 2022', '2021-11-20T10:00:00.000Z');
    storeWithDeadlines(db, [a], NOW);
    const moved = {
      kind: 'tender' as const,
      closesOn: '2022-02-01',
      closesAt: '2022-02-01T23:59:00.000Z',
      timeZone: ZONE,
      phrase: 'closes on 1 February 2022',
    };
    replaceTagsBatch(db, [
      {
        storyId: a.id,
        tags: [makeTag('workforce')],
        entities: { organisations: [], money: [], deadlines: [moved] },
        rulesVersion: 'v2',
      },
    ]);
    expect(loadDeadlinesOf(db, seqOf(a.id))).toEqual([moved]);
    replaceTags(db, a.id, [], { organisations: [], money: [] }, 'v3');
    expect(loadDeadlinesOf(db, seqOf(a.id))).toEqual([]);
  });

  it('re-reads them when the publisher edits the story', () => {
    const a = consultation(1, '12 January 2022', '2021-11-20T10:00:00.000Z');
    storeWithDeadlines(db, [a], NOW);
    const edited = {
      ...a,
      summary: 'The consultation has been extended and closes on 2 February 2022.',
    };
    storeWithDeadlines(db, [edited], new Date('2021-11-25T12:00:00.000Z'));
    expect(loadDeadlinesOf(db, seqOf(a.id)).map((d) => d.closesOn)).toEqual(['2022-02-02']);
  });
});
