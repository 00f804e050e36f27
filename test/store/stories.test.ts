import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Story } from '../../src/domain.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import {
  countStories,
  getStory,
  iterateStories,
  listStoriesBetween,
  saveStories,
} from '../../src/store/stories.js';
import { tagAndStore } from '../../src/pipeline/tag-and-store.js';
import { makeStory, makeTag, NO_ENTITIES } from './make-story.js';

const T0 = new Date('2017-02-14T10:00:00Z');
const T1 = new Date('2017-02-14T10:30:00Z');

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => db.close());

interface DedupCase {
  name: string;
  first: Story[];
  second: Story[];
  expect: { inserted: number; updated: number; linked: number; unchanged: number; stored: number };
  check?: (db: Db) => void;
}

const base = makeStory();
const other = makeStory({
  id: 'g_other',
  guid: 'https://example.nhs.uk/news/other',
  url: 'https://example.nhs.uk/news/other',
  title: 'Dudley Group signs up to the integrated care provider contract',
});

const cases: DedupCase[] = [
  {
    name: 're-polling the same feed adds nothing',
    first: [base, other],
    second: [base, other],
    expect: { inserted: 0, updated: 0, linked: 0, unchanged: 2, stored: 2 },
  },
  {
    name: 'an edited title updates the row and keeps first_seen_at',
    first: [base],
    second: [{ ...base, title: 'Model Hospital adds theatre and outpatient benchmarks' }],
    expect: { inserted: 0, updated: 1, linked: 0, unchanged: 0, stored: 1 },
    check: (db) => {
      const story = getStory(db, base.id)!;
      expect(story.title).toBe('Model Hospital adds theatre and outpatient benchmarks');
      expect(story.firstSeenAt).toBe(T0.toISOString());
    },
  },
  {
    name: 'an edited summary counts as an edit',
    first: [base],
    second: [{ ...base, summary: 'A rewritten standfirst about theatre benchmarking.' }],
    expect: { inserted: 0, updated: 1, linked: 0, unchanged: 0, stored: 1 },
  },
  {
    name: 'edited content counts as an edit',
    first: [base],
    second: [{ ...base, content: 'Now also covering radiology reporting times.' }],
    expect: { inserted: 0, updated: 1, linked: 0, unchanged: 0, stored: 1 },
  },
  {
    name: 'a GUID that changes while the URL stays is the same story',
    first: [base],
    second: [{ ...base, id: 'g_new-guid', guid: 'urn:uuid:5b1c-new' }],
    expect: { inserted: 0, updated: 0, linked: 0, unchanged: 1, stored: 1 },
    check: (db) => {
      expect(getStory(db, base.id)!.guid).toBe('urn:uuid:5b1c-new');
      expect(getStory(db, 'g_new-guid')).toBeNull();
    },
  },
  {
    name: 'the same URL from two feeds is one story known to two sources',
    first: [base],
    second: [{ ...base, id: 'g_hsj-copy', sourceId: 'hsj', guid: 'hsj-1234', paywalled: true }],
    expect: { inserted: 0, updated: 0, linked: 1, unchanged: 0, stored: 1 },
    check: (db) => {
      const story = getStory(db, base.id)!;
      expect(story.sourceIds).toEqual(['nhse', 'hsj']);
      expect(story.sourceId).toBe('nhse');
      expect(story.paywalled).toBe(false);
    },
  },
  {
    name: 'a second source cannot edit the first source’s story',
    first: [base],
    second: [{ ...base, sourceId: 'hsj', title: 'Trade press headline for the same item' }],
    expect: { inserted: 0, updated: 0, linked: 1, unchanged: 0, stored: 1 },
    check: (db) => expect(getStory(db, base.id)!.title).toBe(base.title),
  },
  {
    name: 'a URL that changes while the (source, GUID) stays is the same story',
    first: [{ ...base, guid: '4471', id: 'g_local-4471' }],
    second: [
      {
        ...base,
        guid: '4471',
        id: 'g_local-4471',
        url: 'https://example.nhs.uk/news/model-hospital-benchmarks',
      },
    ],
    expect: { inserted: 0, updated: 1, linked: 0, unchanged: 0, stored: 1 },
    check: (db) => {
      expect(getStory(db, 'https://example.nhs.uk/news/model-hospital-benchmarks')?.id).toBe(
        'g_local-4471',
      );
    },
  },
  {
    name: 'the same GUID number from two feeds is two stories',
    first: [{ ...base, guid: '12', id: 'g_a12', url: null }],
    second: [{ ...base, guid: '12', id: 'g_b12', url: null, sourceId: 'pulse' }],
    expect: { inserted: 1, updated: 0, linked: 0, unchanged: 0, stored: 2 },
  },
  {
    name: 'an item with no URL or GUID is matched by its id',
    first: [{ ...base, guid: null, url: null, id: 't_abc' }],
    second: [{ ...base, guid: null, url: null, id: 't_abc' }],
    expect: { inserted: 0, updated: 0, linked: 0, unchanged: 1, stored: 1 },
  },
  {
    name: 'an estimated date moving on each poll is not an edit',
    first: [{ ...base, publishedEstimated: true, publishedAt: T0.toISOString() }],
    second: [{ ...base, publishedEstimated: true, publishedAt: T1.toISOString() }],
    expect: { inserted: 0, updated: 0, linked: 0, unchanged: 1, stored: 1 },
    check: (db) => expect(getStory(db, base.id)!.publishedAt).toBe(T0.toISOString()),
  },
  {
    name: 'a real date replacing an estimated one is stored',
    first: [{ ...base, publishedEstimated: true, publishedAt: T0.toISOString() }],
    second: [base],
    expect: { inserted: 0, updated: 1, linked: 0, unchanged: 0, stored: 1 },
    check: (db) => {
      const story = getStory(db, base.id)!;
      expect(story.publishedAt).toBe(base.publishedAt);
      expect(story.publishedEstimated).toBe(false);
    },
  },
  {
    name: 'a new item alongside known ones is the only insert',
    first: [base],
    second: [base, other],
    expect: { inserted: 1, updated: 0, linked: 0, unchanged: 1, stored: 2 },
  },
];

