// The week as the digest reads it (store/digest-week.ts): the same stories, sources, themes,
// scores and entities as listStoriesBetween, article text cut to what the digest reads, and the
// off-topic veto as recorded with the tags (stories.off_topic), or "not known" for stories
// tagged before it was recorded.
import { afterEach, describe, expect, it } from 'vitest';
import type { Story } from '../../src/domain.js';
import { tagAndStore } from '../../src/pipeline/tag-and-store.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { CONTENT_CHARS, listDigestWeek, readArticleText } from '../../src/store/digest-week.js';
import { listStoriesBetween, saveStories } from '../../src/store/stories.js';
import { replaceTagsBatch } from '../../src/store/tags.js';
import type { StoryAnnotation } from '../../src/store/stories.js';
import { makeStory, makeTag } from './make-story.js';

const START = '2017-02-13T00:00:00.000Z';
const END = '2017-02-20T00:00:00.000Z';
const T0 = new Date('2017-02-20T12:00:00Z');
const LONG = 'The trust board approved the plan. '.repeat(200);
let db: Db | undefined;
afterEach(() => db?.close());

const story = (id: string, day: string, extra: Partial<Story> = {}): Story =>
  makeStory({
    id,
    guid: id,
    url: `https://example.org/${id}`,
    title: `Dudley Group shortlists bidders ${id}`,
    publishedAt: `2017-02-${day}T10:00:00.000Z`,
    ...extra,
  });

const ANNOTATIONS: Record<string, StoryAnnotation> = {
  tagged: {
    tags: [makeTag('stp', 1), makeTag('procurement', 3)],
    entities: {
      organisations: [
        { id: 'RNA', name: 'The Dudley Group NHS FT', kind: 'trust', matched: 'Dudley Group' },
      ],
      money: [{ text: '£2m', pounds: 2e6, context: 'for theatres' }],
    },
    rulesVersion: 'v1',
    offTopic: false,
  },
  vetoed: {
    tags: [],
    entities: { organisations: [], money: [] },
    rulesVersion: 'v1',
    offTopic: true,
  },
  clear: {
    tags: [],
    entities: { organisations: [], money: [] },
    rulesVersion: 'v1',
    offTopic: false,
  },
  unrecorded: { tags: [], entities: { organisations: [], money: [] }, rulesVersion: 'v1' },
};

function archive(): Db {
  const store = openDatabase(':memory:');
  const stories = [
    story('tagged', '15', { content: LONG }),
    story('vetoed', '14'),
    story('clear', '16'),
    story('unrecorded', '17', { content: LONG }),
    story('before', '12'),
  ];
  tagAndStore(store, stories, T0, (s) => ANNOTATIONS[s.id] ?? ANNOTATIONS.clear!);
  saveStories(store, [{ ...story('tagged', '15', { content: LONG }), sourceId: 'hsj' }], T0);
  return store;
}

describe('listDigestWeek', () => {
  it('reads what listStoriesBetween reads that the digest uses, in the same order', () => {
    db = archive();
    const full = listStoriesBetween(db, START, END);
    const { stories } = listDigestWeek(db, START, END);
    const used = (s: (typeof full)[number]) => ({
      id: s.id,
      sourceIds: s.sourceIds,
      title: s.title,
      summary: s.summary,
      url: s.url,
      publishedAt: s.publishedAt,
      firstSeenAt: s.firstSeenAt,
      paywalled: s.paywalled,
      publishedEstimated: s.publishedEstimated,
      tags: s.tags.map((t) => [t.theme, t.score]),
      organisations: s.entities.organisations.map((o) => [o.id, o.name, o.kind]),
      money: s.entities.money,
    });
    expect(stories.map(used)).toEqual(full.map(used));
    expect(stories.map((s) => s.id)).toEqual(['vetoed', 'tagged', 'clear', 'unrecorded']);
    expect(stories[1]!.sourceIds).toEqual(['nhse', 'hsj']);
    expect(stories.map((s) => s.content)).toEqual(['', '', '', '']);
  });

  it('reads the article text of the stories asked for, cut to what the digest reads', () => {
    db = archive();
    const texts = readArticleText(db, ['tagged', 'clear', 'missing']);
    expect([...texts.keys()].sort()).toEqual(['clear', 'tagged']);
    expect(texts.get('tagged')).toBe(LONG.slice(0, CONTENT_CHARS));
    expect(texts.get('clear')).toBe(story('clear', '16').content);
  });

  it('returns the recorded vetoes, and the unrecorded untagged stories with their full text', () => {
    db = archive();
    const week = listDigestWeek(db, START, END);
    expect([...week.offTopic]).toEqual(['vetoed']);
    expect(week.unknown.map((s) => [s.id, s.content.length])).toEqual([
      ['unrecorded', LONG.length],
    ]);
  });

  it('records the veto again when a re-tag replaces the tags', () => {
    db = archive();
    replaceTagsBatch(db, [
      { storyId: 'clear', ...ANNOTATIONS.vetoed! },
      { storyId: 'vetoed', ...ANNOTATIONS.unrecorded! },
      { storyId: 'unrecorded', ...ANNOTATIONS.clear! },
    ]);
    const week = listDigestWeek(db, START, END);
    expect([...week.offTopic]).toEqual(['clear']);
    expect(week.unknown.map((s) => s.id)).toEqual(['vetoed']);
  });
});
