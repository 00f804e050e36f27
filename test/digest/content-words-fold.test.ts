// contentWords skips Unicode folding for text whose only non-ASCII characters are news
// punctuation (story-features.ts MAY_FOLD): the words must be exactly those the folded text gives.
import { describe, expect, it } from 'vitest';
import { contentWords } from '../../src/digest/story-features.js';

/** contentWords as it was: every non-ASCII text folded (NFKD, combining marks dropped). */
function foldedWords(text: string): string[] {
  return contentWords(text.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''));
}

const PUNCTUATION = ['£', '€', '‘', '’', '“', '”', '–', '—', '\u00a0', '…'];
const WORDS = [
  'NHS',
  'trust',
  '£5bn',
  'savings',
  'cost',
  'improvement',
  'plans',
  'ICB',
  "CCG's",
  '2021',
];

describe('contentWords without folding', () => {
  it('gives the folded words for text with only news punctuation outside ASCII', () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 500; round++) {
      let text = '';
      for (let k = 0; k < 12; k++) {
        text += WORDS[next(WORDS.length)]!;
        text += next(3) === 0 ? PUNCTUATION[next(PUNCTUATION.length)]! : ' ';
      }
      expect(contentWords(text), text).toEqual(foldedWords(text));
    }
  });

  it('still folds accents and compatibility letters', () => {
    expect(contentWords('Café ﬁnance régime')).toEqual(['cafe', 'finance', 'regime']);
    expect(contentWords('Ｎｈｓ £2bn')).toEqual(['nhs', '2bn']);
  });
});
