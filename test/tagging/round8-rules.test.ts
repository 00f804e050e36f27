// Round 8 of config/themes.yaml (evalg, issue 14), tuned on the held-out real-f and real-g
// batches: each row is a real headline and standfirst those batches hold, tagged with the shipped
// rules and organisations exactly as polling does. Every row failed with the round-7 rules
// (test/fixtures/tagging/rules-before-real-h.yaml keeps round 8; rules-before-real-f.yaml round 7).
import { describeRuleRows, type RuleRow } from '../helpers/shipped-rule-rows.js';

const rows: RuleRow[] = [
  {
    id: 'rf-015: NHS England buying prison healthcare under the PSR is procurement',
    title:
      'NHSE1068 - Primary Care and Mental Health Services for West Yorkshire Adult Male Prisons',
    summary:
      'NHS England has issued a series of notices for contracting Primary Care and Mental Health Services for adult male prisons in West Yorkshire, under the Health Care Services (Provider Selection Regime) Regulations 2023.',
    date: '2025-12-16',
    has: ['procurement'],
    not: [],
  },
  {
    id: 'rg-074: "began the procurement of" is a buying exercise, not a passing mention',
    title: 'Local Care Organisation',
    summary:
      'Manchester Health and Care Commissioning (MHCC) formally began the procurement of a Local Care Organisation in March 2017, with the publication of Prospectus.',
    date: '2017-03-10',
    has: ['procurement', 'mcp'],
    not: [],
  },
  {
    id: 'rg-038: "tied his hands over delay to ACO contract" hands no contract to anyone',
    title: 'Secretary of State says Tory whips have tied his hands over delay to ACO contract',
    summary:
      'Reports that Jeremy Hunt has paused the creation of the first Accountable Care Organisations appeared to be unfounded.',
    date: '2018-01-24',
    has: ['mcp'],
    not: ['procurement'],
  },
  {
    id: 'rf-030: the emergency payment approach is the Covid regime',
    title: 'REAL Centre Briefing: The future of the NHS hospital payment system in England',
    summary:
      'Through the pandemic the NHS has been operating under an emergency payment approach to meet the exceptional costs associated with COVID-19.',
    date: '2021-07-01',
    has: ['covid_cip'],
    not: [],
  },
  {
    id: "rg-120: Wales's statutory three-year financial regime is not the Covid regime",
    title: 'Written Statement: NHS Accounts 2020-21',
    summary:
      'As in previous years, the accounts of Local Health Boards and NHS Trusts have been prepared under the NHS three-year financial regime that was introduced under the NHS Finance (Wales) Act 2014.',
    date: '2021-06-16',
    has: [],
    not: ['covid_cip'],
  },
  {
    id: 'rg-034: social care direct payments in the pandemic are not the regime',
    title: 'Gov’t Advice: Flexible use of direct payments during the pandemic',
    summary:
      'While we’re all having to cope with COVID-19, the government expects Local Authorities and Clinical Commissioning Groups to give you as much flexibility as possible in how you use your direct payment.',
    date: '2020-07-26',
    has: [],
    not: ['covid_cip'],
  },
  {
    id: 'rg-062: chief executives appointed is a leadership story',
    title: 'More ICS chief executives appointed',
    summary:
      'Two more integrated care boards have announced their chief executives, leaving eight systems that have not yet revealed whether they have appointed a leader.',
    date: '2021-11-22',
    has: ['stp', 'workforce'],
    not: [],
  },
  {
    id: 'rg-018: councils on a climate board are not social care',
    title: 'Staffordshire Sustainability Board',
    summary:
      'The purpose of the board is to gather the Elected Members from councils in Staffordshire to allow discussion on the relevant environmental sustainability issues.',
    date: '2023-01-01',
    has: [],
    not: ['social_care', 'stp'],
  },
];

describeRuleRows('round 8 rules (real-f and real-g)', rows);
