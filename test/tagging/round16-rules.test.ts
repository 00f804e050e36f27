// Round 16 of config/themes.yaml (tune16, issue 14), tuned on the real-p and real-q batches (both
// held out against round 15). Each row is a real headline and standfirst, tagged with the shipped
// rules and organisations exactly as polling does, and every row failed with the round-15 rules
// (frozen as test/fixtures/tagging/rules-before-real-p.yaml and, byte for byte,
// rules-before-real-q.yaml, which the two batches were held out against; round 16 is frozen as
// rules-before-real-r.yaml for the next batch). rm-011 (real-m) is a carter miss the round also
// fixes; rd-130's trap (his Justice Committee evidence on sentencing) is pinned as not carter.
import { describeRuleRows, type RuleRow } from '../helpers/shipped-rule-rows.js';

const realP: RuleRow[] = [
  {
    id: "rp-008: Lord Carter of Coles' 2015 report named with laboratories only is Carter",
    title: 'The Carter Report: How laboratories should deal with steep objectives',
    summary:
      'The 2015 report by Lord Carter of Coles may well be a wake-up call to many laboratories, but there is light at the end of the tunnel.',
    date: '2016-03-11',
    has: ['carter'],
    not: [],
  },
  {
    id: 'rm-011: real-m: Lord Carter of Coles and laboratory medicine (a 2006 pathology-review piece) is Carter',
    title:
      'Lord Carter of Coles; who is he? Is he important for Laboratory Medicine also in Italy?',
    summary:
      'Patrick Robert Carter, Baron Carter of Coles, was born in 1946 and set up in 1985 Westminster Heath Clinic which is today an important health institution in UK.',
    date: '2006-12-01',
    has: ['carter'],
    not: [],
  },
  {
    id: "rp-027: an academy (school) trust's DfE Covid cash is not the NHS regime",
    title: 'Trust blames not balancing books on lack of DfE Covid cash',
    summary:
      "An expert said standalone academies faced particular challenges, but Covid boosted rather than worsened many schools' finances",
    date: '2022-08-09',
    has: [],
    not: ['covid_cip'],
  },
  {
    id: "rp-032: a council's resurfacing framework is not NHS procurement",
    title: 'Surface work for roads',
    summary:
      "Hertfordshire County Council (the 'Council') is currently out to procurement for the provision of a structural maintenance and resurfacing treatments framework.",
    date: '2020-03-26',
    has: [],
    not: ['procurement'],
  },
  {
    id: "rp-035: a district council's roading maintenance contract is not NHS procurement",
    title: 'Council Tenders Roading Maintenance Contract',
    summary:
      'Council ran a procurement process for a roading maintenance contractor earlier this year which resulted in all tenders being declined due to budgetary constraints.',
    date: '2022-07-14',
    has: [],
    not: ['procurement'],
  },
  {
    id: "rp-036: a council's carriageway and footway contracts are not NHS procurement",
    title: 'Commencement of the procurement process - contracts A1.1, A1.2, A1.3, and A2',
    summary:
      'To approve contract awards for 4 contracts listed below to enable the Council to carry out essential highway maintenance of existing carriageway and footway surfaces.',
    date: '2025-03-11',
    has: [],
    not: ['procurement'],
  },
  {
    id: "rp-037: a council's carriageways and footways framework is not NHS procurement",
    title: 'Framework Contract for Maintenance & Improvements of Carriageways and Footways',
    summary:
      'Renfrewshire Council wishes to establish a Framework Contract for Maintenance & Improvements of Carriageways and Footways with a number of suitably qualified and experienced Suppliers.',
    date: '2020-12-10',
    has: [],
    not: ['procurement'],
  },
  {
    id: 'rp-039: the NHS partnership with the independent hospital sector is procurement',
    title: 'IHPN statement on the Covid-19 partnership with the NHS',
    summary:
      'In March 2020, as Covid-19 first took hold in the UK, NHS England announced a historic partnership with the independent hospital sector. This meant that almost 30 independent hospital groups made their entire capacity (staff, estate, and equipment) available to the NHS on an at-cost basis.',
    date: '2021-10-08',
    has: ['procurement'],
    not: [],
  },
  {
    id: 'rp-040: a private sector deal for Covid surge capacity is procurement',
    title: 'Sajid Javid directs private sector deal for Covid surge capacity',
    summary:
      'NHS England has announced a new deal that will enable hospitals to quickly activate surge capacity in the independent sector as part of the national COVID-19 response.',
    date: '2022-01-10',
    has: ['procurement'],
    not: [],
  },
  {
    id: 'rp-084: a deal governing activity in independent sector providers is procurement',
    title: 'IS deal includes minimum income guarantee',
    summary:
      'The deal governs NHS-commissioned activity in 10 independent sector providers (ISPs) until the end of 2021/22. It also offers a surge safety net for the health service.',
    date: '2022-01-13',
    has: ['procurement'],
    not: [],
  },
];

