// CCGs, STP footprints, ICBs and vanguards named in real-style headlines are recognised with their
// kind; a place name alone ("Dudley", "Wirral") tags nothing, and a trust keeps its own names.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadOrganisations } from '../../src/config/organisations.js';
import { compileGazetteer, findOrganisations } from '../../src/tagging/organisations.js';

const FILE = fileURLToPath(new URL('../../config/organisations.yaml', import.meta.url));
const loaded = loadOrganisations(FILE);
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const gazetteer = compileGazetteer(loaded.value);

function found(text: string): string[] {
  return findOrganisations(text, gazetteer).map((m) => `${m.kind}:${m.id}=${m.matched}`);
}

describe('organisations of every kind in headlines', () => {
  it.each([
    ['Dudley CCG awards 15-year MCP contract', ['ccg:05C=Dudley CCG']],
    [
      'NHS Darlington clinical commissioning group to merge',
      ['ccg:00C=NHS Darlington clinical commissioning group'],
    ],
    ['Humber, Coast and Vale STP names new chair', ['stp:E54000051=Humber, Coast and Vale STP']],
    [
      'Humber Coast & Vale Health and Care Partnership plans',
      ['stp:E54000051=Humber Coast & Vale Health and Care Partnership'],
    ],
    [
      'Greater Manchester Health and Social Care Partnership warns on deficit',
      ['stp:E54000007=Greater Manchester Health and Social Care Partnership'],
    ],
    ['Black Country ICB chief quits', ['icb:QUA=Black Country ICB']],
    ['Fylde Coast vanguard cuts A&E visits', ['vanguard:vanguard-12=Fylde Coast vanguard']],
    ['Dudley MCP procurement paused', ['vanguard:vanguard-16=Dudley MCP']],
    ['Stockport Together scraps plan', ['vanguard:vanguard-18=Stockport Together']],
    [
      'Sussex Partnership NHS Foundation Trust rated good',
      ['trust:RX2=Sussex Partnership NHS Foundation Trust'],
    ],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    'Floods hit Dudley and Wirral',
    'Fylde Coast beaches closed',
    'Humber, Coast and Vale bus routes cut',
    'Devon and Dorset hospitals',
    'A better local care offer for patients',
    'Moorfields Eye Hospital opens clinic',
  ])('a place or ordinary phrase alone is not a commissioner or vanguard: %s', (text) => {
    const kinds = findOrganisations(text, gazetteer).map((m) => m.kind);
    expect(
      kinds.filter((k) => k === 'ccg' || k === 'stp' || k === 'icb' || k === 'vanguard'),
    ).toEqual([]);
  });
});
