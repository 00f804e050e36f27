// The word matcher under themes and the gazetteer: word boundaries, case, possessives, "&",
// plurals, multi-word phrases, non-ASCII text.
import { describe, expect, it } from 'vitest';
import {
  compilePhraseIndex,
  scanPhrases,
  splitWords,
  type PhrasePattern,
} from '../../src/tagging/phrase-index.js';

function words(text: string): string[] {
  const w = splitWords(text);
  return w.starts.map((s, i) => text.slice(s, w.ends[i]));
}

describe('splitWords', () => {
  it.each([
    ['plain words', 'NHS trusts told', ['NHS', 'trusts', 'told']],
    ['punctuation separates', 'STP: cuts, beds.', ['STP', 'cuts', 'beds']],
    ['possessive dropped', "Lord Carter's review", ['Lord', 'Carter', 'review']],
    ['curly possessive dropped', 'Lord Carter’s review', ['Lord', 'Carter', 'review']],
    ['plural possessive', "junior doctors' contract", ['junior', 'doctors', 'contract']],
    [
      "'s is dropped (contractions too); other apostrophes split",
      "it's O'Neill's",
      ['it', 'O', 'Neill'],
    ],
    ['ampersand is a word', 'A&E and R&D', ['A', '&', 'E', 'and', 'R', '&', 'D']],
    ['hyphen separates', 'multi-specialty', ['multi', 'specialty']],
    ['accented letters stay in words', 'café Zoë naïve', ['café', 'Zoë', 'naïve']],
    ['digits are word characters', '£1.2bn in 2016', ['1', '2bn', 'in', '2016']],
  ])('%s', (_name, text, expected) => {
    expect(words(text)).toEqual(expected);
  });
});

const patterns: PhrasePattern<string>[] = [
  {
    text: 'sustainability and transformation plan',
    caseSensitive: false,
    plural: true,
    payload: 'stp-phrase',
  },
  { text: 'STP', caseSensitive: true, plural: true, payload: 'stp-acronym' },
  { text: 'Lord Carter', caseSensitive: false, plural: false, payload: 'carter' },
  { text: 'Royal Brompton & Harefield', caseSensitive: false, plural: false, payload: 'rbh' },
  { text: 'A&E', caseSensitive: true, plural: false, payload: 'ae' },
  { text: 'care home', caseSensitive: false, plural: true, payload: 'care-home' },
  { text: 'policy', caseSensitive: false, plural: true, payload: 'policy' },
  { text: 'Zoë', caseSensitive: false, plural: false, payload: 'zoe' },
];
const index = compilePhraseIndex(patterns);

function scan(text: string): string[] {
  return scanPhrases(text, index).map((h) => `${h.payload}=${text.slice(h.start, h.end)}`);
}

describe('scanPhrases', () => {
  it.each([
    [
      'case-insensitive phrase',
      'The Sustainability And Transformation Plan',
      ['stp-phrase=Sustainability And Transformation Plan'],
    ],
    [
      'plural of the last word',
      'transformation: sustainability and transformation plans',
      ['stp-phrase=sustainability and transformation plans'],
    ],
    ['acronym exact case', 'STP and stp and Stp', ['stp-acronym=STP']],
    ['acronym plural', 'STPs', ['stp-acronym=STPs']],
    ['no match inside a word', 'ASTP STPX', []],
    ['possessive between words', "Lord Carter's plan", ['carter=Lord Carter']],
    ['line break between words', 'Lord\nCarter', ['carter=Lord\nCarter']],
    [
      '"and" matches "&" and back',
      'Royal Brompton and Harefield; Royal Brompton & Harefield',
      ['rbh=Royal Brompton and Harefield', 'rbh=Royal Brompton & Harefield'],
    ],
    ['acronym containing &', 'A&E waits', ['ae=A&E']],
    ['plural -y to -ies', 'new policies', ['policy=policies']],
    ['plural -s', 'care homes closing', ['care-home=care homes']],
    ['phrase cut short at end of text', 'Lord', []],
    ['non-ASCII word', 'Zoë said', ['zoe=Zoë']],
    ['length-changing lower case does not shift offsets', 'İstanbul STP', ['stp-acronym=STP']],
  ])('%s', (_name, text, expected) => {
    expect(scan(text)).toEqual(expected);
  });

  it('returns nothing for empty text', () => {
    expect(scanPhrases('', index)).toEqual([]);
  });
});
