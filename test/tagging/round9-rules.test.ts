// Round 9 of config/themes.yaml (evalh, issue 14), tuned on the held-out real-h batch: each row
// is a real headline and standfirst from test/fixtures/tagging/real-h.jsonl, tagged with the
// shipped rules and organisations exactly as polling does. Every row failed with the round-8 rules
// (frozen as test/fixtures/tagging/rules-before-real-h.yaml; round 9 as rules-before-real-i.yaml).
import { describeRuleRows, type RuleRow } from '../helpers/shipped-rule-rows.js';

const rows: RuleRow[] = [
  {
    id: 'rh-011: an ICB buying patient transport: a tender, not the system',
    title: 'Dorset ICB - Non-Emergency Patient Transport Services',
    summary:
      'Dorset Integrated Care Board (Dorset ICB) were seeking the provision of Non-Emergency Patient Transport Services for three categories which were procured as three separate Lots within a single process.',
    date: '2023-04-01',
    has: ['procurement'],
    not: ['stp'],
  },
  {
    id: "rh-128: Carter's procurement metrics are procurement too",
    title: 'Exclusive: Trusts missing key Carter targets',
    summary:
      'Most acute trusts failing to hit all three procurement efficiency standards. Handful of trusts complying with the three targets set out in the Carter Review. Lord Carter says trusts must "up their game"',
    date: '2018-02-01',
    has: ['carter', 'procurement'],
    not: [],
  },
  {
    id: 'rh-053: a sum before "contract" is what the contract is worth',
    title: "UK reconsiders Palantir's £330m NHS data deal as February break clause approaches",
    summary:
      'The UK government has ordered a formal review of its £330 million Palantir NHS contract, a software deal that runs through the Federated Data Platform (FDP), the data layer NHS England uses to coordinate elective care and other services.',
    date: '2026-01-01',
    has: ['procurement'],
    not: [],
  },
  {
    id: 'rh-004: a funding deal is not a contract award',
    title: 'Stockport transformation funding deal',
    summary:
      'Senior health and social care leaders came together in Stockport to sign a historic £16 million deal which will be used to fund health and social care transformation plans set out by Stockport Together.',
    date: '2017-01-01',
    has: ['mcp'],
    not: ['procurement'],
  },
  {
    id: "rh-097: a fund's winners and losers are not bidders",
    title: 'Revealed: biggest winners and losers from £1.8bn national fund',
    summary:
      'Two large teaching trusts have been awarded almost £60m of extra central funding after bettering their financial targets.',
    date: '2017-07-01',
    has: [],
    not: ['procurement'],
  },
  {
    id: 'rh-069: Bassetlaw leaving the South Yorkshire ICS: NHS boundary changes',
    title:
      'South Yorkshire Mayor slams NHS boundary changes: "This decision must not come at a cost for patients"',
    summary:
      'South Yorkshire\'s mayor has slammed NHS boundary changes, branding the reorganisation "unnecessary".',
    date: '2021-07-23',
    has: ['stp'],
    not: [],
  },
  {
    id: "rh-017: Sunderland's vanguard named by its programme",
    title: "John's right at home with All Together Better",
    summary:
      "Sunderland's innovative All Together Better programme is enabling some of the poorliest people in the city to be cared for at home, rather than in hospital.",
    date: '2016-03-10',
    has: ['mcp'],
    not: [],
  },
  {
    id: "rh-015: Morecambe Bay's vanguard named by its programme",
    title: 'Why Change Is Needed',
    summary:
      'Better Care Together was set up in 2013 after a number of problems arose within local services.',
    date: '2017-01-01',
    has: ['mcp'],
    not: [],
  },
  {
    id: 'rh-088: a 2021 imaging network is not a new care model',
    title: 'EMRAD confirmed as the imaging network for the East Midlands',
    summary:
      'NHS England and Improvement recently set out plans to develop and implement collaborative imaging (radiology) networks on a national basis across England, the aim being, to improve the quality of patient care.',
    date: '2021-06-01',
    has: [],
    not: ['mcp'],
  },
  {
    id: 'rh-043: Covid debts written off are finance, not the regime',
    title: 'Latest Coronavirus News',
    summary:
      'No further Covid-19 deaths have been reported in West Lancashire today. Southport and Ormskirk Hospital NHS Trust has had its debts of £130,542,000 written off.',
    date: '2020-04-13',
    has: [],
    not: ['covid_cip'],
  },
  {
    id: 'rh-096: Welsh Covid funding is not the English regime',
    title:
      'Continued COVID-19 response alongside growing patient demand keeps NHS funding growing as three health boards breach financial duties again',
    summary:
      "Our data tool shows the impact of the pandemic on NHS funding and NHS bodies' current financial positions. After an unprecedented funding rise of £1.8 billion in 2020-21, health services in Wales received an uplift of 0.2 billion in 2021-22.",
    date: '2022-08-31',
    has: [],
    not: ['covid_cip'],
  },
  {
    id: 'rh-110: US Covid cost recovery is not the NHS regime',
    title: 'How hospitals should capture COVID-19 costs to maximize grants from FEMA, CARES Act',
    summary:
      'Finance leaders should set up project codes and payment codes for COVID-19 activities. FEMA provides payment based on incremental costs related to a crisis.',
    date: '2020-05-01',
    has: [],
    not: ['covid_cip'],
  },
  {
    id: 'rh-112: reclaiming Covid costs is how money flowed under the regime',
    title: 'Governance changes for second phase response',
    summary:
      'NHS England and NHS Improvement have set out changes to the processes for reporting revenue expenditure and claiming reimbursement for capital spending related to Covid-19.',
    date: '2020-05-21',
    has: ['covid_cip'],
    not: [],
  },
];

describeRuleRows('round 9 rules (real-h)', rows);
