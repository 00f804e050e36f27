// Round 12 of config/themes.yaml (evalk, issue 14), tuned on the real-k batch (held out against
// round 11): each row is a real headline and standfirst from test/fixtures/tagging/real-k.jsonl,
// tagged with the shipped rules and organisations exactly as polling does. Every row failed with the
// round-11 rules (frozen as test/fixtures/tagging/rules-before-real-k.yaml, which real-k was held out
// against; round 12 is frozen as rules-before-real-l.yaml for the next batch).
import { describeRuleRows, type RuleRow } from '../helpers/shipped-rule-rows.js';

const rows: RuleRow[] = [
  {
    id: "rk-020: Vanguard the fund company's cost of investing is not a new care model",
    title: '4 ways Vanguard lowers the cost of investing',
    summary:
      'The good news: The cost of investing continues to decline. The better news: The cost of investing at Vanguard continues to decline at an even faster rate.',
    date: '2016-04-29',
    has: [],
    not: ['mcp'],
  },
  {
    id: 'rk-092: a US ACO that is an LLC, with no Medicare word, is not the NHS model',
    title: 'OneCare Vermont Accountable Care Organization, LLC Board of Managers Meeting Agenda',
    summary:
      'OneCare Vermont Accountable Care Organization, LLC Board of Managers Meeting Agenda, July 16, 2019, Central Vermont Medical Center – The Board Room.',
    date: '2019-07-16',
    has: [],
    not: ['mcp'],
  },
  {
    id: 'rk-041: a vanguard body backing a GIRFT report is GIRFT news',
    title: 'Getting It Right in Orthopaedics – NOA supports follow-up report from GIRFT',
    summary:
      'The National Orthopaedic Alliance (NOA) is delighted to see the Getting It Right First Time (GIRFT) follow-up report on orthopaedics published.',
    date: '2020-02-15',
    has: [],
    not: ['mcp'],
  },
  {
    id: 'rk-049: hospitals buying the same products in bulk is procurement',
    title: 'NHS hospitals save £2m through price matching scheme',
    summary:
      'A group of NHS hospitals has saved £2m by agreeing to buy the same 11 products in bulk.',
    date: '2018-04-15',
    has: ['procurement'],
    not: [],
  },
  {
    id: "rk-026: the ICBs' cash restraints are the systems' own books",
    title: 'Cash restraints show survey of ICBs',
    summary:
      'As a new year of cash restraints takes shape, John Lister reviews the most recent board papers from a third of England’s 42 Integrated Care Boards, which took over as the leading “local” bodies of the NHS just over a year ago in July 2022.',
    date: '2023-08-15',
    has: ['stp'],
    not: [],
  },
  {
    id: 'rk-004: the pathology networking plan is consolidation',
    title: 'Savings targets set for new pathology hubs',
    summary:
      'A network of acute trusts in Greater Manchester has been set the biggest savings target in the country under NHS Improvement’s national pathology networking plan.',
    date: '2017-09-15',
    has: ['mergers'],
    not: [],
  },
  {
    id: 'rk-007: pathology networking in England is consolidation',
    title:
      'NHS Improvement pathology networking in England: the state of the nation September 2018',
    summary:
      'Unprecedented improvement is underway for pathology services across England. The vast majority of NHS pathology services are now actively working in the new network configurations, and there will be full implementation across the country by the deadline of 2021.',
    date: '2018-09-01',
    has: ['mergers'],
    not: [],
  },
  {
    id: 'rk-008: the Secretary of State for Health and Social Care is not a social care story',
    title: 'Clinical Commissioning Groups: Debts',
    summary:
      'To ask the Secretary of State for Health and Social Care, what steps he plans to take to tackle financial deficits accumulated by CCGs.',
    date: '2021-07-01',
    has: [],
    not: ['social_care'],
  },
  {
    id: 'rk-072: the Department for Health and Social Care is not a social care story',
    title: 'Management of PPE contracts',
    summary:
      'In response to the COVID-19 pandemic, the Department for Health and Social Care (The Department) began an unprecedented programme of Personal Protective Equipment (PPE) procurement buying items such as gowns, gloves and masks.',
    date: '2022-07-20',
    has: [],
    not: ['social_care'],
  },
  {
    id: 'rk-081: the Health and Social Care Committee is not a social care story',
    title:
      'The government’s response to the Health and Social Care Committee’s expert panel evaluation: the government’s progress against its policy commitment in the area of mental health services in England',
    summary:
      'This is the government’s formal response to the Health and Social Care Committee’s expert panel ‘Evaluation of the government’s progress against its policy commitments in the area of mental health services in England’.',
    date: '2022-03-17',
    has: [],
    not: ['social_care'],
  },
];

describeRuleRows('round 12 rules (tuned on real-k.jsonl)', rows);
