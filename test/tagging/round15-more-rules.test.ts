// Round 15 of config/themes.yaml (tune15, issue 14), continued from round15-rules.test.ts (split
// for max-lines): real-o's rows (test/fixtures/tagging/real-o.jsonl) and the rows for the six
// extra themes from real-n (and rm-003, rm-006, rm-059 from real-m.jsonl, which the same rules
// fix). Every row failed with the round-14 rules (rules-before-real-n.yaml, byte for byte
// rules-before-real-o.yaml) and passes with round 15 (rules-before-real-p.yaml).
import { describeRuleRows, type RuleRow } from '../helpers/shipped-rule-rows.js';

const rows: RuleRow[] = [
  {
    id: "rn-034: staff transfers to a trust's company are workforce",
    title: 'NHS Trust facing backlash over staff transfers',
    summary:
      'An NHS trust is facing a backlash against plans to transfer more than 2,000 staff to a private company set up to run some of its services.',
    date: '2018-03-01',
    has: ['workforce'],
    not: [],
  },
  {
    id: 'rn-041: intensive care unit acquired weakness is not an acquisition',
    title:
      'Recovery and long term functional outcome in people with critical illness polyneuropathy and myopathy: a scoping review',
    summary:
      'Intensive care unit acquired weakness (ICUAW) embraces an array of disorders labeled \u201ccritical illness polyneuropathy\u201d (CIP), \u201ccritical illness myopathy\u201d (CIM) or \u201ccritical illness polyneuromyopathy\u201d (CIPNM).',
    date: '2022-02-11',
    has: [],
    not: ['mergers'],
  },
  {
    id: "rn-071: a US county's capital improvement projects in dollars are not NHS finance",
    title: 'CIP Roads & Bridge Projects',
    summary:
      'Capital Improvement projects have a project budget in excess of $100,000 and typically span several years from planning to completion.',
    date: '2021-01-01',
    has: [],
    not: ['finance'],
  },
  {
    id: "rn-072: a county's capital improvement program in dollars is not NHS finance",
    title: 'What is the CIP?',
    summary:
      "The Capital Improvement Program (CIP) is the county's annual financial plan for the construction of physical assets. The FY 2019 CIP totals $98.8 million.",
    date: '2018-07-01',
    has: [],
    not: ['finance'],
  },
  {
    id: "rn-073: a county's transportation capital improvement program is not NHS finance",
    title: '5-year Transportation Capital Improvement Program (CIP)',
    summary:
      'We are responsible for maintaining the integrity and safety of 1,400 miles of county roads and 180 bridges. The 5-Year Capital Improvement Program (CIP) includes projects scheduled to be constructed between 2019-2023.',
    date: '2019-01-01',
    has: [],
    not: ['finance'],
  },
  {
    id: "rn-074: local governments' capital improvement plans are not NHS finance",
    title: 'Annual Capital Improvement Plans (CIP)',
    summary:
      'Capital Improvement Plans (CIP) are a vital tool for asset management that enables local governments to effectively plan, finance, and implement the infrastructure projects necessary to serve community needs and long-term goals.',
    date: '2025-07-01',
    has: [],
    not: ['finance'],
  },
  {
    id: 'rn-075: a capital improvement plan is not NHS finance',
    title: 'Capital Improvement Plan 2023 \u2013 2028',
    summary:
      'We have assembled a comprehensive CIP that shows previously approved projects as well as new requests.',
    date: '2023-01-01',
    has: [],
    not: ['finance'],
  },
  {
    id: 'rm-003: a capital improvement program is not NHS finance',
    title: 'Capital Improvement Program',
    summary:
      'The Capital Improvements Program (CIP) provides a five-year plan of public physical improvements and major equipment expenditures.',
    date: '2017-07-01',
    has: [],
    not: ['finance'],
  },
  {
    id: "rm-006: a city's capital improvement plan is not NHS finance",
    title: 'Capital Improvement Plan',
    summary:
      'The CIP is intended to guide the City in the long-term planning, scheduling and budgeting of capital improvement projects.',
    date: '2024-01-01',
    has: [],
    not: ['finance'],
  },
  {
    id: 'rm-059: critical illness polyneuropathy, ICU-acquired, is not an acquisition',
    title: 'Critical Illness Polyneuropathy (CIP)',
    summary:
      'Critical Illness Polyneuropathy (CIP) is one of three classifications of Intensive care -unit acquired weakness (ICUAW), the others being Critical Illness Myopathy (CIM) and Critical Illness Neuromyopathy (CINM).',
    date: '2018-10-01',
    has: [],
    not: ['mergers'],
  },
  {
    id: 'ro-002: Indian sewerage treatment plants (STPs) are not the NHS plans',
    title: 'Hyd to add 25 STPs for treatment of about 3000 MLDs of sewage',
    summary:
      'The Municipal Administration department would be taking up 25 more sewerage treatment plants apart from 31 ongoing STPs to ensure treatment of 2,829 MLDs (million liters per day) of sewage with a cost of Rs 3,840 crore in the city.',
    date: '2023-07-30',
    has: [],
    not: ['stp'],
  },
  {
    id: 'ro-019: a Section 75 agreement between the NHS and a council is social care integration',
    title: 'Harrogate and Rural Alliance partnership arrangements 2024/25',
    summary:
      'To agree the extension of the Section 75 Agreement for the Harrogate and Rural Alliance within scope of the original contract, for a term of 12 months from 01/04/2024 to 31/03/2025.',
    date: '2024-03-01',
    has: ['social_care'],
    not: [],
  },
  {
    id: "ro-029: a vanguard under NHS England's 'Supporting new NHS care models' heading is a new care model",
    title: 'The Modality Partnership in Sandwell and West Birmingham',
    summary:
      "Part of Supporting new NHS care models. In 2009, the partners from two GP practices in West Birmingham merged to create Modality Partnership. Since then, the partnership has expanded to become one of England's largest super-practices.",
    date: '2016-09-01',
    has: ['mcp'],
    not: [],
  },
  {
    id: "ro-039: Vanguard the fund company's costs of investing are not a care model",
    title: "A Comprehensive Guide to Vanguard's Fee Structure: Demystifying the Costs of Investing",
    summary:
      "You've probably heard that keeping investment costs low is a key ingredient to long-term success. And when it comes to low costs, Vanguard is a name that always comes to mind. But how exactly does Vanguard charge fees?",
    date: '2025-05-01',
    has: [],
    not: ['mcp'],
  },
  {
    id: 'ro-046: a serial multi-chip package (MCP) is not a care model',
    title: 'Memory - Serial MCP (Multi Chip Package)',
    summary:
      'A serial multi-chip package (MCP) is a type of memory module that contains multiple memory chips that are interconnected using a serial interface.',
    date: '2023-06-01',
    has: [],
    not: ['mcp'],
  },
  {
    id: 'ro-047: a multi chip package (MCP) is not a care model',
    title: 'multi chip package (MCP)',
    summary:
      'Due to increasing miniaturization, several chips are often combined in one package. Such a combined arrangement is called a multi-chip package (MCP).',
    date: '2017-04-05',
    has: [],
    not: ['mcp'],
  },
  {
    id: "ro-055: a system's five year plan for health and care is the STP's plan",
    title:
      'More time to have your say on the Norfolk and Waveney five year plan for health and care',
    summary:
      "There's more time to have your say on a five year plan to shape health and social care in Norfolk and Waveney.",
    date: '2019-08-27',
    has: ['stp'],
    not: [],
  },
  {
    id: 'ro-064: a chief executive stepping down after regulatory action is regulation too',
    title: 'Hospital chief executive steps down after regulatory action',
    summary:
      'The chief executive of a large Midlands hospital trust has announced he is stepping down. Staff at Heart of England Foundation Trust were told today that chief executive Dr Mark Newbold was resigning.',
    date: '2014-11-01',
    has: ['regulation'],
    not: [],
  },
  {
    id: 'ro-067: a hospital chief who leaves his job is workforce',
    title: 'Hospitals chief leaves his job',
    summary:
      'Simon Wright, the chief executive of Shrewsbury and Telford Hospital NHS Trust (Sath), which runs both Royal Shrewsbury Hospital and Princess Royal Hospital Telford, is leaving to take up a job with Sustainability and Transformation Partnerships.',
    date: '2019-06-03',
    has: ['workforce'],
    not: [],
  },
  {
    id: 'ro-071: the battleship HMS Vanguard is not a care model',
    title: 'HMS Vanguard (1946)',
    summary:
      'HMS Vanguard was a unique battleship of the Royal Navy, built at the John Brown and Company shipyard in Clydebank, Scotland. She was the last British battleship to be built.',
    date: '2020-01-01',
    has: [],
    not: ['mcp'],
  },
  {
    id: 'ro-073: the 2023 enhanced health in care homes framework for GP networks alone is not a vanguard',
    title:
      'Providing proactive care for people living in care homes \u2013 Enhanced health in care homes framework',
    summary:
      'Version 3, November 2023. The Enhanced health in care homes (EHCH) framework is for primary care networks (PCNs) and providers and commissioners of community health and social care services.',
    date: '2023-11-28',
    has: [],
    not: ['mcp'],
  },
  {
    id: 'ro-074: the 2020 enhanced health in care homes GP service alone is not a vanguard',
    title: 'Enhanced Health in Care Homes service \u2013 a summary of the requirements',
    summary:
      'The bulk of the new Enhanced Health in Care Homes service begins next month. Pulse Intelligence provides an overview of the service and its key requirements.',
    date: '2020-09-01',
    has: [],
    not: ['mcp'],
  },
  {
    id: "ro-075: commissioners selecting a provider for Dudley's MCP is procurement",
    title: "Dudley CCG's MCP project",
    summary:
      'Part of Supporting new NHS care models. Since 2015, Dudley CCG has led work with local providers and other stakeholders to develop a new model for integrated primary, community and mental health services. It is currently commissioning the new service, with the aim of selecting a provider in April 2017.',
    date: '2016-09-01',
    has: ['procurement'],
    not: [],
  },
];

describeRuleRows(
  'round 15 rules (tuned on real-n.jsonl and real-o.jsonl): real-o and extra themes',
  rows,
);
