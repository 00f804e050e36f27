// Building config/organisations.yaml from the ODS register: CSV parsing, proper case, variants,
// shared variants (test/build-data/build-gazetteer.test.ts checks the committed file).
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../src/build-data/assemble-gazetteer.js';
import { formatGazetteerYaml } from '../../src/build-data/format-gazetteer.js';
import {
  parseCsv,
  properCaseName,
  trustVariants,
} from '../../src/build-data/gazetteer-from-register.js';

describe('parseCsv', () => {
  it('handles quotes, commas and escaped quotes inside fields, CRLF and blank lines', () => {
    expect(parseCsv('"A","B, C","say ""hi"""\r\n\r\nx,y,\n')).toEqual([
      ['A', 'B, C', 'say "hi"'],
      ['x', 'y', ''],
    ]);
  });
});

describe('properCaseName', () => {
  it.each([
    ['THE DUDLEY GROUP NHS FOUNDATION TRUST', 'The Dudley Group NHS Foundation Trust'],
    ["GUY'S AND ST THOMAS' NHS FOUNDATION TRUST", "Guy's and St Thomas' NHS Foundation Trust"],
    [
      'UNIVERSITY HOSPITALS OF NORTH MIDLANDS NHS TRUST',
      'University Hospitals of North Midlands NHS Trust',
    ],
    [
      "THE QUEEN ELIZABETH HOSPITAL, KING'S LYNN, NHS FOUNDATION TRUST",
      "The Queen Elizabeth Hospital, King's Lynn, NHS Foundation Trust",
    ],
    [
      'STAFFORDSHIRE AND STOKE-ON-TRENT PARTNERSHIP NHS TRUST',
      'Staffordshire and Stoke-on-Trent Partnership NHS Trust',
    ],
    [
      'ROYAL BROMPTON & HAREFIELD NHS FOUNDATION TRUST',
      'Royal Brompton & Harefield NHS Foundation Trust',
    ],
  ])('%s', (upper, expected) => {
    expect(properCaseName(upper)).toBe(expected);
  });
});

describe('trustVariants', () => {
  it.each([
    [
      'The Dudley Group NHS Foundation Trust',
      [
        'Dudley Group NHS Foundation Trust',
        'Dudley Group Foundation Trust',
        'Dudley Group NHS FT',
        'Dudley Group FT',
        'Dudley Group',
      ],
      [],
    ],
    ['Ipswich Hospital NHS Trust', ['Ipswich Hospital Trust', 'Ipswich Hospital'], []],
    ['Somerset NHS Foundation Trust', ['Somerset FT', 'Somerset Foundation Trust'], ['Somerset']],
    ["Guy's and St Thomas' NHS Foundation Trust", ["Guy's and St Thomas'"], []],
  ])('%s', (name, included, excluded) => {
    const variants = trustVariants(name);
    expect(variants[0]).toBe(name);
    expect(variants).toEqual(expect.arrayContaining(included));
    for (const v of excluded) expect(variants).not.toContain(v);
  });
});

describe('buildGazetteer', () => {
  const csv = [
    '"RAA","NORTH TOWN HOSPITALS NHS TRUST","Y1","Q1","","","","","","AA1 1AA","19940401","20100331"',
    '"RBB","NORTH TOWN HOSPITALS NHS FOUNDATION TRUST","Y1","Q1","","","","","","AA1 1AA","20100401",""',
  ].join('\n');

  it('keeps a shared variant for the organisation whose name it is, or the open one', () => {
    const build = buildGazetteer(csv);
    const closed = build.entries.find((e) => e.id === 'RAA')!;
    const open = build.entries.find((e) => e.id === 'RBB')!;
    expect(closed).toMatchObject({ opened: '1994-04-01', closed: '2010-03-31', kind: 'trust' });
    expect(open.variants).toContain('North Town Hospitals Trust');
    expect(open.variants).toContain('North Town Hospitals');
    expect(closed.variants).not.toContain('North Town Hospitals');
    expect(closed.variants).not.toContain('North Town Hospitals Trust');
    expect(closed.name).toBe('North Town Hospitals NHS Trust');
  });

  it('writes a YAML file (a JSON body, one organisation a line) with the regeneration command', () => {
    const build = buildGazetteer(csv);
    const text = formatGazetteerYaml(build, 'test.csv');
    expect(text).toContain('node --import tsx src/build-data/build-gazetteer.ts');
    expect(text).toContain('{"id":"RBB",');
    expect(parse(text)).toEqual({ organisations: build.entries });
  });
});