describe('saveStories deduplication', () => {
  it.each(cases)('$name', (c) => {
    saveStories(db, c.first, T0);
    const result = saveStories(db, c.second, T1);
    expect({
      inserted: result.inserted.length,
      updated: result.updated.length,
      linked: result.linked.length,
      unchanged: result.unchanged,
      stored: countStories(db),
    }).toEqual(c.expect);
    c.check?.(db);
  });

  it('treats duplicates inside one batch as one story', () => {
    const result = saveStories(db, [base, { ...base, id: 'g_dup' }], T0);
    expect(result.inserted).toEqual([base.id]);
    expect(result.unchanged).toBe(1);
    expect(countStories(db)).toBe(1);
  });

  it('rolls the whole batch back when one story cannot be stored', () => {
    const broken = { ...other, title: null as unknown as string };
    expect(() => saveStories(db, [base, broken], T0)).toThrow(/^store: could not save 2/);
    expect(countStories(db)).toBe(0);
  });
});

describe('reading the archive', () => {
  it('finds a story by id or by URL', () => {
    saveStories(db, [base], T0);
    expect(getStory(db, base.id)?.title).toBe(base.title);
    expect(getStory(db, base.url!)?.id).toBe(base.id);
    expect(getStory(db, 'nope')).toBeNull();
  });

  it('round-trips every Story field', () => {
    const story = makeStory({
      author: 'Health Correspondent',
      categories: ['a', 'b'],
      paywalled: true,
    });
    saveStories(db, [story], T0);
    const { sourceIds, firstSeenAt, tags, entities, ...stored } = getStory(db, story.id)!;
    expect(stored).toEqual(story);
    expect({ sourceIds, firstSeenAt, tags, entities }).toEqual({
      sourceIds: ['nhse'],
      firstSeenAt: T0.toISOString(),
      tags: [],
      entities: NO_ENTITIES,
    });
  });

  it('lists a week by publication time with tags and every source, boundaries half-open', () => {
    const at = (iso: string, id: string) =>
      makeStory({ id, guid: id, url: `https://example.org/${id}`, publishedAt: iso });
    tagAndStore(
      db,
      [
        at('2017-02-12T23:59:59.999Z', 'before'),
        at('2017-02-13T00:00:00.000Z', 'start'),
        at('2017-02-16T12:00:00.000Z', 'middle'),
        at('2017-02-20T00:00:00.000Z', 'end'),
      ],
      T0,
      () => ({ tags: [makeTag('stp')], entities: NO_ENTITIES, rulesVersion: 'v1' }),
    );
    saveStories(db, [{ ...at('2017-02-16T12:00:00.000Z', 'middle'), sourceId: 'hsj' }], T1);
    const week = listStoriesBetween(db, '2017-02-13T00:00:00.000Z', '2017-02-20T00:00:00.000Z');
    expect(week.map((s) => s.id)).toEqual(['start', 'middle']);
    expect(week[1]!.sourceIds).toEqual(['nhse', 'hsj']);
    expect(week[1]!.tags.map((t) => t.theme)).toEqual(['stp']);
  });

  it('iterates in pages and allows writes between items', () => {
    const stories = Array.from({ length: 7 }, (_, i) =>
      makeStory({
        id: `s${i}`,
        guid: `s${i}`,
        url: `https://example.org/s${i}`,
        publishedAt: `2017-0${(i % 3) + 1}-10T00:00:00.000Z`,
      }),
    );
    saveStories(db, stories, T0);
    const seen: string[] = [];
    for (const story of iterateStories(db, { pageSize: 3 })) {
      seen.push(story.id);
      saveStories(db, [{ ...story, title: `${story.title} (edited)` }], T1);
    }
    expect(seen).toEqual(stories.map((s) => s.id));
    const since = [...iterateStories(db, { since: '2017-02-01', pageSize: 2 })].map((s) => s.id);
    expect(since).toEqual(['s1', 's2', 's4', 's5']);
  });
});
