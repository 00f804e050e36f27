// Sums of money as UK health-policy writing spells them, in pounds.
import { describe, expect, it } from 'vitest';
import { findMoney } from '../../src/tagging/money.js';

describe('findMoney', () => {
  it.each([
    ['thousands with commas', 'a £10,000 campaign', [['£10,000', 10_000]]],
    ['millions as m', '£200m deal', [['£200m', 200_000_000]]],
    ['billions as bn with decimals', 'save £1.2bn', [['£1.2bn', 1_200_000_000]]],
    ['billion spelled out', 'a "£5 billion" gap', [['£5 billion', 5_000_000_000]]],
    ['million spelled out with decimals', '£3.5 million', [['£3.5 million', 3_500_000]]],
    ['k for thousands', '£500k', [['£500k', 500_000]]],
    ['trillions', '£2.5tn', [['£2.5tn', 2_500_000_000_000]]],
    ['pounds and pence', 'costs £1,250.50 each', [['£1,250.50', 1_250.5]]],
    [
      'range with shared unit reports the lower bound',
      'between £1-2bn',
      [['£1-2bn', 1_000_000_000]],
    ],
    ['range with en dash', '£3–4m', [['£3–4m', 3_000_000]]],
    ['range written out', '£1bn to £2bn', [['£1bn to £2bn', 1_000_000_000]]],
    ['unit case-insensitive', '£40M', [['£40M', 40_000_000]]],
    ['space after the pound sign', '£ 40m', [['£ 40m', 40_000_000]]],
    ['hyphenated use', 'a £20m-a-year contract', [['£20m', 20_000_000]]],
    ['a word starting with m is not a unit', '£5 mobile phones', [['£5', 5]]],
    [
      'several sums in order',
      '£1m then £2bn',
      [
        ['£1m', 1_000_000],
        ['£2bn', 2_000_000_000],
      ],
    ],
    ['no pound sign, no sum', '5 billion people, 20%', []],
  ])('%s', (_name, text, expected) => {
    expect(findMoney(text).map((m) => [m.text, m.pounds])).toEqual(expected);
  });
});
