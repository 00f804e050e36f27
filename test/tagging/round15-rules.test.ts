// Round 15 of config/themes.yaml (tune15, issue 14), tuned on the real-n and real-o batches (both
// held out against round 14): each row is a real headline and standfirst from
// test/fixtures/tagging/real-n.jsonl or real-o.jsonl (and rm-003, rm-006 and rm-059 from
// real-m.jsonl, which the same rules fix), tagged with the shipped rules and organisations exactly
// as polling does. Every row failed with the round-14 rules (frozen as
// test/fixtures/tagging/rules-before-real-n.yaml and, byte for byte, rules-before-real-o.yaml,
// which the two batches were held out against; round 15 is frozen as rules-before-real-p.yaml
// for the next batch).
import { describeRuleRows, type RuleRow } from '../helpers/shipped-rule-rows.js';

const rows: RuleRow[] = [
  {
    id: "rn-014: a university president's contract extended by the trustees is employment, not buying",
    title: "Francis Marion University trustees extend Fred Carter's contract",
    summary:
      'Dr. Fred Carter has served as Francis Marion University\u2019s president, and been the face of the growing University, for 20 years. The FMU Board of Trustees is making sure he\u2019ll be around for a few more.',
    date: '2019-11-14',
    has: [],
    not: ['procurement'],
  },
  {
    id: "rn-015: the same president's contract extension in the university's own words",
    title: 'FMU Trustees extend Carter\u2019s contract to 2023',
    summary:
      'Francis Marion University\u2019s Board of Trustees extended University President Dr. Fred Carter\u2019s contract for three additional years at its regularly scheduled meeting Thursday on campus.',
    date: '2018-08-02',
    has: [],
    not: ['procurement'],
  },
  {
    id: "rn-017: a council's waste haulage tender is not NHS procurement",
    title: 'THE PROVISION OF WASTE HAULAGE SERVICES 2025',
    summary:
      'The Highland Council has initiated a tender process titled "THE PROVISION OF WASTE HAULAGE SERVICES 2025" under the industry category of General Public Services.',
    date: '2025-10-15',
    has: [],
    not: ['procurement'],
  },
  {
    id: "rn-018: a council's street sweeping waste contract is not NHS procurement",
    title: 'Contract for the provision of a treatment service for street sweeping waste',
    summary:
      'Staffordshire County Council has concluded the procurement process for a contract titled "Contract for the provision of a treatment service for street sweeping waste".',
    date: '2026-02-03',
    has: [],
    not: ['procurement'],
  },
  {
    id: "rn-019: a council's highway waste disposal service is not NHS procurement",
    title: 'Highway Waste Delivered to Disposal Site Service 2025-2029',
    summary:
      'The procurement process for the "Highway Waste Delivered to Disposal Site Service 2025-2029" was undertaken by Westmorland and Furness Council, a regional authority in Kendal, UK.',
    date: '2025-05-30',
    has: [],
    not: ['procurement'],
  },
  {
    id: "rn-020: a council's kerbside recycling contract is not NHS procurement",
    title: 'Kerbside Recycling',
    summary:
      'The public procurement process for the "Kerbside Recycling" contract is facilitated by Rotherham Borough Council, a sub-central government public authority in the UK.',
    date: '2026-05-29',
    has: [],
    not: ['procurement'],
  },
  {
    id: 'rn-021: a council procuring a waste transfer station is not NHS procurement',
    title: 'Approval to procure Waste Transfer Site',
    summary:
      'Mayor and Cabinet approved the procurement and award of a combined contract of an external provider to deliver the waste transfer station service with an estimated total value of \u00a31.1 million.',
    date: '2025-12-03',
    has: [],
    not: ['procurement'],
  },
  {
    id: 'rn-023: framework contracts used in commissioning NHS services are procurement',
    title: 'Framework Contracts: examples & issues',
    summary:
      'Framework contracts have been used for a number of years in the commissioning of services for the NHS. The major issue with framework contracts is the decrease in transparency.',
    date: '2023-06-01',
    has: ['procurement'],
    not: [],
  },
  {
    id: 'rn-026: a written question on defence procurement is not NHS procurement',
    title: 'Defence: Procurement',
    summary:
      'To ask the Secretary of State for Defence, pursuant to the Answer of 27 November 2025 to Question 93964 on Defence: Contracts, what the 177 contracts valued between \u00a3100 million and \u00a3500 million are for.',
    date: '2025-12-17',
    has: [],
    not: ['procurement'],
  },
  {
    id: 'rn-028: guidance on defence and security contracts is not NHS procurement',
    title: 'Guidance - Defence and Security Contracts (HTML)',
    summary:
      'Are defence and security contracts treated differently from other contracts in the Procurement Act 2023?',
    date: '2024-05-24',
    has: [],
    not: ['procurement'],
  },
  {
    id: 'rn-029: defence procurement awards are not NHS procurement',
    title: 'DE&S success recognised at Minister Defence Procurement Acquisition Awards',
    summary:
      'The annual Minister Defence Procurement (Min DP) Acquisition Awards recognises teams from across defence for their exceptional performance, innovation, effort and commitment in the field of acquisition.',
    date: '2021-04-29',
    has: [],
    not: ['procurement'],
  },
  {
    id: 'rn-031: defence contracts awarded are not NHS procurement',
    title: 'BIP Solutions Market Update: Defence',
    summary:
      'Figures from BIP Solutions\u2019 Market Update have revealed that the number of defence contracts awarded continues to increase.',
    date: '2020-06-29',
    has: [],
    not: ['procurement'],
  },
  {
    id: 'rn-032: trusts outsourcing their own staff to arms-length companies is workforce, not buying',
    title: 'NHS trusts are spending millions outsourcing staff to private companies, says UNISON',
    summary:
      'An FOI request reveals the amount spent by NHS trusts on consultants. NHS trusts across England are spending millions of pounds outsourcing staff to new arms-length private companies, says UNISON today (Monday).',
    date: '2018-04-16',
    has: ['workforce'],
    not: ['procurement'],
  },
  {
    id: 'rn-033: trusts setting up private companies for their staff is workforce, not buying',
    title: 'Trusts set up private companies to save vital staff.',
    summary:
      'Dozens of NHS hospital trusts across England are looking at (or already have) set up private companies in which to transfer swathes of vital NHS staff and assets.',
    date: '2018-02-26',
    has: ['workforce'],
    not: ['procurement'],
  },
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
    id: 'rn-039: a trust seeking qualified suppliers for the provision of services is procurement',
    title:
      'Soft Facilities Management Services for London North West University Healthcare NHS Trust',
    summary:
      'London North West University Healthcare NHS Trust is seeking qualified suppliers for the provision of Soft Facilities Management Services.',
    date: '2024-11-22',
    has: ['procurement'],
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
    id: "rn-042: an ICB's procurement notice naming the system as buyer is not stp",
    title:
      "Adults Community Services and Children's Community Services to the Bath and North East Somerset, Swindon, Wiltshire and Somerset Integrated Care System",
    summary:
      "NHS Bath and North East Somerset, Swindon and Wiltshire Integrated Care Board (BSW ICB) is initiating a procurement process for Adults and Children's Community Services within the Bath and North East Somerset, Swindon, Wiltshire, and Somerset integrated care system.",
    date: '2024-11-08',
    has: [],
    not: ['stp'],
  },
  {
    id: "rn-043: an ICB's intention to award after a formal procurement process is not stp",
    title:
      'NHS Herefordshire and Worcestershire Integrated Care Board (ICB) early intervention and preventative emotional wellbeing and mental health services for Children and Young People (CYP) age 0 to 25 years',
    summary:
      'Following Market Engagement and a formal procurement process, NHS Midlands and Lancashire Commissioning Support Procurement Unit is issuing this Intention to Award Contract Notice on behalf of NHS Herefordshire and Worcestershire Integrated Care Board (ICB).',
    date: '2025-01-15',
    has: [],
    not: ['stp'],
  },
  {
    id: "rn-047: the Government's eProcurement Strategy (one word) is procurement",
    title:
      'NHS to save \u00a31.5bn using supermarket technologies, according to eProcurement strategy released by Government today',
    summary:
      'GS1 UK welcomes the publication today of the Government\u2019s eProcurement Strategy, which underlines the fundamental requirement for GS1 standards in smarter NHS procurement.',
    date: '2014-05-07',
    has: ['procurement'],
    not: [],
  },
  {
    id: 'rn-049: NHS efficiency through GS1 standards is procurement',
    title: 'Increasing NHS efficiency using GS1 standards',
    summary:
      'Sir David Nicholson has written this week to all NHS Trust CEOs, Foundation Trust CEOs, NHS Trust Board Chairs, Directors of Finance, and Procurement Directors.',
    date: '2012-05-01',
    has: ['procurement'],
    not: [],
  },
  {
    id: 'rn-050: GS1 demonstrator sites are procurement',
    title: 'GS1 demonstrator sites announced',
    summary:
      'Six NHS hospital trusts have been named as demonstrator sites for the use of GS1 barcoding standards and will share \u00a312 million in funding from the Department of Health.',
    date: '2016-01-20',
    has: ['procurement'],
    not: [],
  },
  {
    id: 'rn-069: removing a provider before the expiry of a contract is procurement',
    title: 'NHS Contracts',
    summary:
      'To ask the Secretary of State for Health and Social Care, what mechanisms are available to remove an underperforming commissioned service provider before the expiry of a contract.',
    date: '2024-10-01',
    has: ['procurement'],
    not: [],
  },
  {
    id: 'rn-070: contract failures in community services are procurement',
    title: 'Contract Failures in Community Services',
    summary:
      'Contracts in the area of community healthcare can be very complicated, involving many different organisations and different areas of care. The contracts can fail on many levels.',
    date: '2021-06-01',
    has: ['procurement'],
    not: [],
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
    id: 'rn-080: a share tender offer is not a tender',
    title: 'What is a Tender Offer?',
    summary:
      'A tender offer is an offer by the issuing company or an outside investor to purchase at least 5% of the company\u2019s shares from current shareholders.',
    date: '2022-01-01',
    has: [],
    not: ['procurement'],
  },
  {
    id: 'rn-081: a tender offer to shareholders is not a tender',
    title: 'Tender Offer',
    summary:
      'A tender offer to the company\u2019s shareholders may be made by the would-be buyer. A tender offer is an offer to purchase a controlling share of the target\u2019s shares at a predetermined price.',
    date: '2022-06-01',
    has: [],
    not: ['procurement'],
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

describeRuleRows('round 15 rules (tuned on real-n.jsonl and real-o.jsonl)', rows);
