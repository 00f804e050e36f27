// Query expansion on real SQLite: an acronym finds its long form and back, literal matches rank
// before expansions, the NHS sense ranks first among literal matches, the answer says what was
// also searched, and expansion keeps user text out of FTS5 syntax and within its limits.
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchVocabulary } from '../../src/commands/search-vocabulary.js';
import {
  buildArchive,
  buildArchiveInto,
  CONFIG,
  NO_VOCABULARY,
  search,
  story,
} from './search-archive-fixture.js';

const db = buildArchive([
  story(
    'g_ics0000001',
    'hsj',
    '2022-05-24',
    'ICS leaders demand more control over capital',
    'System chiefs say approvals are slow.',
  ),
  story(
    'g_ics0000002',
    'pulse',
    '2023-02-11',
    'Integrated care systems to become legal bodies',
    'The white paper puts systems on a statutory footing.',
  ),
  story(
    'g_mcp0000001',
    'digital-health',
    '2025-05-20',
    'Developers embrace MCP to connect AI tools to data',
    'The protocol lets language models call external services.',
  ),
  story(
    'g_mcp0000002',
    'hsj',
    '2018-03-22',
    'MCP contract delayed again as Dudley talks stall',
    'Commissioners at the CCG say the first contract for GP and community services is unlikely before next year.',
  ),
  story(
    'g_mcp0000003',
    'nhe',
    '2016-12-08',
    'NHS England publishes draft multispecialty community provider contract',
    'A single organisation would hold a whole-population budget for out-of-hospital care.',
  ),
]);
afterAll(() => db.close());

const ids = (page: { hits: { id: string }[] }) => page.hits.map((h) => h.id);

describe('search with query expansion', () => {
  it('finds only the literal acronym without the vocabulary (the old behaviour)', () => {
    expect(ids(search(db, 'ICS', NO_VOCABULARY))).toEqual(['g_ics0000001']);
  });

  it('finds the long form for an acronym, literal match first, and says what it also searched', () => {
    const page = search(db, 'ICS');
    // The long-form story is newer, so recency alone would put it first.
    expect(ids(page)).toEqual(['g_ics0000001', 'g_ics0000002']);
    expect(page.expanded).toEqual([
      expect.objectContaining({
        word: 'ICS',
        alternatives: expect.arrayContaining(['integrated care system']),
      }),
    ]);
  });

  it('finds the acronym for a long form, literal match first', () => {
    const page = search(db, 'integrated care system');
    expect(ids(page)).toEqual(['g_ics0000002', 'g_ics0000001']);
    expect(page.expanded?.[0]).toMatchObject({
      word: 'integrated care system',
      alternatives: ['ICS'],
    });
  });

  it('ranks the NHS sense of MCP first among literal matches, expansions after every literal one', () => {
    const tags = db
      .prepare(
        "SELECT theme FROM story_tags t JOIN stories s ON s.seq = t.story_seq WHERE s.id = 'g_mcp0000002'",
      )
      .all() as { theme: string }[];
    expect(tags.map((t) => t.theme)).toContain('mcp');
    expect(ids(search(db, 'MCP'))).toEqual(['g_mcp0000002', 'g_mcp0000001', 'g_mcp0000003']);
  });

  it('keeps FTS5 syntax in queries and vocabulary inert, and stays bounded', () => {
    const hostile = buildSearchVocabulary({
      ...CONFIG,
      search: {
        expansions: [{ acronym: 'ICS', longForms: ['say "hi" NEAR(x y) OR title:*'], theme: null }],
      },
    });
    expect(() => search(db, 'ICS', hostile)).not.toThrow();
    for (const text of ['ICS" OR "x', 'NEAR(ICS MCP)', '{title}: ICS', 'ICS*', '"ICS AND"']) {
      expect(() => search(db, text)).not.toThrow();
    }
    const many = Array.from(
      { length: 40 },
      (_, i) => ['ICS', 'ICB', 'STP', 'MCP', 'CQC'][i % 5],
    ).join(' ');
    const page = search(db, many);
    expect(page.hits).toEqual([]);
    expect((page.expanded ?? []).length).toBeLessThanOrEqual(8);
  });
});

describe('one result per story', () => {
  it('lists the other sources that carried the same stored story as also', () => {
    const carried = buildArchive([
      story(
        'g_same000001',
        'hsj',
        '2021-02-11',
        'Integrated care systems to become legal bodies',
        'Systems go on a statutory footing.',
      ),
    ]);
    buildArchiveInto(carried, [
      story(
        'g_same000001',
        'pulse',
        '2021-02-11',
        'Integrated care systems to become legal bodies',
        'Systems go on a statutory footing.',
      ),
    ]);
    const page = search(carried, 'ICS');
    expect(page.hits).toHaveLength(1);
    expect(page.hits[0]).toMatchObject({
      source: 'HSJ',
      also: [{ id: 'g_same000001', source: 'Pulse', url: 'https://news.example.org/g_same000001' }],
    });
    carried.close();
  });
});
