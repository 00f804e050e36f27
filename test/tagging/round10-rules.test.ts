// Round 10 of config/themes.yaml (tune10, issue 14), tuned on the real-i batch (held out against
// round 9): each row is a real headline and standfirst from test/fixtures/tagging/real-i.jsonl (and
// rg-010 from real-g.jsonl, fixed by the same change), tagged with the shipped rules and
// organisations exactly as polling does. Every row failed with the round-9 rules (frozen as
// test/fixtures/tagging/rules-before-real-i.yaml, which real-i was held out against; round 10 is
// frozen as rules-before-real-j.yaml for the next batch).
import { describeRuleRows, type RuleRow } from '../helpers/shipped-rule-rows.js';

const rows: RuleRow[] = [
  {
    id: 'ri-078: APMS: GP contracts thrown out to private providers are put out to competition',
    title: 'Save the NHS & GP Practices',
    summary:
      "All new GP contracts will be thrown out to private providers under APMS, in a move described as the 'death knell' for traditional practice.",
    date: '2014-08-01',
    has: ['procurement'],
    not: [],
  },
  {
    id: 'ri-080: contracts thrown open to private companies, and procuring APMS contracts',
    title: 'Will all new GP contracts be thrown open to private companies?',
    summary: "Read our Q&A on NHS England's policy on procuring APMS contracts",
    date: '2014-09-01',
    has: ['procurement'],
    not: [],
  },
  {
    id: 'ri-081: an APMS contract commissioned from a provider is procurement, not the GP contract',
    title: 'APMS provider takes over GP contract after all partners resign',
    summary:
      'NHS England has commissioned a third sector provider to take on an APMS contract for 12 months after all partners at a GP practice in Braintree, Essex, resigned.',
    date: '2015-06-01',
    has: ['procurement'],
    not: [],
  },
  {
    id: 'ri-082: practice contracts opened to competition with commercial providers',
    title: "GP anger over 'destructive' APMS policy from NHS England",
    summary:
      "GP leaders have warned that an NHS England policy which opens up practice contracts to competition with commercial providers could irrevocably damage continuity of care and see 'swathes' of general practice handed to private companies.",
    date: '2014-08-01',
    has: ['procurement'],
    not: [],
  },
  {
    id: 'ri-047: a contract for the provision of community services is a service contract',
    title: 'Community services',
    summary:
      'NHS Bury CCG is responsible for commissioning community services within Bury. The current contract for the provision of community services is due to expire on 31 March 2019.',
    date: '2018-12-01',
    has: ['procurement'],
    not: [],
  },
  {
    id: "ri-035: Welsh boards' Covid money is not the English regime",
    title: 'Financial duties breached in four Welsh boards',
    summary:
      'A report \u2013 set out in a new data tool \u2013 said health service funding had increased by \u00a31.7bn in the year, much of it to cover Covid costs.',
    date: '2021-06-17',
    has: ['finance'],
    not: ['covid_cip'],
  },
  {
    id: "ri-086: the NHS's whole-year funding envelope is finance, not the Covid regime",
    title: "'Tough task' setting out the challenge for the NHS within the funding envelope",
    summary:
      'We recently published the NHS reality check: the financial and performance task for trusts report, which explores how, despite the efforts of trust leaders and frontline staff working flat out to deliver more care for patients and service users, some elective recovery targets may take longer to deliver than expected.',
    date: '2022-06-01',
    has: ['finance'],
    not: ['covid_cip'],
  },
  {
    id: 'ri-033: a pathology network map update without the savings case is not Carter',
    title:
      "NHS Improvement update 'State of the Nation' report to show current pathology network maps",
    summary:
      "To celebrate National Pathology Week, NHS Improvement have published an update to the 'State of the Nation'; a report that shows the current network maps, along with an assessment of the progress they being made.",
    date: '2019-11-01',
    has: ['mergers'],
    not: ['carter'],
  },
  {
    id: "rg-010: a pathology network's procurement is not Carter",
    title: 'Biggest ever pathology contract will go to a private bidder',
    summary:
      'A contract to set up the largest ever pathology network was launched in September 2018 and this week news about the shortlist of bidders makes it very likely that it will go to a private provider.',
    date: '2019-01-01',
    has: ['procurement'],
    not: ['carter'],
  },
  {
    id: 'ri-023: ICP spelt out as the integrated care partnership is not the ICP contract',
    title:
      'Integrated care partnership (ICP) engagement document: integrated care system (ICS) implementation',
    summary:
      'This engagement document is focused on the role of integrated care partnerships (ICPs) within statutory arrangements for integrated care systems (ICSs).',
    date: '2021-09-20',
    has: ['stp'],
    not: ['mcp'],
  },
  {
    id: 'ri-050: index funds are personal investing, not health service finance',
    title: '5 smart ways to build wealth with Vanguard index funds',
    summary:
      'Vanguard index funds are investment vehicles that aim to replicate the performance of specific market benchmarks such as the S&P 500 or the Total Stock Market Index.',
    date: '2024-01-01',
    has: [],
    not: ['finance', 'mcp'],
  },
  {
    id: "ri-051: US Medicare's shared savings programme is not health service finance",
    title:
      'Medicare Shared Savings Programs: Higher Cost Accountable Care Organizations are More Likely to Achieve Savings',
    summary:
      "In the United States, Medicare's flagship Accountable Care Organization (ACO) program, the Medicare Shared Savings Program (MSSP), is under close scrutiny to improve health care quality and decrease costs.",
    date: '2018-08-06',
    has: [],
    not: ['finance', 'mcp'],
  },
  {
    id: "ri-085: the new ICBs' opening financial positions are the systems themselves",
    title: "Guidance confirms ICBs' financial starting positions",
    summary:
      'The approach to historic under- and overspends by clinical commissioning groups was set out in earlier draft financial guidance. But the finalised guidance has now confirmed the details.',
    date: '2022-04-12',
    has: ['stp', 'finance'],
    not: [],
  },
  {
    id: 'ri-055: a year that is challenging financially is finance',
    title: 'Keeping on track for better health in a financially challenging year',
    summary:
      "At the start of what will be a 'uniquely challenging' year financially for the NHS, our Chief executive, Professor Tim Orchard, explains why the NHS is expected to do things differently and summarises what this means for our Trust and how we are responding.",
    date: '2025-05-01',
    has: ['finance'],
    not: [],
  },
  {
    id: 'ri-103: a finance monitoring report on Covid costs is finance, not the regime',
    title: 'Finance Monitoring to 30 September 2020',
    summary:
      'Noted the financial impacts of the COVID-19 pandemic on the general fund for the financial year 2020/21 as set out at appendix 1 of the report.',
    date: '2020-11-12',
    has: ['finance'],
    not: ['covid_cip'],
  },
];

describeRuleRows('round 10 rules (real-i)', rows);
