// Organisations in text: the generated gazetteer (config/organisations.yaml) with the spellings
// journalists use, closed trusts, national bodies and ICBs; acronyms only as written.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadOrganisations } from '../../src/config/organisations.js';
import { extractEntities } from '../../src/tagging/extract-entities.js';
import {
  compileGazetteer,
  findOrganisations,
  resolveOrganisation,
} from '../../src/tagging/organisations.js';

const FILE = fileURLToPath(new URL('../../config/organisations.yaml', import.meta.url));
const loaded = loadOrganisations(FILE);
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const gazetteer = compileGazetteer(loaded.value);

function found(text: string): string[] {
  return findOrganisations(text, gazetteer).map((m) => `${m.id}=${m.matched}`);
}

describe('findOrganisations', () => {
  it.each([
    [
      'canonical trust name',
      'The Dudley Group NHS Foundation Trust said',
      ['RNA=The Dudley Group NHS Foundation Trust'],
    ],
    ['FT short form', 'Dudley Group FT appoints chair', ['RNA=Dudley Group FT']],
    [
      'Foundation Trust without NHS',
      'Dudley Group Foundation Trust',
      ['RNA=Dudley Group Foundation Trust'],
    ],
    ['NHS FT', 'at Dudley Group NHS FT today', ['RNA=Dudley Group NHS FT']],
    ['"the Dudley Group"', 'staff at the Dudley Group were told', ['RNA=Dudley Group']],
    [
      'lower case',
      'the dudley group nhs foundation trust',
      ['RNA=the dudley group nhs foundation trust'],
    ],
    [
      'closed trust',
      'Ipswich Hospital NHS Trust merged in 2018',
      ['RGQ=Ipswich Hospital NHS Trust'],
    ],
    ['closed trust short form', 'Ipswich Hospital Trust board', ['RGQ=Ipswich Hospital Trust']],
    [
      'apostrophes and "and" for "&"',
      "Guy's and St Thomas' NHS Foundation Trust",
      ["RJ1=Guy's and St Thomas' NHS Foundation Trust"],
    ],
    ['a place alone is not a trust', 'Somerset councils and Medway roads', []],
    [
      'national body by name',
      'NHS England and NHS Improvement merge',
      ['nhs-england=NHS England', 'nhs-improvement=NHS Improvement'],
    ],
    ['acronym as written', 'NICE approves drug; CQC inspects', ['nice=NICE', 'cqc=CQC']],
    ['acronym in lower case is a word', 'a nice day, not cqc', []],
    ['old name of a body', 'the Department of Health said', ['dhsc=Department of Health']],
    ['Monitor the regulator', 'Monitor fines trust', ['monitor=Monitor']],
    ['monitor the verb', 'Monitor your blood pressure; monitor progress', []],
    [
      'ICB short form with &',
      'Cheshire & Merseyside ICB agrees budget',
      ['QYG=Cheshire & Merseyside ICB'],
    ],
    [
      'ICB full name',
      'NHS Greater Manchester Integrated Care Board',
      ['QOP=NHS Greater Manchester Integrated Care Board'],
    ],
    [
      'same body twice: one mention, first spelling',
      'CQC and the Care Quality Commission',
      ['cqc=CQC'],
    ],
    ['longest match wins', 'Barts Health NHS Trust', ['R1H=Barts Health NHS Trust']],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('gives the canonical name and kind', () => {
    expect(findOrganisations('Dudley Group FT', gazetteer)[0]).toEqual({
      id: 'RNA',
      name: 'The Dudley Group NHS Foundation Trust',
      kind: 'trust',
      matched: 'Dudley Group FT',
    });
  });

  it('resolves a typed name or id to canonical ids', () => {
    expect(resolveOrganisation('Dudley Group FT', gazetteer)).toEqual(['RNA']);
    expect(resolveOrganisation('rna', gazetteer)).toEqual(['RNA']);
    expect(resolveOrganisation('cqc', gazetteer)).toEqual(['cqc']);
    expect(resolveOrganisation('Nowhere In Particular', gazetteer)).toEqual([]);
  });
});

describe('the generated gazetteer', () => {
  it('holds every register trust, the national bodies and 42 ICBs', () => {
    const kinds = new Map<string, number>();
    for (const e of loaded.value) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
    expect(kinds.get('trust')).toBe(274);
    expect(kinds.get('icb')).toBe(42);
    expect(
      loaded.value.filter((e) => e.closed !== null && e.kind === 'trust').length,
    ).toBeGreaterThan(50);
    for (const id of [
      'nhs-england',
      'nhs-improvement',
      'monitor',
      'nhs-tda',
      'dhsc',
      'cqc',
      'nice',
      'hee',
      'ukhsa',
      'phe',
      'nhs-digital',
      'nhs-supply-chain',
      'nhs-providers',
      'nhs-confederation',
    ]) {
      expect(loaded.value.some((e) => e.id === id)).toBe(true);
    }
  });
});

describe('extractEntities', () => {
  it('collects organisations and sums from every field, each once, in order', () => {
    const entities = extractEntities(
      {
        title: 'Dudley Group FT signs £3.5bn deal',
        summary:
          'The Dudley Group NHS Foundation Trust and NHS England agreed the £3.5bn contract.',
        content: 'The CQC will review it. A further £200m follows.',
      },
      gazetteer,
    );
    expect(entities.organisations.map((o) => o.id)).toEqual(['RNA', 'nhs-england', 'cqc']);
    expect(entities.money).toEqual([
      { text: '£3.5bn', pounds: 3_500_000_000, context: '£3.5bn deal' },
      { text: '£200m', pounds: 200_000_000 },
    ]);
  });
});
