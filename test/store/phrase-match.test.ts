// phraseMatcher: a run of words, folded and stemmed roughly as the index does.
import { describe, expect, it } from 'vitest';
import { phraseMatcher } from '../../src/store/phrase-match.js';

describe('phraseMatcher', () => {
  const holds = phraseMatcher(['Care Quality Commission', 'health education england']);

  it('finds a phrase as a run of words, whatever the case, accents and endings', () => {
    expect(holds('The care quality commission rated the trust')).toBe(true);
    expect(holds('Health Education England’s budget')).toBe(true);
    expect(holds('Caré Qualities Commissions inspected it')).toBe(true);
  });

  it('does not match the words apart or in another order', () => {
    expect(holds('Care for quality: the commission says')).toBe(false);
    expect(holds('England health education')).toBe(false);
    expect(phraseMatcher([])('Care Quality Commission')).toBe(false);
  });

  it('checks headline and standfirst joined by a line break, and any of several phrases', () => {
    expect(holds('Board papers\nHealth Education England plans')).toBe(true);
    expect(holds('Care Quality\nCommission')).toBe(true);
    expect(holds('Board papers\nHealth England education')).toBe(false);
  });
});
