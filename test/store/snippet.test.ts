import { describe, expect, it } from 'vitest';
import { containsAllWords, makeSnippet, snippetNeedles } from '../../src/store/snippet.js';

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

  it('ignores diacritics', () => {
    expect(makeSnippet(['Café services close.'], snippetNeedles(['cafe'], []))).toBe(
      'Café services close.',
    );
  });
});

describe('containsAllWords', () => {
  it.each<[string, string[], string[], boolean]>([
    ['Ambulance handover delays', ['ambulance', 'handover'], [], true],
    ['Ambulance handover delays', ['ambulance handover'], [], true],
    ['Ambulance delays', ['ambulance', 'handover'], [], false],
    ['Integrated care boards named', [], ['integrat'], true],
    ['Care boards named', [], ['integrat'], false],
  ])('%s %j %j', (title, words, prefixes, expected) => {
    expect(containsAllWords(title, words, prefixes)).toBe(expected);
  });
});
