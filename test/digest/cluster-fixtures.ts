// Invented stories for the clustering measurement, written for this project. `item` labels which
// stories report the same thing (same label = one digest entry). The hard cases are on purpose:
// the same announcement told three ways, and different announcements on the same topic.

export interface LabelledStory {
  item: string;
  source: string;
  title: string;
  summary: string;
  url: string;
  /** Local organisations the story names (ids), as the tagger would find them. */
  organisations?: string[];
}

export const LABELLED_STORIES: LabelledStory[] = [
  // One announcement, three outlets: diagnostics fund.
  {
    item: 'diagnostics-fund',
    source: 'nhse',
    title: 'NHS England opens £248m fund to digitise diagnostic services',
    summary:
      'Trusts can bid for a share of £248 million to connect imaging and pathology networks. The money is part of the plan to cut the elective backlog.',
    url: 'https://www.england.nhs.uk/2021/11/diagnostics-digital-fund/',
  },
  {
    item: 'diagnostics-fund',
    source: 'hsj',
    title: '£248m pot for digital diagnostics as imaging networks told to bid',
    summary: 'Pathology and imaging networks will compete for the central funding.',
    url: 'https://www.hsj.co.uk/technology/248m-pot-for-digital-diagnostics/1.html',
  },
  {
    item: 'diagnostics-fund',
    source: 'kingsfund',
    title: 'Digital diagnostics funding welcome but workforce is the bottleneck',
    summary:
      'Responding to the £248m diagnostics fund, the think tank said scanners and software will not help without radiographers to run them.',
    url: 'https://www.kingsfund.org.uk/press/diagnostics-fund-response',
  },
  // Carter community review: NHSE and trade press.
  {
    item: 'carter-community',
    source: 'nhse',
    title: 'Lord Carter review finds £1bn of unwarranted variation in community and mental health',
    summary:
      'The review of community and mental health trusts says better rostering and estates use could release £1bn a year. Trusts will get new Model Hospital metrics.',
    url: 'https://www.england.nhs.uk/2018/05/carter-community-mental-health/',
  },
  {
    item: 'carter-community',
    source: 'hsj',
    title: 'Carter: community and mental health trusts could save £1bn',
    summary: 'The long-awaited Carter report on community and mental health providers is out.',
    url: 'https://www.hsj.co.uk/finance/carter-community-mental-health-1bn/2.html',
  },
  // Carter ambulance review: same topic, different announcement (must stay apart from the above).
  {
    item: 'carter-ambulance',
    source: 'nhse',
    title: 'Carter review of ambulance services identifies £500m efficiency opportunity',
    summary:
      'Lord Carter’s look at ambulance trusts says fewer patients should be taken to A&E. The review sets out £500m of savings by 2021.',
    url: 'https://www.england.nhs.uk/2018/09/carter-ambulance/',
  },
  {
    item: 'carter-ambulance',
    source: 'nhsproviders',
    title: 'Ambulance trusts respond to Lord Carter’s £500m efficiency review',
    summary: 'NHS Providers said ambulance trusts were already among the leanest in the NHS.',
    url: 'https://nhsproviders.org/news/ambulance-carter-response',
  },
  // Procurement league tables, DHSC and trade press.
  {
    item: 'league-tables',
    source: 'dhsc',
    title: 'Procurement league tables published for every NHS trust',
    summary:
      'The Department of Health and Social Care has ranked trusts on how they buy goods, from catalogue use to purchase orders.',
    url: 'https://www.gov.uk/government/news/procurement-league-tables',
  },
  {
    item: 'league-tables',
    source: 'hsj',
    title: 'Trusts ranked in first procurement league table',
    summary: 'Some of the largest trusts sit near the bottom of the new table.',
    url: 'https://www.hsj.co.uk/finance/trusts-ranked-procurement-league-table/3.html',
  },
  // A different procurement story the same week.
  {
    item: 'carillion',
    source: 'hsj',
    title: 'Trust terminates estates contract with Carillion after collapse',
    summary: 'The trust will bring hospital maintenance back in house from March.',
    url: 'https://www.hsj.co.uk/estates/carillion-contract-terminated/4.html',
  },
  {
    item: 'supply-chain',
    source: 'nhse',
    title: 'NHS Supply Chain awards new framework agreement for orthopaedic implants',
    summary: 'The four-year framework agreement covers hips and knees for every acute trust.',
    url: 'https://www.england.nhs.uk/2021/11/supply-chain-orthopaedic-framework/',
  },
  // ICB chairs: trade press and NHS Providers.
  {
    item: 'icb-chairs',
    source: 'hsj',
    title: 'First 12 integrated care board chairs appointed',
    summary:
      'Chairs have been confirmed for 12 integrated care boards ahead of the statutory start. Several led STPs.',
    url: 'https://www.hsj.co.uk/integrated-care/icb-chairs-appointed/5.html',
  },
  {
    item: 'icb-chairs',
    source: 'nhsproviders',
    title: 'NHS Providers welcomes appointment of 12 ICB chairs',
    summary:
      'The organisation said the new integrated care board chairs must work closely with trust boards.',
    url: 'https://nhsproviders.org/news/icb-chairs',
  },
  // STP ratings: different STP story.
  {
    item: 'stp-ratings',
    source: 'nhse',
    title: 'Five STPs rated outstanding in first progress dashboard',
    summary:
      'The first sustainability and transformation partnership ratings place five footprints in the top category and 14 in need of most improvement.',
    url: 'https://www.england.nhs.uk/2017/07/stp-progress-dashboard/',
  },
  // CIPs in the Covid years: think tank and trade press on the same call.
  {
    item: 'scrap-cips',
    source: 'thinktank',
    title: 'Scrap cost improvement plans for the rest of the pandemic, says think tank',
    summary:
      'Asking trusts to find 1.1% efficiency savings while tackling Covid backlogs is unrealistic, the analysis argues.',
    url: 'https://www.nuffieldtrust.org.uk/news-item/scrap-cips',
  },
  {
    item: 'scrap-cips',
    source: 'hsj',
    title: 'Think tank calls for CIPs to be scrapped during Covid',
    summary: 'The 1.1% efficiency requirement should be dropped, the report says.',
    url: 'https://www.hsj.co.uk/finance/think-tank-calls-for-cips-to-be-scrapped/6.html',
  },
  {
    item: 'h2-regime',
    source: 'nhse',
    title: 'H2 financial regime confirms return of efficiency requirement',
    summary:
      'Systems will be expected to deliver efficiencies in the second half of the year as block contracts continue.',
    url: 'https://www.england.nhs.uk/2021/09/h2-financial-regime/',
  },
  // Workforce: one story, two outlets, plus a different workforce story.
  {
    item: 'nurse-vacancies',
    source: 'nursingtimes',
    title: 'Nurse vacancies in England pass 39,000',
    summary: 'Official figures show 39,813 registered nurse posts were vacant in September.',
    url: 'https://www.nursingtimes.net/news/workforce/nurse-vacancies-39000/',
  },
  {
    item: 'nurse-vacancies',
    source: 'guardian',
    title: 'NHS in England short of almost 40,000 nurses, figures show',
    summary:
      'There were 39,813 vacant nursing posts in September, according to NHS Digital data published on Thursday.',
    url: 'https://www.theguardian.com/society/nurse-vacancies',
  },
  {
    item: 'gp-retention',
    source: 'pulse',
    title: 'GP retention scheme extended to GPs over 50',
    summary: 'Older GPs considering retirement can now join the retention scheme.',
    url: 'https://www.pulsetoday.co.uk/news/workforce/gp-retention-extended/',
  },
  // A series from one source on one topic: must not merge.
  {
    item: 'mcp-dudley',
    source: 'hsj',
    title: 'Dudley MCP contract procurement paused',
    summary: 'The multispecialty community provider procurement in Dudley has been paused.',
    url: 'https://www.hsj.co.uk/mcp/dudley-paused/7.html',
  },
  {
    item: 'mcp-judicial-review',
    source: 'hsj',
    title: 'Campaigners seek judicial review of accountable care organisation contract',
    summary: 'The challenge targets the draft ACO contract rather than any one MCP.',
    url: 'https://www.hsj.co.uk/mcp/judicial-review/8.html',
  },
  // Same URL in two feeds of one publisher: always one item.
  {
    item: 'mental-health-funding',
    source: 'nhse',
    title: 'Mental health services to receive extra £500m this winter',
    summary: 'The funding will expand crisis services and children’s mental health support.',
    url: 'https://www.england.nhs.uk/2021/11/mental-health-500m/',
  },
  {
    item: 'mental-health-funding',
    source: 'nhse-all',
    title: 'Mental health services to receive extra £500m this winter',
    summary: 'The funding will expand crisis services.',
    url: 'https://www.england.nhs.uk/2021/11/mental-health-500m/?utm_source=feed',
  },
  {
    item: 'cqc-rating',
    source: 'cqc',
    title: 'CQC rates Dudley Group NHS Foundation Trust as requires improvement',
    summary: 'Inspectors found staffing pressures in urgent and emergency care.',
    url: 'https://www.gov.uk/government/news/cqc-dudley-group',
    organisations: ['RNA'],
  },
  // Another trust rated the same week by the same regulator: a different item, similar words.
  {
    item: 'cqc-norfolk',
    source: 'cqc',
    title: 'CQC rates Norfolk and Suffolk NHS Foundation Trust as inadequate',
    summary: 'Inspectors found unsafe staffing on acute mental health wards.',
    url: 'https://www.gov.uk/government/news/cqc-norfolk-suffolk',
    organisations: ['RMY'],
  },
  {
    item: 'cqc-norfolk',
    source: 'hsj',
    title: 'Norfolk and Suffolk mental health trust rated inadequate again',
    summary:
      'The trust returns to special measures after the CQC found unsafe staffing on its wards.',
    url: 'https://www.hsj.co.uk/quality/norfolk-suffolk-inadequate/9.html',
    organisations: ['RMY'],
  },
];

/** The fixture as clustering sees it (organisations as the tagger's entities). */
export function fixtureEntities(story: LabelledStory): {
  organisations: { id: string; kind: 'trust' }[];
} {
  return { organisations: (story.organisations ?? []).map((id) => ({ id, kind: 'trust' })) };
}
