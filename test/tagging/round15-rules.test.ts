// Round 15 of config/themes.yaml (tune15, issue 14), tuned on the real-n and real-o batches (both
// held out against round 14). Each row is a real headline and standfirst, tagged with the shipped
// rules and organisations exactly as polling does, and every row failed with the round-14 rules
// (frozen as test/fixtures/tagging/rules-before-real-n.yaml and, byte for byte,
// rules-before-real-o.yaml, which the two batches were held out against; round 15 is frozen as
// rules-before-real-p.yaml for the next batch). This file: real-n's rows for the five evaluated
// themes (buying outside health, an ICB as a notice's buyer, procurement wording); the real-o
// rows and the extra-theme rows are in round15-more-rules.test.ts (max-lines).
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
];

describeRuleRows('round 15 rules (tuned on real-n.jsonl and real-o.jsonl): real-n', rows);
