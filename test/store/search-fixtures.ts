// The stories the search tests run against (store/search.test.ts shares one database of them;
// search-own-data.test.ts builds small databases with item()).
import type { Entities, Story } from '../../src/domain.js';
import { makeStory } from './make-story.js';

export const NOW = new Date('2017-03-01T12:00:00Z');
export const NO_ENTITIES_FOR_SEARCH: Entities = { organisations: [], money: [] };

export interface Fixture {
  story: Story;
  themes: string[];
  orgs?: Entities['organisations'];
}

export function item(
  n: number,
  sourceId: string,
  publishedAt: string,
  title: string,
  summary: string,
  content = '',
): Story {
  return makeStory({
    id: `s${n}`,
    guid: `s${n}`,
    url: `https://example.org/${sourceId}/${n}`,
    sourceId,
    publishedAt,
    title,
    summary,
    content,
  });
}

export const DUDLEY = {
  id: 'RNA',
  name: 'The Dudley Group NHS Foundation Trust',
  kind: 'trust' as const,
  matched: 'Dudley Group FT',
};

export const FIXTURES: Fixture[] = [
  {
    story: item(
      1,
      'nhse',
      '2017-02-14T09:00:00.000Z',
      'Lord Carter sets out mental health productivity review',
      'The review will look at unwarranted variation in community and mental health trusts.',
    ),
    themes: ['carter'],
  },
  {
    story: item(
      2,
      'hsj',
      '2017-02-15T08:00:00.000Z',
      'STP leaders warn of deficit gap in footprint plans',
      'Sustainability and transformation plans in the Black Country face a funding gap.',
      'Dudley Group FT is among providers in the footprint.',
    ),
    themes: ['stp', 'finance'],
    orgs: [DUDLEY],
  },
  {
    story: item(
      3,
      'pulse',
      '2017-02-16T07:00:00.000Z',
      'Dudley multispecialty community provider procurement delayed',
      'The MCP contract award has been pushed back to the summer.',
    ),
    themes: ['mcp', 'procurement'],
    orgs: [{ ...DUDLEY, matched: 'Dudley Group NHS Foundation Trust' }],
  },
  {
    story: item(
      4,
      'nhse',
      '2016-02-10T09:00:00.000Z',
      'Carter report finds £5bn of savings in hospitals',
      'The final report on operational productivity in acute trusts identifies unwarranted variation.',
    ),
    themes: ['carter'],
  },
  {
    story: item(
      5,
      'dhsc',
      '2017-02-20T10:00:00.000Z',
      'Procurement league tables published for all trusts',
      'Trusts are ranked on how much they pay for common products and how many purchase orders they raise.',
    ),
    themes: ['procurement'],
  },
  {
    story: item(
      6,
      'hsj',
      '2017-02-21T10:00:00.000Z',
      'Hospital productivity improves in winter',
      'Productivity gains were reported by several trusts, with Carter metrics cited.',
    ),
    themes: [],
  },
  {
    story: item(
      7,
      'nhse',
      '2017-02-22T10:00:00.000Z',
      'Vanguard sites share new care models evaluation',
      'Early results from the vanguards suggest fewer emergency admissions; “accountable care” was discussed.',
    ),
    themes: ['mcp'],
  },
];
