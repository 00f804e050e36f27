// Round 13 of config/themes.yaml (evall, issue 14), tuned on the real-l batch (held out against
// round 12): each row is a real headline and standfirst from test/fixtures/tagging/real-l.jsonl,
// tagged with the shipped rules and organisations exactly as polling does. Every row failed with the
// round-12 rules (frozen as test/fixtures/tagging/rules-before-real-l.yaml, which real-l was held out
// against; round 13 is frozen as rules-before-real-m.yaml for the next batch).
import { describeRuleRows, type RuleRow } from '../helpers/shipped-rule-rows.js';

const rows: RuleRow[] = [
  {
    id: "rl-017: the CCG's Covid change in funding arrangements is the temporary regime",
    title: 'Health and Social Care Pooled Budget Monitoring Report July 2020',
    summary:
      'Members were informed the Covid-19 pandemic has caused a change in funding arrangements for the Clinical Commissioning Group, and there is uncertainty around the impact will have on both partners.',
    date: '2020-09-01',
    has: ['covid_cip'],
    not: [],
  },
  {
    id: 'rl-050: procuring PPE in the pandemic is buying, not a passing mention',
    title:
      'Wrong masks, retrospective due diligence and absent records: Litany of govt PPE failure laid bare',
    summary:
      'A report by the National Audit Office (NAO) has offered examples of some of the failures made by the Cabinet Office when it came to procuring personal protective equipment (PPE) in the early days of the Covid-19 pandemic.',
    date: '2020-11-18',
    has: ['procurement'],
    not: [],
  },
  {
    id: 'rl-087: a contract completed is a contract signed',
    title: "England's NHS Connecting for Health completes final contract for PACS",
    summary:
      "NHS Connecting for Health, the agency running England's National Programme for IT (NPfIT), announced today that it has agreed the final arrangements that will see picture archiving and communications Systems (PACS) rolled out across England' National Health Service.",
    date: '2005-09-07',
    has: ['procurement'],
    not: ['mcp'],
  },
  {
    id: 'rl-091: a PACS contract due to expire starts a re-procurement',
    title: 'PACS',
    summary:
      'The current Picture Archiving Communication System (PACS) contract with Insignia Medical Systems is due to expire in June 2020. This is a collaborative agreement for the 5 Acute Trusts within Devon and Cornwall.',
    date: '2019-06-01',
    has: ['procurement'],
    not: ['mcp'],
  },
  {
    id: 'rl-005: cutting nursing posts is a workforce story',
    title: 'London trusts could cut 2,700 nursing posts, says report',
    summary:
      'Exclusive: London hospitals could be run with 2,700 less nurses if they were more efficient, confidential research obtained by Nursing Times claims.',
    date: '2012-03-27',
    has: ['workforce'],
    not: [],
  },
  {
    id: 'rl-008: a trust cutting jobs is a workforce story',
    title: 'NHS trust to cut 430 jobs in bid to save £97m',
    summary:
      'Hundreds of job cuts will be made by an NHS trust in an effort to help save more than £97m in the next year.',
    date: '2025-05-01',
    has: ['workforce'],
    not: [],
  },
  {
    id: 'rl-010: people leaving hospital is the discharge social care covers',
    title:
      'What happens when people leave hospital and other care settings? Findings from the Healthwatch network',
    summary:
      'Thousands of people treated in hospital every year are kept in longer than medically necessary because of administrative delays or a lack of available care in the community.',
    date: '2017-10-04',
    has: ['social_care'],
    not: [],
  },
  {
    id: 'rl-011: patients fit to leave hospital but delayed',
    title:
      'Hospital patients fit to leave hospital affected by delays, says report by Community Health Councils',
    summary:
      'CONCERNS have been raised over the number of people affected by delays when it comes to leaving hospital.',
    date: '2020-02-15',
    has: ['social_care'],
    not: [],
  },
];

describeRuleRows('round 13 rules (tuned on real-l.jsonl)', rows);
