// Hand-maintained part of the organisation gazetteer: national bodies and a few organisations the
// briefings quote often. assemble-gazetteer.ts merges these with the trusts, CCGs, STPs, ICBs and
// vanguards of the reference data into config/organisations.yaml. (The 42 ICBs were hand-kept
// here until they came from stps-icbs.csv; all 42 codes and names agreed.) Edit here, then
// regenerate (see build-gazetteer.ts).
import type { OrganisationEntry } from '../config/organisations.js';

type Body = Pick<OrganisationEntry, 'id' | 'name' | 'kind'> &
  Partial<Pick<OrganisationEntry, 'variants' | 'acronyms' | 'ambiguous' | 'opened' | 'closed'>>;

export const NATIONAL_BODIES: readonly Body[] = [
  {
    id: 'nhs-england',
    name: 'NHS England',
    kind: 'national',
    variants: ['NHS Commissioning Board', 'NHS England and Improvement'],
    acronyms: ['NHSE', 'NHSE/I', 'NHSEI'],
  },
  {
    id: 'nhs-improvement',
    name: 'NHS Improvement',
    kind: 'national',
    acronyms: ['NHSI'],
    opened: '2016-04-01',
    closed: '2022-07-01',
  },
  {
    id: 'monitor',
    name: 'Monitor',
    kind: 'national',
    variants: ['foundation trust regulator Monitor', 'regulator Monitor'],
    ambiguous: ['Monitor'],
    closed: '2016-04-01',
  },
  {
    id: 'nhs-tda',
    name: 'NHS Trust Development Authority',
    kind: 'national',
    variants: ['Trust Development Authority'],
    acronyms: ['NHS TDA', 'TDA'],
    closed: '2016-04-01',
  },
  {
    id: 'dhsc',
    name: 'Department of Health and Social Care',
    kind: 'national',
    variants: ['Department of Health', 'Department of Health & Social Care'],
    acronyms: ['DHSC', 'DoH', 'DH'],
  },
  {
    id: 'cqc',
    name: 'Care Quality Commission',
    kind: 'national',
    acronyms: ['CQC'],
  },
  {
    id: 'nice',
    name: 'National Institute for Health and Care Excellence',
    kind: 'national',
    variants: ['National Institute for Health and Clinical Excellence'],
    acronyms: ['NICE'],
  },
  {
    id: 'hee',
    name: 'Health Education England',
    kind: 'national',
    acronyms: ['HEE'],
    closed: '2023-04-01',
  },
  {
    id: 'ukhsa',
    name: 'UK Health Security Agency',
    kind: 'national',
    acronyms: ['UKHSA'],
    opened: '2021-10-01',
  },
  {
    id: 'phe',
    name: 'Public Health England',
    kind: 'national',
    acronyms: ['PHE'],
    closed: '2021-10-01',
  },
  {
    id: 'nhs-digital',
    name: 'NHS Digital',
    kind: 'national',
    variants: ['Health and Social Care Information Centre'],
    acronyms: ['HSCIC'],
  },
  { id: 'nhsx', name: 'NHSX', kind: 'national', acronyms: ['NHSX'] },
  { id: 'nhs-supply-chain', name: 'NHS Supply Chain', kind: 'national' },
  {
    id: 'nhs-resolution',
    name: 'NHS Resolution',
    kind: 'national',
    variants: ['NHS Litigation Authority'],
    acronyms: ['NHSLA'],
  },
  {
    id: 'nhsbsa',
    name: 'NHS Business Services Authority',
    kind: 'national',
    acronyms: ['NHSBSA'],
  },
  { id: 'nhsbt', name: 'NHS Blood and Transplant', kind: 'national', acronyms: ['NHSBT'] },
  { id: 'nhs-property-services', name: 'NHS Property Services', kind: 'national' },
  { id: 'nhs-counter-fraud-authority', name: 'NHS Counter Fraud Authority', kind: 'national' },
  {
    id: 'mhra',
    name: 'Medicines and Healthcare products Regulatory Agency',
    kind: 'national',
    acronyms: ['MHRA'],
  },
  {
    id: 'hssib',
    name: 'Health Services Safety Investigations Body',
    kind: 'national',
    variants: ['Healthcare Safety Investigation Branch'],
    acronyms: ['HSSIB', 'HSIB'],
  },
  { id: 'healthwatch-england', name: 'Healthwatch England', kind: 'national' },
  { id: 'nhs-providers', name: 'NHS Providers', kind: 'other' },
  {
    id: 'nhs-confederation',
    name: 'NHS Confederation',
    kind: 'other',
    variants: ['NHS Confed'],
  },
  {
    id: 'national-audit-office',
    name: 'National Audit Office',
    kind: 'other',
    acronyms: ['NAO'],
  },
  { id: 'kings-fund', name: "The King's Fund", kind: 'other', variants: ["King's Fund"] },
  { id: 'nuffield-trust', name: 'Nuffield Trust', kind: 'other' },
  {
    id: 'health-foundation',
    name: 'The Health Foundation',
    kind: 'other',
    variants: ['Health Foundation'],
  },
  {
    id: 'bma',
    name: 'British Medical Association',
    kind: 'other',
    acronyms: ['BMA'],
  },
  { id: 'rcn', name: 'Royal College of Nursing', kind: 'other', acronyms: ['RCN'] },
];
