// The first-character screen of theme regexes (regex-first-char.ts, issue 18): it names a
// character only when every match starts with it, so skipping a field without that character
// never loses a match. Checked against the regex engine itself over texts with and without it.
import { describe, expect, it } from 'vitest';
import { firstLiteralChar } from '../../src/tagging/regex-first-char.js';

const TEXTS = [
  'The trust set aside £40m; $5 in US money; £ alone; costs £1.2bn or $3bn',
  'no currency here at all, only 40m and 5bn',
  '(a) [b] {c} a|b ? * + . ^ $',
  'ÉCOLE école Kelvin K k and £ £5',
];

/** Every match of `source` over `text`, as the tagger runs it (global, empty matches skipped). */
function matchesOf(source: string, flags: string, text: string): string[] {
  const regex = new RegExp(source, `${flags}g`);
  return [...text.matchAll(regex)].map((m) => `${m.index}:${m[0]}`).filter((m) => !m.endsWith(':'));
}

describe('firstLiteralChar', () => {
  it('names the leading literal of plain patterns', () => {
    expect(firstLiteralChar('£\\d')).toBe('£');
    expect(firstLiteralChar('\\$\\d')).toBe('$');
    expect(firstLiteralChar('£+\\d')).toBe('£');
    expect(firstLiteralChar('£(?:a|b)')).toBe('£');
    expect(firstLiteralChar('£[|]x')).toBe('£');
  });

  it('gives up on anything that could match without that character first', () => {
    for (const source of [
      '£?\\d',
      '£*\\d',
      '£{0,2}\\d',
      '£\\d|\\$\\d',
      '£[\\d]|x',
      '\\b£',
      '(?:£)',
      '[£]',
      '.£',
      'a\\d',
      '5bn',
      'K',
      '\\d',
      '',
      '\\',
    ]) {
      expect(firstLiteralChar(source), source).toBeNull();
    }
  });

  it('never skips a field the regex matches', () => {
    const patterns = [
      '£\\d',
      '\\$\\d',
      '£+\\d',
      '£(?:a|b)',
      '£[|]x',
      ' of',
      '-\\w',
      '£\\d[\\d,.]*',
    ];
    for (const source of patterns) {
      const first = firstLiteralChar(source);
      for (const flags of ['', 'i', 'iu', 'ims']) {
        for (const text of TEXTS) {
          const matches = matchesOf(source, flags, text);
          if (first !== null && !text.includes(first))
            expect(matches, `${source} ${text}`).toEqual([]);
          for (const m of matches) expect(m.split(':')[1]!.startsWith(first ?? '')).toBe(true);
        }
      }
    }
  });
});
