// Round 11 of config/themes.yaml (tune11, issue 14), tuned on the real-j batch (held out against
// round 10): each row is a real headline and standfirst from test/fixtures/tagging/real-j.jsonl,
// tagged with the shipped rules and organisations exactly as polling does. Every row failed with the
// round-10 rules (frozen as test/fixtures/tagging/rules-before-real-j.yaml, which real-j was held out
// against; round 11 is frozen as rules-before-real-k.yaml for the next batch).
import { describeRuleRows, type RuleRow } from '../helpers/shipped-rule-rows.js';

const rows: RuleRow[] = [
  {
    id: 'rj-003: US all-payer ACO model slides are not the NHS care model',
    title: 'Vermont: Accountable Care Organizations and the VT All-Payer ACO Model Agreement',
    summary:
      'Vermont House Committee on Health Care, February 8, 2018: Green Mountain Care Board and Department of Vermont Health Access',
    date: '2018-02-08',
    has: [],
    not: ['mcp'],
  },
  {
    id: 'rj-073: a \'vanguard\' site selected by NHS England outweighs the "at the vanguard of" idiom',
    title: 'At the vanguard of improving care in care homes',
    summary:
      "Nottingham City, one of six areas in the country selected by NHS England as a 'vanguard' site to develop a new model of enhanced healthcare in care homes, describes its ambitious vision for an outcomes-based model which is fit for the future.",
    date: '2015-06-01',
    has: ['mcp'],
    not: [],
  },
  {
    id: 'rj-032: a quoted "orderly withdrawal" from a hospital management contract',
    title:
      'Hinchingbrooke NHS hospital management contract "no longer sustainable", says private sector operator',
    summary:
      'The healthcare firm that became the first private sector operator of an NHS hospital is seeking an "orderly withdrawal" from its 10 year contract, saying that the arrangement is "no longer sustainable under current terms".',
    date: '2015-01-09',
    has: ['procurement'],
    not: [],
  },
  {
    id: 'rj-070: a won facilities contract mobilised',
    title: 'ISS mobilises at Homerton',
    summary:
      'ISS Facility Services has successfully mobilised the new Facility Management Services contract at Homerton University Hospital NHS Foundation Trust in east London.',
    date: '2015-10-16',
    has: ['procurement'],
    not: [],
  },
  {
    id: "rj-079: a council's own 2020/21 budget with Covid grant money is council finance",
    title: "The Council's Financial Position 2020/21 as at 30 June 2020",
    summary:
      'This report outlines the forecast financial position of the council at the end of 2020/21. Note the announcement of \u00a316.150m in grant funding to support the Council with the additional costs and pressure of COVID-19.',
    date: '2020-07-29',
    has: ['finance'],
    not: ['covid_cip'],
  },
  {
    id: 'rj-027: Vanguard mutual fund fees are personal investing, not finance',
    title: "Vanguard Cuts Fees for World's Largest Stock Funds, 80 Other Investments",
    summary:
      'The mutual fund company best known for low costs has reduced fees for some of its largest and best known funds.',
    date: '2018-01-01',
    has: [],
    not: ['finance'],
  },
  {
    id: 'rj-030: mutual fund expense ratios are personal investing, not finance',
    title: 'Fund expense ratio changes reported in May 2013',
    summary:
      'In May 2013, updated prospectuses for certain Vanguard mutual funds reported expense ratio changes. Other funds reported no changes.',
    date: '2013-05-30',
    has: [],
    not: ['finance'],
  },
];

describeRuleRows('round 11 rules (tuned on real-j.jsonl)', rows);
