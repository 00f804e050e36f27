import { describe, expect, it } from 'vitest';
import {
  containsAllWords,
  makeSnippet,
  mayHoldAll,
  snippetNeedles,
} from '../../src/store/snippet.js';

describe('makeSnippet', () => {
  const summary = 'Trusts are ranked on what they pay for gloves.';
  const content =
    'One two three four five six seven eight nine ten eleven twelve procurement league tables thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone twentytwo twentythree.';
  it.each<[string[], string[], string | null]>([
    [['gloves'], [], summary],
    [['glove'], [], summary],
    [
      ['PROCUREMENT'],
      [],
      '…three four five six seven eight nine ten eleven twelve procurement league tables thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone twentytwo twentythree.',
    ],
    [['zebra'], [], null],
    [
      [],
      ['leag'],
      '…three four five six seven eight nine ten eleven twelve procurement league tables thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone twentytwo twentythree.',
    ],
  ])('%j %j', (words, prefixes, expected) => {
    expect(makeSnippet([summary, content], snippetNeedles(words, prefixes))).toBe(expected);
  });

  it('cuts a window from a long text with pound signs, dashes and curly quotes, stopping early', () => {
    // Text of ASCII words and news punctuation takes the lower-cased fast path; the window and
    // its "…" marks are as for any text.
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
    words[30] = '‘Deficits’';
    const text = `£24m – ${words.join(' ')}.`;
    expect(makeSnippet([text], snippetNeedles(['deficit'], []))).toBe(
      `…w22 w23 w24 w25 w26 w27 w28 w29 ‘Deficits’ w31 w32 w33 w34 w35 w36 w37 w38 w39 w40 w41 w42 w43 w44 w45…`,
    );
    // The window reaching the last word keeps the text's end and adds no "…".
    expect(makeSnippet([text], snippetNeedles(['w58'], []))).toBe(
      `…w36 w37 w38 w39 w40 w41 w42 w43 w44 w45 w46 w47 w48 w49 w50 w51 w52 w53 w54 w55 w56 w57 w58 w59.`,
    );
    expect(makeSnippet(['£5m – “quoted” text'], snippetNeedles(['deficit'], []))).toBeNull();
  });

  it('ignores diacritics', () => {
    expect(makeSnippet(['Café services close.'], snippetNeedles(['cafe'], []))).toBe(
      'Café services close.',
    );
  });
});

describe('containsAllWords', () => {
  it.each<[string, string[], string[], boolean]>([
    ['£5m for ‘ambulance’ handover – delays', ['ambulance', 'handover'], [], true],
    ['Café handover', ['cafe'], [], true],
    ['Ambulance handover delays', ['ambulance', 'handover'], [], true],
    ['Ambulance handover delays', ['ambulance handover'], [], true],
    ['Ambulance delays', ['ambulance', 'handover'], [], false],
    ['Integrated care boards named', [], ['integrat'], true],
    ['Care boards named', [], ['integrat'], false],
  ])('%s %j %j', (title, words, prefixes, expected) => {
    expect(containsAllWords(title, words, prefixes)).toBe(expected);
  });
});

// The substring pre-check before headlines are split into words (search ranking runs it on up to
// 251 candidate headlines): it may only say "no" when the full check would.
describe('mayHoldAll and the headline check', () => {
  it('rules out an ASCII text lacking a needle, and gives no verdict on other texts', () => {
    expect(mayHoldAll('Winter beds open', ['wint', 'bed'])).toBe(true);
    expect(mayHoldAll('Winter beds open', ['wint', 'ward'])).toBe(false);
    expect(mayHoldAll('Headline\nStandfirst words', ['standf'], ['head'])).toBe(true);
    expect(mayHoldAll('Headline\nStandfirst words', ['standf'], ['tail'])).toBe(false);
    // Folding would turn "é" into "e": no verdict.
    expect(mayHoldAll('Café tender', ['cafe'])).toBe(true);
  });

  it('matches as before on texts with accents, curly quotes and line breaks', () => {
    expect(containsAllWords('Café tender awarded', ['cafe'], [])).toBe(true);
    expect(containsAllWords('Trusts’ tenders awarded', ['tender', 'trust'], [])).toBe(true);
    expect(containsAllWords('Winter beds', ['summer'], [])).toBe(false);
    expect(containsAllWords('Winter beds', [], ['bed'])).toBe(true);
    expect(containsAllWords('Winter beds', [], ['ward'])).toBe(false);
  });
});
