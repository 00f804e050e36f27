// Tagging as a visible step: find new and edited stories, tag only those, write them with their
// tags, all in one transaction (src/pipeline/tag-and-store.ts over src/store/story-changes.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tagAndStore, type Annotate } from '../../src/pipeline/tag-and-store.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { countStories, findStoriesToTag, getStory, saveStories } from '../../src/store/stories.js';
import { makeStory, makeTag, NO_ENTITIES } from '../store/make-story.js';

const T0 = new Date('2017-02-14T10:00:00Z');
const T1 = new Date('2017-02-14T10:30:00Z');

const base = makeStory();
const other = makeStory({
  id: 'g_other',
  guid: 'https://example.nhs.uk/news/other',
  url: 'https://example.nhs.uk/news/other',
  title: 'Dudley Group signs up to the integrated care provider contract',
});

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => db.close());

describe('tagAndStore', () => {
  it('tags new and edited stories only, replacing the previous tags', () => {
    const calls: string[] = [];
    const annotate =
      (theme: string): Annotate =>
      (story) => {
        calls.push(story.id);
        return {
          tags: [makeTag(theme)],
          entities: {
            organisations: [
              {
                id: 'RNA',
                name: 'The Dudley Group NHS Foundation Trust',
                kind: 'trust',
                matched: 'Dudley Group FT',
              },
            ],
            money: [{ text: '£5bn', pounds: 5e9 }],
          },
          rulesVersion: `v-${theme}`,
        };
      };
    tagAndStore(db, [base], T0, annotate('carter'));
    tagAndStore(db, [base], T1, annotate('carter'));
    expect(calls).toEqual([base.id]);
    tagAndStore(
      db,
      [{ ...base, title: 'Carter metrics now cover procurement' }],
      T1,
      annotate('procurement'),
    );
    expect(calls).toEqual([base.id, base.id]);
    const story = getStory(db, base.id)!;
    expect(story.tags.map((t) => t.theme)).toEqual(['procurement']);
    expect(story.tags[0]!.evidence[0]!.rule).toBe('phrase:procurement');
    expect(story.entities).toEqual({
      organisations: [
        {
          id: 'RNA',
          name: 'The Dudley Group NHS Foundation Trust',
          kind: 'trust',
          matched: 'Dudley Group FT',
        },
      ],
      money: [{ text: '£5bn', pounds: 5e9 }],
    });
  });

  it('tags a story repeated and edited within one batch at each version, keeping the last', () => {
    const seen: string[] = [];
    const annotate: Annotate = (story) => {
      seen.push(story.title);
      const theme = story.title.includes('procurement') ? 'procurement' : 'carter';
      return { tags: [makeTag(theme)], entities: NO_ENTITIES, rulesVersion: 'v1' };
    };
    const edited = { ...base, title: 'Carter metrics now cover procurement' };
    const result = tagAndStore(db, [base, edited], T0, annotate);
    expect(result).toMatchObject({ inserted: [base.id], updated: [base.id] });
    expect(seen).toEqual([base.title, edited.title]);
    expect(getStory(db, base.id)!.tags.map((t) => t.theme)).toEqual(['procurement']);
  });

  it('tags an edit under the stored id when the item now carries another id', () => {
    tagAndStore(db, [base], T0, () => ({ tags: [], entities: NO_ENTITIES, rulesVersion: 'v1' }));
    const ids: string[] = [];
    const moved = { ...base, id: 'g_new-id', title: 'Model Hospital benchmarks: an update' };
    tagAndStore(db, [moved], T1, (story) => {
      ids.push(story.id);
      return { tags: [makeTag('carter')], entities: NO_ENTITIES, rulesVersion: 'v1' };
    });
    expect(ids).toEqual([base.id]);
    expect(getStory(db, base.id)!.tags.map((t) => t.theme)).toEqual(['carter']);
  });

  it('stores nothing when tagging fails part-way through a batch', () => {
    let calls = 0;
    const failing: Annotate = () => {
      calls++;
      if (calls === 2) throw new Error('bad rule');
      return { tags: [makeTag('carter')], entities: NO_ENTITIES, rulesVersion: 'v1' };
    };
    expect(() => tagAndStore(db, [base, other], T0, failing)).toThrow(
      /^pipeline: could not tag story g_other$/,
    );
    expect(countStories(db)).toBe(0);
  });

  it('finds new and edited stories without writing anything', () => {
    saveStories(db, [base], T0);
    const edited = { ...base, summary: 'A rewritten standfirst.' };
    expect(findStoriesToTag(db, [other, base, edited]).toTag.map((t) => t.index)).toEqual([0, 2]);
    expect(countStories(db)).toBe(1);
  });
});

describe('saveStories with annotations', () => {
  it('refuses a new story that was given no annotation', () => {
    expect(() => saveStories(db, [base, other], T0, new Map())).toThrow(
      /^store: could not save 2 stories$/,
    );
    expect(countStories(db)).toBe(0);
  });
});
