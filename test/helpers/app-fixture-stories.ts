// Invented stories for test/helpers/app-fixture.ts, written for this project (real names, sums
// and dates where useful; no sentence taken from any publication). The fixture clock stands on
// Thursday 16 February 2017, so 2017-W07 is "this week" and 2017-W06 "last week".
import type { Story } from '../../src/domain.js';

/** Thursday of 2017-W07, midday in London (GMT). */
export const FIXTURE_NOW = new Date('2017-02-16T12:00:00.000Z');

function story(
  fields: Partial<Story> & Pick<Story, 'id' | 'sourceId' | 'title' | 'publishedAt'>,
): Story {
  return {
    guid: fields.id,
    url: `https://example.org/${fields.sourceId}/${fields.id}`,
    summary: '',
    content: '',
    author: null,
    categories: [],
    publishedEstimated: false,
    paywalled: false,
    ...fields,
  };
}

export const FIXTURE_STORIES: readonly Story[] = [
  story({
    id: 'fx-model-hospital',
    sourceId: 'nhse-news',
    url: 'https://www.england.nhs.uk/2017/02/model-hospital-variation/',
    title: 'Model Hospital figures show trusts still have £5bn of unwarranted variation to tackle',
    summary:
      "A year after Lord Carter's review of operational productivity, NHS Improvement says the Model Hospital dashboard is helping trusts find savings. The Dudley Group NHS Foundation Trust was one of the first to publish its figures.",
    publishedAt: '2017-02-14T10:00:00.000Z',
  }),
  story({
    id: 'fx-black-country-stp',
    sourceId: 'hsj',
    url: 'https://www.hsj.co.uk/fixture/black-country-stp',
    title: 'Black Country STP leaders set out £200m plan to share hospital back offices',
    summary:
      'The sustainability and transformation plan for the Black Country footprint proposes that Dudley, Walsall, Sandwell and Wolverhampton run payroll and procurement together.',
    publishedAt: '2017-02-15T07:30:00.000Z',
    paywalled: true,
  }),
  story({
    id: 'fx-procurement-league',
    sourceId: 'dhsc',
    url: 'https://www.gov.uk/government/news/fixture-procurement-league-table',
    title: 'First procurement league table ranks trusts on how they buy',
    summary:
      'The Department of Health has published a procurement league table comparing trusts on purchase order use, catalogue compliance and price benchmarking, a measure first proposed in the Carter review.',
    publishedAt: '2017-02-13T11:00:00.000Z',
  }),
  story({
    id: 'fx-prisons-carter',
    sourceId: 'guardian-nhs',
    url: 'https://www.theguardian.com/fixture/prisons-review',
    title: "Lord Carter's review of prison building criticised by reform campaigners",
    summary:
      'Campaigners say the review of the prison estate paid too little attention to rehabilitation.',
    publishedAt: '2017-02-15T16:00:00.000Z',
  }),
  story({
    id: 'fx-carter-anniversary',
    sourceId: 'nhse-news',
    url: 'https://www.england.nhs.uk/2017/02/carter-one-year-on/',
    title: 'Carter review one year on: trusts report early productivity savings',
    summary:
      'Acute trusts say work on unwarranted variation in staffing and supplies has saved £700m since Lord Carter published his report on operational productivity.',
    publishedAt: '2017-02-08T09:00:00.000Z',
  }),
  story({
    id: 'fx-vanguard-mcp',
    sourceId: 'nuffield-trust',
    url: 'https://www.nuffieldtrust.org.uk/fixture/vanguard-mcp-contract',
    title: 'Vanguards test the first multispecialty community provider contract',
    summary:
      'Several new care model vanguards are preparing to hold a single MCP contract covering GP and community services for their populations.',
    publishedAt: '2016-11-01T12:00:00.000Z',
  }),
  story({
    id: 'fx-covid-cip',
    sourceId: 'nhs-providers',
    url: 'https://nhsproviders.org/fixture/cip-pause',
    title: 'Providers ask for cost improvement plans to be paused during the Covid-19 pandemic',
    summary:
      'Trust leaders say the efficiency requirement and CIPs should be suspended while block contracts replace payment by results during the coronavirus response.',
    publishedAt: '2020-04-20T08:00:00.000Z',
  }),
];

/**
 * `count` procurement stories spread over the days of 2017-W05 (30 January to 5 February), for
 * paging tests: each mentions a "framework agreement" tender.
 */
export function procurementStories(count: number): Story[] {
  return Array.from({ length: count }, (_, i) =>
    story({
      id: `fx-tender-${String(i + 1).padStart(3, '0')}`,
      sourceId: 'govuk-procurement',
      url: `https://www.gov.uk/government/news/fixture-tender-${i + 1}`,
      title: `Framework agreement tender number ${i + 1} opens for NHS suppliers`,
      summary: `NHS Supply Chain has opened a procurement tender under a new framework agreement, lot ${i + 1}.`,
      publishedAt: new Date(Date.UTC(2017, 0, 30, 8, i)).toISOString(),
    }),
  );
}
