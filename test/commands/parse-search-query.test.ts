import { describe, expect, it } from 'vitest';
import {
  MAX_SEARCH_TERMS,
  parseSearchText,
  validateSearchQuery,
} from '../../src/commands/parse-search-query.js';
import type { SearchQuery } from '../../src/domain.js';

type Picked = Partial<Omit<SearchQuery, 'limit' | 'offset'>>;

function pick(text: string): Picked {
  const { query } = parseSearchText(text);
  const out: Picked = {};
  for (const key of [
    'terms',
    'phrases',
    'excluded',
    'prefixes',
    'themes',
    'sources',
    'organisations',
  ] as const) {
    if (query[key].length > 0) out[key] = query[key];
  }
  if (query.since !== null) out.since = query.since;
  if (query.until !== null) out.until = query.until;
  return out;
}

describe('parseSearchText: syntax', () => {
  it.each<[string, Picked]>([
    ['carter review', { terms: ['carter', 'review'] }],
    ['"unwarranted variation" carter', { terms: ['carter'], phrases: ['unwarranted variation'] }],
    ['"carter"', { terms: ['carter'] }],
    ['carter -prisons', { terms: ['carter'], excluded: ['prisons'] }],
    ['carter -"legal aid"', { terms: ['carter'], excluded: ['legal aid'] }],
    ['integrat* care', { terms: ['care'], prefixes: ['integrat'] }],
    ['theme:carter', { themes: ['carter'] }],
    ['theme:carter,stp theme:mcp', { themes: ['carter', 'stp', 'mcp'] }],
    ['THEME:Carter', { themes: ['Carter'] }],
    ['source:hsj', { sources: ['hsj'] }],
    ['org:"Dudley Group" org:RNA', { organisations: ['Dudley Group', 'RNA'] }],
    ['since:2017-02-13 until:2017-02-20', { since: '2017-02-13', until: '2017-02-20' }],
    ['week:2017-W07', { since: '2017-02-13', until: '2017-02-20' }],
    ['week:2020-W53', { since: '2020-12-28', until: '2021-01-04' }],
    ['week:2017w7', { since: '2017-02-13', until: '2017-02-20' }],
    ['Carter carter CARTER', { terms: ['Carter'] }],
    ['NHS AND (', { terms: ['NHS'] }],
    ['NEAR(carter procurement, 2)', { terms: ['NEAR', 'carter', 'procurement', '2'] }],
    ["'; DROP TABLE stories; --", { terms: ['DROP', 'TABLE', 'stories'] }],
    ['STP, footprint.', { terms: ['STP', 'footprint'] }],
    ['"unterminated phrase here', { phrases: ['unterminated phrase here'] }],
    ['car\u200Bter \u202Ereview', { terms: ['carter', 'review'] }],
    ['\u201Cnew care models\u201D', { phrases: ['new care models'] }],
    ['🏥 vanguard 🚑', { terms: ['vanguard'] }],
    ['בית חולים', { terms: ['בית', 'חולים'] }],
    ['ﬁnance', { terms: ['finance'] }],
    ['see https://example.org/x', { terms: ['see', 'https', 'example.org', 'x'] }],
  ])('%s', (text, expected) => {
    const { problems } = parseSearchText(text);
    expect(problems).toEqual([]);
    expect(pick(text)).toEqual(expected);
  });
});

describe('parseSearchText: problems', () => {
  it.each<[string, RegExp]>([
    ['thme:carter', /unknown filter 'thme:' — did you mean 'theme'\?; use theme:, source:, org:/],
    ['foo:bar carter', /unknown filter 'foo:'; use theme:/],
    ['since:2017-02-30', /since: expects a date such as 2017-02-13, not '2017-02-30'/],
    ['until:yesterday', /until: expects a date/],
    ['since:13/02/2017', /since: expects a date/],
    ['week:2017-W60', /week: 2017 has weeks 1 to 52/],
    ['week:soon', /week: .*not an ISO week/],
    ['week:2017-W07 since:2017-01-01', /week: cannot be combined/],
    ['since:2017-03-01 until:2017-02-01', /is not before until/],
    ['theme:', /theme: needs a value, e.g. theme:carter/],
    ['org:""', /org: needs a value/],
    ['a*', /too short to search by prefix/],
    ['"', /nothing to search for/],
    ['*', /nothing to search for/],
    ['   ', /nothing to search for/],
    ['x'.repeat(10_000), /too long \(10000 characters\); keep it under 1000/],
  ])('%s', (text, message) => {
    const { problems } = parseSearchText(text);
    expect(problems.join(' | ')).toMatch(message);
  });

  it('caps the number of words and says so', () => {
    const words = Array.from({ length: 50 }, (_, i) => `w${i}`).join(' ');
    const { query, problems } = parseSearchText(words);
    expect(query.terms).toHaveLength(MAX_SEARCH_TERMS);
    expect(problems).toEqual([
      `too many words (50); use at most ${MAX_SEARCH_TERMS} words and phrases`,
    ]);
  });

  it('never throws on arbitrary input', () => {
    // Deterministic pseudo-random strings over a nasty alphabet.
    const alphabet = [
      '"',
      '*',
      '-',
      ':',
      '(',
      ')',
      ' ',
      'a',
      'Z',
      '9',
      '\u200B',
      '\u202E',
      '🏥',
      'ß',
      '\\',
      "'",
      ',',
      'theme:',
      'since:',
      'NEAR',
      'OR',
    ];
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const length = next() % 30;
      const text = Array.from({ length }, () => alphabet[next() % alphabet.length]).join('');
      expect(() => parseSearchText(text)).not.toThrow();
    }
    expect(() => parseSearchText(undefined as unknown as string)).not.toThrow();
  });
});

describe('parseSearchText: limits', () => {
  it('takes limit and offset from the caller, clamped', () => {
    expect(parseSearchText('x', { limit: 10, offset: 20 }).query).toMatchObject({
      limit: 10,
      offset: 20,
    });
    expect(parseSearchText('x', { limit: 5000, offset: -3 }).query).toMatchObject({
      limit: 100,
      offset: 0,
    });
    expect(parseSearchText('x').query).toMatchObject({ limit: 20, offset: 0 });
  });
});

describe('validateSearchQuery', () => {
  const known = { themes: ['carter', 'stp', 'mcp', 'procurement'], sources: ['hsj', 'nhse-news'] };
  it.each<[string, string[]]>([
    ['theme:carter source:hsj', []],
    ['theme:Carter source:HSJ', []],
    [
      'theme:cartr',
      [
        "unknown theme 'cartr' — did you mean 'carter'? Known themes: carter, stp, mcp, procurement.",
      ],
    ],
    ['theme:zebra', ["unknown theme 'zebra'. Known themes: carter, stp, mcp, procurement."]],
    [
      'source:nhse-new',
      ["unknown source 'nhse-new' — did you mean 'nhse-news'? Known sources: hsj, nhse-news."],
    ],
  ])('%s', (text, expected) => {
    expect(validateSearchQuery(parseSearchText(text).query, known)).toEqual(expected);
  });

  it('rejects limits out of range', () => {
    const { query } = parseSearchText('x');
    expect(validateSearchQuery({ ...query, limit: 0 }, known)).toEqual([
      'limit must be between 1 and 100',
    ]);
  });
});
