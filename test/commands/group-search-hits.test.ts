// One result per story cluster: other outlets' copies fold into the best-ranked one as `also`;
// copies published far apart, and different items, stay separate; paging resumes after the hits
// a page covered.
import { describe, expect, it } from 'vitest';
import { groupSearchHits } from '../../src/commands/group-search-hits.js';
import type { SearchHit } from '../../src/domain.js';

function hit(
  id: string,
  source: string,
  publishedAt: string,
  title: string,
  snippet = '',
): SearchHit {
  return {
    id,
    title,
    url: `https://news.example.org/${id}`,
    source,
    publishedAt,
    snippet,
    themes: [],
  };
}

const FIRST_ICS = 'Eight areas chosen as first integrated care systems';
const SNIPPET =
  'The partnerships will get more control over money and performance across their footprint.';

describe('groupSearchHits', () => {
  it('folds copies from other outlets into the best-ranked result', () => {
    const hits = [
      hit('g_a', 'HSJ', '2018-05-29T08:00:00Z', FIRST_ICS, SNIPPET),
      hit(
        'g_b',
        'Trust rated outstanding',
        '2019-02-14T08:00:00Z',
        'Trust rated outstanding for the first time',
      ),
      hit(
        'g_c',
        'Pulse',
        '2018-05-29T14:00:00Z',
        'Eight areas named as first integrated care systems',
        SNIPPET,
      ),
      hit(
        'g_d',
        'National Health Executive',
        '2018-05-30T10:00:00Z',
        'First integrated care systems named in eight areas',
        SNIPPET,
      ),
    ];
    const grouped = groupSearchHits(hits, 10);
    expect(grouped.hits.map((h) => h.id)).toEqual(['g_a', 'g_b']);
    expect(grouped.hits[0]!.also).toEqual([
      { id: 'g_c', source: 'Pulse', url: 'https://news.example.org/g_c' },
      { id: 'g_d', source: 'National Health Executive', url: 'https://news.example.org/g_d' },
    ]);
    expect(grouped.consumed).toBe(4);
  });

  it('keeps look-alike stories published far apart as results of their own', () => {
    const hits = [
      hit('g_a', 'HSJ', '2018-05-29T08:00:00Z', FIRST_ICS, SNIPPET),
      hit(
        'g_c',
        'Pulse',
        '2020-05-29T14:00:00Z',
        'Eight areas named as first integrated care systems',
        SNIPPET,
      ),
    ];
    expect(groupSearchHits(hits, 10).hits.map((h) => [h.id, h.also])).toEqual([
      ['g_a', undefined],
      ['g_c', undefined],
    ]);
  });

  it('stops at the page size and says where the next page starts', () => {
    const hits = ['one', 'two', 'three'].map((w, i) =>
      hit(`g_${w}`, 'HSJ', `2020-0${i + 1}-01T00:00:00Z`, `${w} unrelated headline about ${w}`),
    );
    const grouped = groupSearchHits(hits, 2);
    expect(grouped.hits.map((h) => h.id)).toEqual(['g_one', 'g_two']);
    expect(grouped.consumed).toBe(2);
  });
});
