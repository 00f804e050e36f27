// Round 14 of config/themes.yaml (tune14, issue 14), tuned on the real-m batch (held out against
// round 13): each row is a real headline and standfirst from test/fixtures/tagging/real-m.jsonl
// (and rd-117 from real-d.jsonl, which the same rule fixes), tagged with the shipped rules and
// organisations exactly as polling does. Every row failed with the round-13 rules (frozen as
// test/fixtures/tagging/rules-before-real-m.yaml, which real-m was held out against; round 14 is
// frozen as rules-before-real-n.yaml for the next batch).
import { describeRuleRows, type RuleRow } from '../helpers/shipped-rule-rows.js';

const rows: RuleRow[] = [
  {
    id: 'rm-022: a vanguard named by its place and "NHS pilot programme"',
    title: 'Erewash gets \u00a32m NHS boost for wellbeing partnership',
    summary:
      'An NHS pilot programme to promote wellbeing across Erewash has been given a new lease of life with a funding injection of more than \u00a32million.',
    date: '2017-01-22',
    has: ['mcp'],
    not: [],
  },
  {
    id: 'rm-052: a vanguard named by its place and "transformation programme"',
    title: '\u00a34.8m of new funding for Sunderland Transformation of health and care services',
    summary:
      'SUNDERLAND transformation programme that is changing the way health and social care is delivered has again received a vote of confidence from NHS England bosses with \u00a34.8million funding for 2017/18.',
    date: '2017-01-09',
    has: ['mcp'],
    not: [],
  },
  {
    id: 'rm-073: an integrated care organisation in a vanguard place is its ICO',
    title: 'City\u2019s health and social care boost as scope of service improvement outlined',
    summary:
      'SALFORD City Council today made a further historic commitment to improving health and social care in the city with the Cabinet expected to approve a range of adult social functions identified as forming part of a proposed Integrated Care Organisation (ICO).',
    date: '2015-04-01',
    has: ['mcp'],
    not: [],
  },
  {
    id: "rd-117: a vanguard place's CCG page on its transformation programmes",
    title: 'Transformation programmes',
    summary:
      'We know that the number of people living in Tower Hamlets is growing rapidly, and demand for services is increasing.',
    date: '2017-01-01',
    has: ['mcp'],
    not: [],
  },
  {
    id: 'rm-090: a Claude tutorial on the Model Context Protocol is not a care model',
    title: 'Claude AI Tutorial: MCP',
    summary:
      'Tool use lets Claude call functions you define in your API request. MCP goes further \u2014 it lets Claude connect to external servers that provide tools, data, and prompts.',
    date: '2025-09-01',
    has: [],
    not: ['mcp'],
  },
  {
    id: "rm-004: a US city's capital improvement programme is not a cost improvement plan",
    title: 'Capital Improvements Program (CIP) Budget',
    summary:
      'The Capital Improvement Program (CIP) Budget includes all the Capital Improvement Projects for the current year and the five fiscal years following.',
    date: '2020-03-15',
    has: [],
    not: ['covid_cip'],
  },
  {
    id: "rm-091: a council's own Covid financial recovery plan is council finance",
    title: 'Covid-19 2020/21 Financial Recovery plan',
    summary:
      'RESOLVED (unanimously) that the Cabinet agreed to note the Covid-19 financial impact on the Council\u2019s revenue budget, to note the planned commitments and utilisation of the \u00a310m Covid-19 grant, and to support and approve the 2020/21 revenue budget financial recovery plans.',
    date: '2020-07-02',
    has: ['finance'],
    not: ['covid_cip'],
  },
  {
    id: 'rm-094: tender, bleeding gums are not a tender',
    title: 'What You Need to Know about Tender, Bleeding Gums',
    summary:
      'Healthy gums are usually smooth and firm. They should not bleed when brushed. Reddened, tender, swollen gums indicate a dental problem.',
    date: '2023-01-01',
    has: [],
    not: ['procurement'],
  },
  {
    id: 'rm-078: contracting services out to an external partner is outsourcing',
    title: 'Future provision of soft facilities services at ESNEFT',
    summary:
      'East Suffolk and North Essex NHS Foundation Trust Board has decided to contract all soft facilities management services to an external partner, moving to a single, consistent approach across all its sites.',
    date: '2019-12-10',
    has: ['procurement'],
    not: [],
  },
];

describeRuleRows('round 14 rules (tuned on real-m.jsonl)', rows);
