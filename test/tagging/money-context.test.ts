// Sums carry what they are: a short phrase from the sum's own sentence ("£5bn savings target"),
// never crossing a sentence end, never carrying markup, digits or ordinary verbs along.
import { describe, expect, it } from 'vitest';
import { findMoney } from '../../src/tagging/money.js';

function contexts(text: string): (string | undefined)[] {
  return findMoney(text).map((m) => m.context);
}

describe('money context', () => {
  it.each([
    [
      'noun phrase after the sum',
      'NHS England sets £5bn savings target for trusts',
      '£5bn savings target',
    ],
    ['contract', 'Dudley CCG awards £78m contract to Virgin Care', '£78m contract'],
    ['deficit at the sentence end', 'The trust reported a £1.2bn deficit.', '£1.2bn deficit'],
    ['noun before "of"', "The trust's deficit of £1.2bn is the largest.", '£1.2bn deficit'],
    ['noun before "worth"', 'A contract worth £78m was signed.', '£78m contract'],
    [
      'a rate joined by hyphens',
      'a £20m-a-year contract for community services',
      '£20m-a-year contract',
    ],
    ['title case headline', 'Trust Wins £78M Contract With Serco', '£78M Contract'],
    ['a range', 'A £1bn to £2bn funding gap remains', '£1bn to £2bn funding gap'],
    ['"supply" is a noun, not an adverb', '£3m supply chain deal', '£3m supply chain deal'],
    [
      'at most four words of noun',
      'a £5bn national capital investment programme fund plan',
      '£5bn national capital investment programme',
    ],
  ])('%s', (_name, text, expected) => {
    expect(contexts(text)).toEqual([expected]);
  });

  it.each([
    ['a sentence end', 'The budget is £5bn. Contract talks resume.'],
    ['a full stop with no space after the sum', 'The budget is £5bn.Contract talks resume.'],
    ['a line break', 'Budget: £5bn\nContract talks resume'],
    ['markup after the sum', '£5bn <!channel> target'],
    ['a mention', '£5bn @everyone target'],
    ['a link', '£5bn https://evil.example/x target'],
    ['a preposition', 'Government pledges £20m for new beds'],
    ['a verb', 'It will cost £5bn needed to fix roofs'],
    ['an auxiliary', 'a further £200m will follow next year'],
    ['how much of a sum', 'part of £5bn'],
    ['a colon label', 'Total: £5bn'],
    ['the text end', 'Hospitals could save £5bn'],
    ['a quote', 'a "£5 billion" gap'],
    ['digits', '£5bn 2017 plan'],
    ['an over-long word', `£5bn ${'x'.repeat(200)}`],
  ])('none across %s', (_name, text) => {
    expect(contexts(text)).toEqual([undefined]);
  });

  it('stays within a long hostile sentence and on each sum', () => {
    const text = `${'word '.repeat(5000)}£1m grant and £2m loan, ${'£'.repeat(3000)}`;
    expect(contexts(text)).toEqual(['£1m grant', '£2m loan']);
  });
});
