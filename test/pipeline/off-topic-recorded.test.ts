// The off-topic veto recorded when a story is tagged (buildAnnotator -> stories.off_topic), and
// the week's digest reading that record instead of re-tagging the week's untagged stories
// (issue 18). Stories tagged before it was recorded are still re-tagged
// (week-digest-continuity.test.ts, "keeps a vetoed story out of Other news").
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfigOrThrow } from '../../src/config/load.js';
import { buildAnnotator } from '../../src/pipeline/build-poll-deps.js';
import { buildWeekDigest } from '../../src/pipeline/build-week-digest.js';
import { tagAndStore } from '../../src/pipeline/tag-and-store.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { makeStory } from '../store/make-story.js';

const CONFIG = loadConfigOrThrow(fileURLToPath(new URL('../../config', import.meta.url)));
const W07 = { year: 2017, week: 7 };
const T0 = new Date('2017-02-19T12:00:00Z');
let db: Db | undefined;
afterEach(() => db?.close());

const MCP = makeStory({
  id: 'ai',
  guid: 'ai',
  url: 'https://example.org/ai',
  title: 'Digital team trials AI assistant that uses the MCP protocol to read rotas',
  summary: 'A supplier demonstrated an assistant built on the Model Context Protocol.',
  content: '',
  publishedAt: '2017-02-14T10:00:00.000Z',
});
const PARKING = makeStory({
  id: 'parking',
  guid: 'parking',
  url: 'https://example.org/parking',
  title: 'Hospital car parking charges rise again',
  summary: 'Visitors will pay more from April.',
  content: '',
  publishedAt: '2017-02-15T10:00:00.000Z',
});

const sectionsOf = (store: Db) =>
  buildWeekDigest(store, CONFIG, W07).sections.map((s) => [
    s.themeId,
    s.entries.map((e) => e.storyIds[0]),
  ]);

describe('the off-topic veto recorded with the tags', () => {
  it('is recorded by the tagger polling uses, for a vetoed story only', () => {
    const annotate = buildAnnotator(CONFIG);
    expect(annotate(MCP)).toMatchObject({ tags: [], offTopic: true });
    expect(annotate(PARKING)).toMatchObject({ tags: [], offTopic: false });
    const tagged = annotate(
      makeStory({ title: 'Lord Carter review finds £5bn of NHS hospital savings' }),
    );
    expect(tagged.tags.length).toBeGreaterThan(0);
    expect(tagged.offTopic).toBe(false);
  });

  it('files a polled vetoed story under Off-topic', () => {
    db = openDatabase(':memory:');
    tagAndStore(db, [MCP, PARKING], T0, buildAnnotator(CONFIG));
    expect(sectionsOf(db)).toEqual([
      ['other', ['parking']],
      ['off-topic', ['ai']],
    ]);
  });

  it('is what the digest reads: the record decides, the story is not re-tagged', () => {
    db = openDatabase(':memory:');
    // Recorded the other way round from what a re-tag would find.
    const recorded = { entities: { organisations: [], money: [] }, rulesVersion: 'test' };
    tagAndStore(db, [MCP, PARKING], T0, (s) => ({
      ...recorded,
      tags: [],
      offTopic: s.id === 'parking',
    }));
    expect(sectionsOf(db)).toEqual([
      ['other', ['ai']],
      ['off-topic', ['parking']],
    ]);
  });
});
