// The entry layout every chat renderer shares: the facts line carries "Also in" when a story
// shown once was filed in other sections too.
import { describe, expect, it } from 'vitest';
import { factsLine, layoutEntry, type EntryStyle } from '../../src/digest/entry-parts.js';
import type { DigestEntry } from '../../src/domain.js';

const plain: EntryStyle = {
  limit: 3000,
  maxSummary: 300,
  maxExtraLinks: 3,
  headline: (_url, title) => `*${title}*`,
  link: (_url, label) => label,
  fit: (text, max) => text.slice(0, max),
  facts: (text, max) => `_${text.slice(0, max)}_`,
};

const entry: DigestEntry = {
  storyIds: ['a'],
  title: 'Carter review names savings',
  url: 'https://example.org/a',
  links: [
    {
      sourceId: 'hsj',
      sourceName: 'HSJ',
      url: 'https://example.org/a',
      title: 'Carter review names savings',
      publishedAt: '2021-11-23T09:00:00.000Z',
      paywalled: false,
    },
  ],
  publishedAt: '2021-11-23T09:00:00.000Z',
  summary: 'Trusts were told to save.',
  organisations: ['NHS England'],
  money: ['£5bn'],
  score: 1,
  alsoIn: ['Procurement', 'Finance'],
};

describe('factsLine', () => {
  it('joins organisations, sums and other sections; empty parts are left out', () => {
    expect(factsLine(['A'], [], ['Procurement'])).toBe('Organisations: A · Also in: Procurement');
    expect(factsLine([], [], [])).toBe('');
  });
});

describe('layoutEntry', () => {
  it('ends with the facts line naming the other sections', () => {
    const text = layoutEntry(entry, 'Europe/London', plain);
    expect(text.split('\n').at(-1)).toBe(
      '_Organisations: NHS England · Sums: £5bn · Also in: Procurement, Finance_',
    );
  });
});