const realQ: RuleRow[] = [
  {
    id: 'rd-130: Lord Carter of Coles giving evidence on sentencing stays out of carter (trap)',
    title: 'Towards effective sentencing: oral evidence',
    summary:
      'Uncorrected transcript of oral evidence taken before the Justice Committee: Lord Carter of Coles, Anne Owers, Andrew Bridges, Paul Tidball and Juliet Lyon.',
    date: '2007-12-12',
    has: [],
    not: ['carter'],
  },
  {
    id: 'rq-018: Surrey Heartlands named alone, as a partnership, is the STP',
    title: "The scale of Surrey Heartland's ambition",
    summary:
      'Director of transformation Sarah Parker and executive director of public health Helen Atkinson discuss the challenges Surrey Heartlands has faced as a partnership, and their role in supporting the whole system in its successful journey towards devolved health and social care.',
    date: '2018-12-01',
    has: ['stp'],
    not: [],
  },
  {
    id: "rq-019: Surrey Heartlands' devolution deal is the STP's",
    title: 'Surrey Heartlands in GM-style health devo deal',
    summary: 'A Greater Manchester-style devolution deal has been struck in Surrey Heartlands.',
    date: '2017-06-16',
    has: ['stp'],
    not: [],
  },
  {
    id: "rq-021: the ICB's joint forward plan is the system's own plan",
    title: 'Surrey Heartlands Joint Forward Plan 2023 to 2028',
    summary:
      'The Joint Forward Plan sets out how our local NHS, partner local authorities, voluntary, community and social enterprise (VCSE) sector, our Places and Neighbourhoods will deliver the ICS strategy and NHS Long Term Plan commitments for our local population over the next five years.',
    date: '2024-03-01',
    has: ['stp'],
    not: [],
  },
  {
    id: "rq-023: Surrey Heartlands' 10-year plan across Surrey is the STP's",
    title: 'NHS Long Term Plan and our 10 year Surrey plan',
    summary:
      'Following the release earlier this month of the new NHS Long Term Plan, Surrey Heartlands is working with other public sector partners to develop a 10-year strategic plan across Surrey.',
    date: '2019-01-20',
    has: ['stp'],
    not: [],
  },
  {
    id: 'rq-024: Surrey Heartlands named in the headline of a health and social care plan page is the STP',
    title: 'Surrey Heartlands - the next five years of Health and Social Care in Elmbridge',
    summary:
      "What's happening to health and social care in our area? Quite a lot actually! The NHS has launched a programme to improve joined up working across health and social care services and is seeking to improve community provision for vulnerable groups.",
    date: '2016-10-01',
    has: ['stp'],
    not: [],
  },
  {
    id: 'rq-026: Our Healthier South East London (the STP, by its gazetteer name) is the theme',
    title: 'Our Healthier South East London pandemic recovery plan published',
    summary:
      'The Our Heathier South East London pandemic recovery plan builds from, reflects and is consistent with the integrated borough recovery plans agreed as a south east London partnership in September 2020.',
    date: '2020-10-01',
    has: ['stp'],
    not: [],
  },
  {
    id: 'rq-036: the Lancashire and South Cumbria Health and Care Partnership (a gazetteer STP name) is the theme',
    title:
      'Case for Change (published July 2021) Section 5: Lancashire and South Cumbria Health and Care Partnership',
    summary:
      "Lancashire and South Cumbria Health and Care Partnership (our region's integrated care system) is committed to improving health and wellbeing and delivering better care for all.",
    date: '2021-07-01',
    has: ['stp'],
    not: [],
  },
  {
    id: "rq-077: India's sewage-management STPs under AMRUT are not the NHS plans",
    title: '39 new STPs under AMRUT to commence in August',
    summary:
      'These along with the 31 STPs, at various stages of completion, would help make Hyderabad most effective in sewage management, say officials',
    date: '2024-06-16',
    has: [],
    not: ['stp'],
  },
];

describeRuleRows('round 16 rules (tuned on real-p.jsonl and real-q.jsonl): real-p', realP);
describeRuleRows('round 16 rules (tuned on real-p.jsonl and real-q.jsonl): real-q', realQ);
