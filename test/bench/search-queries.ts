// The storage benchmark's search queries (storage-search.ts), as a user types them in
// `/briefing search` or `briefing search`: common and rare words, acronyms the search vocabulary
// expands, organisation names, quoted phrases, prefixes and exclusions, and every filter,
// including date filters outside the archive's span (2016-2023), filters that exclude every
// match and misspellings (which make the product suggest and retry). Words are chosen to exist
// in the generated archive (storage-corpus.ts); `kind` groups them in the per-query report.

export type QueryKind =
  | 'common'
  | 'rare'
  | 'acronym'
  | 'organisation'
  | 'phrase'
  | 'prefix'
  | 'exclusion'
  | 'theme'
  | 'org-filter'
  | 'source-filter'
  | 'date-filter'
  | 'outside-span'
  | 'excludes-all'
  | 'misspelling';

export interface BenchQuery {
  text: string;
  kind: QueryKind;
}

const BY_KIND: Record<QueryKind, string[]> = {
  common: [
    'nhs',
    'trust',
    'patients',
    'deficit',
    'procurement',
    'workforce',
    'waiting lists',
    'consultation plans',
  ],
  rare: ['Mortonmore', 'Kinvenwick', 'Carter metrics', 'Rushcliffe', 'Dalarley deficit'],
  acronym: ['ICS', 'STP', 'MCP', 'CIP', 'CQC', 'NHSE'],
  organisation: [
    'Care Quality Commission',
    'NHS England',
    'Royal Surrey',
    'Dudley Group',
    'Health Education England',
  ],
  phrase: [
    '"supply chain"',
    '"waiting lists"',
    '"four-hour standard"',
    '"business case"',
    '"agency spending"',
    '"social care funding"',
    '"unwarranted variation"',
  ],
  prefix: ['transform*', 'consolidat*'],
  exclusion: ['merger -trust', 'deficit -agency'],
  theme: ['theme:carter', 'theme:procurement tender', 'deficit theme:finance', 'theme:workforce'],
  'org-filter': [
    'org:"NHS England" deficit',
    'org:CQC inspection',
    'org:"Dudley Group" merger',
    'org:RA2',
  ],
  'source-filter': ['source:hsj chief executive', 'source:pulse GPs'],
  'date-filter': [
    'procurement since:2020-01-01',
    'deficit since:2023-06-01',
    'merger until:2017-01-01',
    'nhs since:2019-01-01 until:2019-02-01',
    'theme:stp since:2023-06-01',
    'waiting lists week:2021-W07',
  ],
  'outside-span': ['deficit since:2030-01-01', 'trust until:2014-01-01', 'since:2031-01-01'],
  'excludes-all': [
    'procurement source:govuk-procurement',
    'Mortonmore theme:carter until:2016-02-01',
    'nhs theme:stp source:cqc since:2016-01-01 until:2016-01-04',
  ],
  misspelling: ['procurment', 'defecit', 'workfroce'],
};

export const SEARCH_QUERIES: readonly BenchQuery[] = Object.entries(BY_KIND).flatMap(
  ([kind, texts]) => texts.map((text) => ({ text, kind: kind as QueryKind })),
);

/** Word-only queries for the LIKE '%word%' context figure (what a naive search would do). */
export const LIKE_QUERIES = ['procurement', 'deficit', 'Rushcliffe', 'workforce', 'consultation'];
