// Round 18 of config/themes.yaml (tune18, issue 14), tuned on the real-t and real-u batches (both
// held out against round 17). Each row is a real headline and standfirst, tagged with the shipped
// rules and organisations exactly as polling does, and every row failed with the round-17 rules
// (frozen as test/fixtures/tagging/rules-before-real-t.yaml and, byte for byte,
// rules-before-real-u.yaml, which the two batches were held out against; round 18 is frozen as
// rules-before-real-v.yaml for the next batch). ra-025 (real-a) is an mcp miss the round also
// fixes (the voluntary contract).
import { describeRuleRows, type RuleRow } from '../helpers/shipped-rule-rows.js';

const realT: RuleRow[] = [
  {
    id: 'rt-049: the 44 footprints\' plans named by number ("44 regional blueprints") are stp',
    title: 'The cuts and changes planned for your local NHS',
    summary:
      'As part of the Johnston Press investigation into the future of the health service, 44 regional blueprints drawn up by health service leaders to remodel the NHS in England have been analysed.',
    date: '2017-03-01',
    has: ['stp'],
    not: [],
  },
  {
    id: 'rt-075: a second "STP" is not the first one\'s NHS context (shielded twisted pair cable)',
    title: 'UTP vs STP Cables: Shielded and Unshielded Twisted Pair',
    summary:
      'Twisted pair cables consist of two insulated wires twisted together. This twisting reduces electromagnetic interference and crosstalk between the cables. There are two main types: unshielded (UTP) and shielded (STP).',
    date: '2024-01-01',
    has: [],
    not: ['stp'],
  },
  {
    id: 'rt-086: a second "STPs" is not the first one\'s NHS context (apartment sewage plants)',
    title: "Why STPs for older apartments won't work in Bengaluru",
    summary:
      'Apartment dwellers do not want to hinder the efforts to save lakes. However retrospective STPs are not going to work, say apartment owners.',
    date: '2017-06-15',
    has: [],
    not: ['stp'],
  },
  {
    id: 'rt-055: a second "MCP" is not the first one\'s new-care-models context (a protocol tutorial)',
    title: "MCP Isn't Hard, Here's the Easiest Beginner-Friendly MCP MASTERCLASS EVER (PART 2)",
    summary: 'Understanding MCP: Architecture, Components, and Practical Implementation',
    date: '2025-06-01',
    has: [],
    not: ['mcp'],
  },
  {
    id: "rt-021: the voluntary GP contract is the MCP contract's first name",
    title: 'Practices invited to bid for \u00a35bn voluntary GP contract',
    summary:
      'GPs and other healthcare providers have been invited by NHS Dudley CCG to bid for the first voluntary GP contract that has been put out to tender.',
    date: '2017-06-13',
    has: ['mcp', 'procurement'],
    not: [],
  },
];

const realU: RuleRow[] = [
  {
    id: 'ru-083: Lord Patrick Carter is Lord Carter',
    title: 'IBMS commissions UK-wide review of pathology',
    summary:
      'The Institute of Biomedical Science (IBMS) has announced that it has commissioned Lord Patrick Carter to lead an independent UK-wide review of pathology services to benchmark today\u2019s services and workforce to guide tomorrow\u2019s decisions.',
    date: '2025-09-15',
    has: ['carter'],
    not: [],
  },
  {
    id: 'ru-029: a new integrated care board in a headline is the system itself',
    title: 'Q and A: new integrated care board',
    summary:
      "You almost certainly didn't notice it, but this week saw one of the biggest shake-ups in the history of our local healthcare system. DAVID HANNANT explains what happened, why it matters and what it means for you",
    date: '2022-07-02',
    has: ['stp'],
    not: [],
  },
  {
    id: 'ru-020: a GP contract tendered by a CCG is a practice contract, not the national one',
    title: 'US-owned GP and community health company bids for bargain basement GP contract',
    summary:
      'Operose Health, a US-owned company previously named Centene UK that is headed up by two former NHS England bosses, is bidding for a bargain basement GP contract tendered by Nottingham and Nottinghamshire Clinical Commissioning Group.',
    date: '2020-12-16',
    has: ['procurement'],
    not: [],
  },
  {
    id: "ru-023: GP contracts (plural) terminated are practices' contracts, not the national one",
    title: 'Operose GP contracts terminated in North Central London',
    summary:
      'In 2021, the North Central London Clinical Commissioning Group (CCG) gave permission for eight GP contracts to pass from AT Medics to Operose Health, the UK operation of the giant US Centene.',
    date: '2024-09-04',
    has: ['procurement'],
    not: [],
  },
  {
    id: 'ru-051: PPE told with a sterling sum (written off) is procurement',
    title: "\u00a315bn written off on PPE and Covid drugs that can't be used",
    summary:
      'Ministers have written off almost \u00a315 billion spent on PPE, drugs and coronavirus testing equipment during the pandemic that will now never be used.',
    date: '2023-01-27',
    has: ['procurement'],
    not: [],
  },
  {
    id: 'ru-052: PPE told with a sterling sum (written off) is procurement',
    title: 'DHSC writes off almost \u00a310bn of PPE',
    summary: 'Government\u2019s \u00a313.6bn spend on PPE now worth \u00a33.7bn',
    date: '2024-01-26',
    has: ['procurement'],
    not: [],
  },
  {
    id: 'ru-053: PPE told with a sterling sum (losses) is procurement',
    title: 'Covid: Government discloses \u00a38.7 billion of losses on PPE',
    summary:
      'Buried on page 199 of the Department of Health and Social Care\u2019s annual report published yesterday is the shocking disclosure that it has incurred \u00a38.7 billion of losses - \u00a38.7 billion! - on \u00a312.1 billion of Personal Protective Equipment (PPE) bought in 2020/21.',
    date: '2022-02-01',
    has: ['procurement'],
    not: [],
  },
];

const earlier: RuleRow[] = [
  {
    id: 'ra-025: the voluntary contract with NHS Dudley CCG is the MCP contract',
    title: 'Voluntary contract bidders advance to next stage of procurement',
    summary:
      'Four trusts have partnered with GPs to enter the final stages of signing the first voluntary contract with NHS Dudley CCG.',
    date: '2017-08-15',
    has: ['mcp'],
    not: [],
  },
];

describeRuleRows('round 18 rules: real-t (held out against round 17)', realT);
describeRuleRows('round 18 rules: real-u (held out against round 17)', realU);
describeRuleRows('round 18 rules: earlier batches', earlier);
