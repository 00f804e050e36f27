// What search expands each NHS acronym to, from the shipped configuration. Most pairs are derived:
// an acronym and a phrase of the same theme whose initials spell it (config/search.yaml's header).
// So a new phrase in config/themes.yaml can quietly change a search: round 17 added "integrated
// care strategy" to stp, and "ICS" began to search it too, shown first in every "also searched"
// line. This list makes such a change visible. If a new pair is meant, add it here; if not, write
// the theme rule as a regex, which search does not pair.
import { describe, expect, it } from 'vitest';
import { buildSearchVocabulary, vocabularyKey } from '../../src/commands/search-vocabulary.js';
import { loadConfigOrThrow } from '../../src/config/load.js';

const config = loadConfigOrThrow('config');
// Without the gazetteer: organisation names are tested with the organisations themselves.
const vocabulary = buildSearchVocabulary({ ...config, organisations: [] });

const EXPECTED: Record<string, string[]> = {
  ICS: ['integrated care system'],
  ICB: ['integrated care board'],
  ICP: ['integrated care partnership', 'integrated care provider'],
  ICO: ['integrated care organisation'],
  STP: [
    'sustainability and transformation partnership',
    'sustainability and transformation plan',
    'sustainability and transformation planning',
    'sustainability transformation partnership',
    'sustainability transformation plan',
  ],
  MCP: [
    'multi-speciality community provider',
    'multi-specialty community provider',
    'multispeciality community provider',
    'multispecialty community provider',
  ],
  PACS: ['primary and acute care system'],
  ACO: ['accountable care organisation', 'accountable care organization'],
  ACS: ['accountable care system'],
  LCO: ['local care organisation'],
  NCM: ['new care models'],
  CIP: [
    'cost improvement',
    'cost improvement plan',
    'cost improvement program',
    'cost improvement programme',
  ],
  PbR: ['payment by results'],
  GIRFT: ['Getting It Right First Time'],
};

describe('search expansions of the NHS acronyms (shipped configuration)', () => {
  it.each(Object.entries(EXPECTED))(
    '%s expands to exactly its long forms',
    (acronym, longForms) => {
      const entry = vocabulary.byWords.get(vocabularyKey(acronym));
      expect([...(entry?.alternatives ?? [])].map((f) => f.toLowerCase()).sort()).toEqual(
        longForms.map((f) => f.toLowerCase()).sort(),
      );
    },
  );

  it('pairs each long form back with its acronym', () => {
    for (const [acronym, longForms] of Object.entries(EXPECTED)) {
      for (const longForm of longForms) {
        const back = vocabulary.byWords.get(vocabularyKey(longForm))?.alternatives;
        expect([...(back ?? [])].map((a) => a.toLowerCase())).toContain(acronym.toLowerCase());
      }
    }
  });
});
