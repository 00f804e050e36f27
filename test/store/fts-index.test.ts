import { describe, expect, it } from 'vitest';
import { buildFacets, coverDays, facetToken } from '../../src/store/fts-index.js';

describe('facet tokens', () => {
  it('are digits only and distinct per kind and id', () => {
    const tokens = [
      facetToken('theme', 'carter'),
      facetToken('theme', 'covid_cip'),
      facetToken('source', 'carter'),
      facetToken('org', 'RNA'),
      facetToken('source', 'nhse-news'),
    ];
    for (const t of tokens) expect(t).toMatch(/^\d+$/);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(facetToken('theme', 'ab')).toBe('1097098');
  });

  it('include the date at year, month and day', () => {
    const facets = buildFacets({
      sourceIds: ['hsj'],
      themes: [],
      organisationIds: [],
      publishedAt: '2017-02-14T09:30:00.000Z',
    });
    expect(facets.split(' ')).toEqual(
      expect.arrayContaining(['52017', '4201702', '620170214', facetToken('source', 'hsj')]),
    );
  });
});

describe('coverDays', () => {
  it.each<[string, string, string[] | null]>([
    ['2017-02-14', '2017-02-14', ['620170214']],
    [
      '2017-02-13',
      '2017-02-19',
      ['620170213', '620170214', '620170215', '620170216', '620170217', '620170218', '620170219'],
    ],
    ['2017-02-01', '2017-02-28', ['4201702']],
    ['2017-01-31', '2017-03-01', ['620170131', '4201702', '620170301']],
    ['2016-01-01', '2017-12-31', ['52016', '52017']],
    ['2015-12-31', '2017-01-02', ['620151231', '52016', '620170101', '620170102']],
    ['2017-02-15', '2017-02-14', []],
    ['2000-01-02', '2030-12-30', null],
  ])('%s .. %s', (first, last, expected) => {
    expect(coverDays(first, last, 40)).toEqual(expected);
  });
});
