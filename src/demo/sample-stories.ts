// Sample stories for `briefing demo`, written for this project (invented but plausible; real
// names, sums and dates are used where they help). Four weeks of November 2021, so the Covid-era
// efficiency theme is in its date window. Several announcements appear in more than one source on
// purpose, so the digest shows clustering.

export interface SampleStory {
  source: 'nhse' | 'dhsc' | 'trade' | 'thinktank' | 'providers';
  /** Local date and time in Europe/London. */
  date: string;
  slug: string;
  title: string;
  summary: string;
  categories?: string[];
}

export const SAMPLE_STORIES: SampleStory[] = [
  // ---- week of 1 November 2021 (2021-W44)
  {
    source: 'nhse',
    date: '2021-11-01T09:00',
    slug: 'model-hospital-refresh',
    title: 'Model Hospital refresh gives trusts new productivity benchmarks',
    summary:
      'The benchmarking tool born of Lord Carter’s review now compares theatre and outpatient productivity across every acute trust. Trusts are asked to use it when planning their recovery.',
  },
  {
    source: 'trade',
    date: '2021-11-02T07:30',
    slug: 'ics-chairs-appointed',
    title: 'First integrated care board chairs named as systems prepare for statutory footing',
    summary:
      'Chairs have been confirmed for 12 integrated care systems ahead of the Health and Care Bill. Several were previously STP leaders.',
  },
  {
    source: 'dhsc',
    date: '2021-11-03T10:00',
    slug: 'social-care-cap',
    title: 'Government sets out how the £86,000 cap on care costs will work',
    summary:
      'The Department of Health and Social Care confirmed the cap on personal care costs from October 2023. Councils will receive new funding to prepare.',
  },
  {
    source: 'thinktank',
    date: '2021-11-04T08:00',
    slug: 'waiting-list-analysis',
    title: 'Waiting list could pass 9 million without extra capacity, analysis warns',
    summary:
      'New modelling suggests elective demand returning after the pandemic will outstrip capacity. Workforce shortages are the main constraint.',
  },
  {
    source: 'providers',
    date: '2021-11-05T11:00',
    slug: 'h2-efficiency-warning',
    title: 'Trust leaders warn efficiency requirement in second half of year is unrealistic',
    summary:
      'Finance directors say the return of the efficiency requirement in the H2 regime comes while Covid pressures remain. Many expect to miss cost improvement plans.',
  },

  // ---- week of 8 November 2021 (2021-W45)
  {
    source: 'trade',
    date: '2021-11-08T07:00',
    slug: 'pathology-network-tender',
    title: 'Pathology network launches £120m tender for managed laboratory service',
    summary:
      'A pathology network in the Midlands has gone to market for a ten-year managed service contract. The procurement follows a framework agreement run by NHS Supply Chain.',
  },
  {
    source: 'nhse',
    date: '2021-11-09T09:30',
    slug: 'mental-health-discharge-fund',
    title: 'Extra £15m to speed discharge from mental health wards',
    summary:
      'NHS England will fund step-down places so patients who are ready to leave hospital are not kept waiting. The money goes to 30 local areas.',
  },
  {
    source: 'thinktank',
    date: '2021-11-10T08:00',
    slug: 'vanguard-lessons',
    title: 'What the new care models vanguards teach integrated care systems',
    summary:
      'A review of the multispecialty community provider and PACS vanguards finds the gains came from relationships, not contracts. It urges systems not to repeat the ICP contract saga.',
  },
  {
    source: 'dhsc',
    date: '2021-11-11T12:00',
    slug: 'vaccination-condition',
    title: 'Covid vaccination to become a condition of deployment for frontline staff',
    summary:
      'Health and social care workers in England will need to be vaccinated from April 2022. The government published its consultation response today.',
  },
  {
    source: 'providers',
    date: '2021-11-12T10:00',
    slug: 'dudley-merger-talks',
    title: 'Two neighbouring trusts agree to explore a full merger',
    summary:
      'The boards of Dudley Group FT and a neighbouring community trust have agreed a case for change. A decision is expected next spring.',
  },

  // ---- week of 15 November 2021 (2021-W46)
  {
    source: 'nhse',
    date: '2021-11-15T09:00',
    slug: 'cqc-use-of-resources',
    title: 'CQC and NHS England review how trusts’ use of resources is rated',
    summary:
      'The regulators will consult on folding use of resources assessments into the new single assessment framework. Trusts have until January to respond.',
  },
  {
    source: 'trade',
    date: '2021-11-16T07:15',
    slug: 'agency-spending',
    title: 'Agency staff bill climbs to £2.4bn as vacancies rise',
    summary:
      'Trusts spent more on agency nurses and doctors in the last year than at any time since caps were introduced. Nursing vacancies stand at almost 40,000.',
  },
  {
    source: 'thinktank',
    date: '2021-11-17T08:00',
    slug: 'stp-footprints-history',
    title: 'From 44 footprints to 42 systems: how STPs became integrated care boards',
    summary:
      'A briefing traces sustainability and transformation plans from 2016 to the statutory integrated care boards due next year. It notes which boundaries changed.',
  },
  {
    source: 'dhsc',
    date: '2021-11-18T10:30',
    slug: 'ppe-contracts-audit',
    title: 'Auditors report on PPE contracts awarded during the pandemic',
    summary:
      'A review of personal protective equipment purchasing found contract awards made without competition in 2020. The department says controls have been tightened.',
  },
  {
    source: 'providers',
    date: '2021-11-19T09:00',
    slug: 'capital-backlog',
    title: 'Maintenance backlog reaches £9.2bn, latest estates figures show',
    summary:
      'High-risk repairs account for a growing share of the backlog. Trust leaders want a multi-year capital settlement.',
  },

  // ---- week of 22 November 2021 (2021-W47): the demo digest week
  {
    source: 'nhse',
    date: '2021-11-22T09:00',
    slug: 'elective-recovery-productivity',
    title: 'NHS England asks trusts to close unwarranted variation in theatre use',
    summary:
      'New guidance draws on the Carter review’s Model Hospital data to set theatre utilisation goals of 85%. It is part of the elective recovery plan.',
  },
  {
    source: 'trade',
    date: '2021-11-22T11:30',
    slug: 'theatre-productivity-goals',
    title: 'Trusts told to close unwarranted variation in theatre use',
    summary:
      'Trusts must hit 85% theatre utilisation using Model Hospital benchmarks, NHS England guidance says. Lord Carter’s 2016 report first set out the gap.',
  },
  {
    source: 'thinktank',
    date: '2021-11-23T08:00',
    slug: 'carter-five-years-on',
    title: 'Carter five years on: did the productivity review deliver £5bn?',
    summary:
      'An analysis of operational productivity since Lord Carter’s 2016 report finds savings of about half the £5bn target. Procurement and workforce gains held up best.',
  },
  {
    source: 'nhse',
    date: '2021-11-23T10:00',
    slug: 'h2-financial-regime',
    title: 'Financial framework for the rest of 2021/22 keeps block payments',
    summary:
      'Block contracts and system top-ups continue to March 2022, with an efficiency requirement of 0.82%. NHS England says cost improvement plans must not affect Covid recovery.',
  },
  {
    source: 'providers',
    date: '2021-11-23T15:00',
    slug: 'cip-covid-survey',
    title: 'Survey: most trusts will miss cost improvement plans while Covid pressures persist',
    summary:
      'Two thirds of finance directors expect to miss their CIP this year as the pandemic continues. They want the efficiency target deferred.',
  },
  {
    source: 'trade',
    date: '2021-11-24T07:00',
    slug: 'icb-boundaries-confirmed',
    title: 'Integrated care board boundaries confirmed for 42 systems',
    summary:
      'The health secretary has confirmed the footprints of the 42 integrated care boards that replace clinical commissioning groups. Three STP areas are redrawn.',
  },
  {
    source: 'nhse',
    date: '2021-11-24T09:00',
    slug: 'icb-boundaries',
    title: 'Boundaries of 42 integrated care boards confirmed',
    summary:
      'Each integrated care system will have a statutory board from July 2022. The decision follows engagement with local partners.',
  },
  {
    source: 'thinktank',
    date: '2021-11-24T12:00',
    slug: 'icp-contract-dormant',
    title: 'The integrated care provider contract: why no system used it',
    summary:
      'Launched for multispecialty community providers, the ICP contract was never signed in full. The briefing asks whether accountable care organisations have a future under ICBs.',
  },
  {
    source: 'trade',
    date: '2021-11-25T07:30',
    slug: 'supply-chain-catalogue',
    title: 'NHS Supply Chain to cut catalogue by a third in procurement overhaul',
    summary:
      'The national buyer will remove duplicate products and publish price comparisons. Trusts buying off-catalogue will need to justify purchase orders.',
  },
  {
    source: 'dhsc',
    date: '2021-11-25T10:00',
    slug: 'provider-selection-regime',
    title: 'Consultation on the provider selection regime for NHS contracts',
    summary:
      'The proposed regime would let commissioners award contracts without competitive tender where the current provider is doing well. The consultation runs for eight weeks.',
  },
  {
    source: 'dhsc',
    date: '2021-11-24T11:00',
    slug: 'elective-recovery-call-for-evidence',
    title: 'Call for evidence on how to cut elective waiting times',
    summary:
      'The Department of Health and Social Care wants views from trusts, staff and patients on recovering elective services. The call for evidence closes at 11:59pm on 17 December 2021.',
  },
  {
    source: 'providers',
    date: '2021-11-25T14:00',
    slug: 'workforce-plan-call',
    title: 'Trust leaders call for a fully funded long-term workforce plan',
    summary:
      'Providers say recruitment alone cannot fill 93,000 vacancies. They ask for the plan to include retention and pay.',
  },
  {
    source: 'thinktank',
    date: '2021-11-26T08:00',
    slug: 'social-care-integration',
    title: 'Integration white paper must put social care on an equal footing',
    summary:
      'A think tank says joining up health and social care needs more than shared budgets. It warns that care workforce shortages will undermine discharge.',
  },
  {
    source: 'nhse',
    date: '2021-11-26T11:00',
    slug: 'cqc-ratings-maternity',
    title: 'CQC rates maternity services inadequate at East Kent Hospitals',
    summary:
      'Inspectors found staffing and safety concerns at East Kent Hospitals University NHS Foundation Trust. The trust says improvement work is under way.',
  },
  {
    source: 'trade',
    date: '2021-11-26T16:00',
    slug: 'mcp-protocol-offtopic',
    title: 'Digital team trials AI assistant that uses the MCP protocol to read rotas',
    summary:
      'A software supplier demonstrated an assistant built on the Model Context Protocol. No trust has signed up yet.',
  },
  {
    source: 'dhsc',
    date: '2021-11-27T09:00',
    slug: 'booster-programme',
    title: 'Booster programme extended to all adults',
    summary:
      'Everyone over 18 will be offered a Covid booster by the end of January. Vaccination centres will extend their opening hours.',
  },
  {
    source: 'providers',
    date: '2021-11-27T10:30',
    slug: 'back-office-merger',
    title: 'Three trusts merge back-office functions to save £12m',
    summary:
      'Finance, payroll and procurement teams will be shared across the three organisations from April. Staff will transfer to a single host trust.',
  },
  {
    source: 'trade',
    date: '2021-11-28T08:00',
    slug: 'mental-health-beds',
    title: 'Out-of-area mental health placements rise again',
    summary:
      'More patients are being sent far from home for a mental health bed, official figures show. The target to end inappropriate placements has been missed.',
  },
];
