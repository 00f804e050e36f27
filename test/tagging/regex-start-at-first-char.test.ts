// Regexes whose every match starts with one character ("£\d") start at each occurrence of it
// (field-hits.ts), and the money reader at each "£" (money.ts): the matches must be exactly those
// a scan from every position finds, stray "£" signs and back-to-back sums included (issue 18).
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseThemes } from '../../src/config/themes.js';
import { compileThemes } from '../../src/tagging/compile-themes.js';
import { collectFieldHits } from '../../src/tagging/field-hits.js';
import { findMoney } from '../../src/tagging/money.js';
import { oneRegexThemes } from '../helpers/one-regex-themes.js';

const THEMES = oneRegexThemes('£\\d+m?(?=[ ,.]|$)');

const TEXTS = [
  'The £ sign, then £5m, £ and £7m.',
  '££5m£6m £ 7m £8',
  '£9m',
  'Nothing here £ at all £x',
  '£1m,£2m.£3m £4m',
];

const parsed = parseThemes('themes.yaml', parse(THEMES));
if (!parsed.ok) throw new Error('test themes invalid');
const compiled = compileThemes(parsed.value);

describe('starting a regex at its first character', () => {
  it('has a first character to start at', () => {
    expect(compiled.regexes[0]!.firstChar).toBe('£');
  });

  it('finds every match a scan from every position finds', () => {
    const everyPosition = new RegExp(compiled.regexes[0]!.regex.source, 'gi');
    for (const text of TEXTS) {
      const { ruleHits } = collectFieldHits({ title: '', summary: text }, compiled, []);
      const found = ruleHits[0]!.map((h) => [h.start, h.end]);
      const expected = [...text.matchAll(everyPosition)].map((m) => [
        m.index,
        m.index + m[0].length,
      ]);
      expect(found, text).toEqual(expected);
      expect(found.length > 0 || !/£\d/.test(text), text).toBe(true);
    }
  });

  it('reads every sum between stray pound signs', () => {
    expect(findMoney('The £ sign, then £5m, £ and £7bn; £x £ 9k.').map((m) => m.text)).toEqual([
      '£5m',
      '£7bn',
      '£ 9k',
    ]);
    expect(findMoney('££5m£6m').map((m) => m.pounds)).toEqual([5_000_000, 6_000_000]);
  });
});
