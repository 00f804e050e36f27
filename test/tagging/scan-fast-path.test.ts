// The phrase matcher's fast path (word-table.ts + scan-table.ts, issue 18) against its exact slow
// path (scanPhrases given splitWords' words): the same hits in the same order, for the shipped
// themes and gazetteer and for hand-made patterns, over text that tests the edges: case, "&",
// possessives, accents, dotted capital I, Greek final sigma, letters outside the BMP.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfigOrThrow } from '../../src/config/load.js';
import { compileThemes } from '../../src/tagging/compile-themes.js';
import { compileGazetteer } from '../../src/tagging/organisations.js';
import {
  compilePhraseIndex,
  scanPhrases,
  splitWords,
  type PhraseIndex,
  type PhrasePattern,
} from '../../src/tagging/phrase-index.js';
import { HASH_MASK, SENSITIVE_ROOT } from '../../src/tagging/phrase-trie.js';
import { hashWord, lowerCode, tableWords } from '../../src/tagging/word-table.js';
import { loadDevSet } from '../eval/eval-tagging.js';

const CONFIG = fileURLToPath(new URL('../../config/', import.meta.url));

const TEXTS = [
  'NHS England and NHS Improvement back the STP; STPs and A&E plans follow.',
  "Lord Carter's review of the Royal Brompton & Harefield; junior doctors' contract",
  'A & E waits at A&E; R&D and a&e',
  'ÉCOLE école Zoë ZOË naïve NAÏVE',
  'İSTANBUL İstanbul istanbul',
  'ΟΔΟΣ οδος ΟΔΟΣ ΚΑΙ',
  'Σ alone, and ΣΑΣ',
  '𐐀𐐁 Deseret 𐐨𐐩 and the NHS',
  'the CQC said NICE guidance on care homes, Care Home and CARE HOMES',
  '  trailing & ',
  '',
  "x’s y’S z's",
];

const PATTERNS: PhrasePattern<string>[] = [
  { text: 'A & E', caseSensitive: true, plural: false, payload: 'a-and-e' },
  { text: 'A&E', caseSensitive: false, plural: false, payload: 'ae-any-case' },
  { text: 'école', caseSensitive: false, plural: true, payload: 'ecole' },
  { text: 'NAÏVE', caseSensitive: true, plural: false, payload: 'naive-upper' },
  { text: 'οδος', caseSensitive: false, plural: false, payload: 'odos' },
  { text: 'ΟΔΟΣ καί', caseSensitive: false, plural: false, payload: 'odos-kai' },
  { text: 'istanbul', caseSensitive: false, plural: false, payload: 'istanbul' },
  { text: '𐐨𐐩', caseSensitive: false, plural: false, payload: 'deseret' },
  { text: 'care home', caseSensitive: false, plural: true, payload: 'care-home' },
  { text: 'the', caseSensitive: false, plural: false, payload: 'the' },
  { text: 'and the NHS', caseSensitive: false, plural: false, payload: 'and-the-nhs' },
];

function expectSameHits<P>(index: PhraseIndex<P>, texts: readonly string[]): number {
  let hits = 0;
  for (const text of texts) {
    const fast = scanPhrases(text, index);
    expect(fast, text).toEqual(scanPhrases(text, index, splitWords(text)));
    hits += fast.length;
  }
  return hits;
}

describe('phrase matcher fast path', () => {
  it('finds what the exact path finds for hand-made patterns on edge-case text', () => {
    expect(expectSameHits(compilePhraseIndex(PATTERNS), TEXTS)).toBeGreaterThan(10);
  });

  it('finds what the exact path finds for the shipped themes and gazetteer', () => {
    const config = loadConfigOrThrow(CONFIG);
    const compiled = compileThemes(config.themes);
    const gazetteer = compileGazetteer(config.organisations);
    const texts = [...TEXTS, ...loadDevSet().flatMap((s) => [s.title, s.summary])];
    expect(expectSameHits(compiled.index, texts)).toBeGreaterThan(100);
    expect(expectSameHits(gazetteer.index, texts)).toBeGreaterThan(100);
  });

  it('leaves text whose lower case depends on the whole text to the exact path', () => {
    // "ΟΔΟΣ" lower-cases to "οδος" with a final sigma as a whole, "οδοσ" letter by letter.
    expect(tableWords('ΟΔΟΣ')).toBeNull();
    expect(tableWords('𐐀')).toBeNull();
    expect(scanPhrases('ΟΔΟΣ', compilePhraseIndex(PATTERNS)).map((h) => h.payload)).toEqual([
      'odos',
    ]);
    expect(tableWords('İstanbul and the NHS')?.count).toBe(4);
  });

  it('reads copies of the text: raw code units, and lower-cased ones at word units (tag6)', () => {
    const text = 'A&E ÉCOLE İstanbul ’s NHS’s x';
    const table = tableWords(text)!;
    for (let k = 0; k < text.length; k++) expect(table.raw[k]).toBe(text.charCodeAt(k));
    for (let w = 0; w < table.count; w++) {
      for (let k = table.starts[w]!; k < table.ends[w]!; k++) {
        if (text[k] !== '&') expect(table.folded[k]).toBe(lowerCode(text.charCodeAt(k)));
      }
    }
    // A text longer than the copies grows them; hits at its far end are still found exactly.
    const long = `${'the quiet ward '.repeat(400)}NAÏVE care homes and the NHS`;
    const hits = scanPhrases(long, compilePhraseIndex(PATTERNS));
    expect(hits.map((h) => h.payload)).toContain('naive-upper');
    expect(hits).toEqual(scanPhrases(long, compilePhraseIndex(PATTERNS), splitWords(long)));
  });

  it('screens case-sensitive roots by their lower-cased hash, as the word table hashes (tag6)', () => {
    const patterns: PhrasePattern<string>[] = [
      ...PATTERNS,
      { text: 'İSTANBUL Hub', caseSensitive: true, plural: false, payload: 'istanbul-hub' },
    ];
    const index = compilePhraseIndex(patterns);
    // "İ" lower-cases to two code units, so the word table keeps it as written.
    expect(index.rootFlags[hashWord('İstanbul') & HASH_MASK]! & SENSITIVE_ROOT).not.toBe(0);
    expect(index.rootFlags[hashWord('naïve') & HASH_MASK]! & SENSITIVE_ROOT).not.toBe(0);
    const texts = ['İSTANBUL Hub and İstanbul hub', 'NAÏVE naïve', ...TEXTS];
    expect(expectSameHits(index, texts)).toBeGreaterThan(10);
    expect(scanPhrases(texts[0]!, index).map((h) => h.payload)).toContain('istanbul-hub');
  });
});
