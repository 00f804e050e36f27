// An entry names sources by name (never an internal id) and keeps what each sum is.
import { describe, expect, it } from 'vitest';
import { toEntry } from '../../src/digest/cluster-entry.js';
import { makeStory } from './make-story.js';

const names = new Map([['nhse', 'NHS England news']]);

describe('toEntry', () => {
  it('names a source no longer configured by its link host, not its id', () => {
    const gone = makeStory({ id: 'a', sourceId: 'old-hsj-feed', url: 'https://www.hsj.co.uk/x' });
    const entry = toEntry([makeStory({ id: 'b' }), gone], 1, names);
    expect(entry.links.map((l) => l.sourceName)).toEqual(['NHS England news', 'www.hsj.co.uk']);
  });

  it('keeps a sum with its context, and the plain text in money', () => {
    const story = makeStory({
      id: 'c',
      money: [
        ['£5bn', 5e9],
        ['£12m', 12e6],
      ],
    });
    story.entities.money[0]!.context = 'savings target';
    const entry = toEntry([story], 1, names);
    expect(entry.money).toEqual(['£5bn', '£12m']);
    expect(entry.sums).toEqual([
      { text: '£5bn', pounds: 5e9, context: 'savings target' },
      { text: '£12m', pounds: 12e6 },
    ]);
  });

  it('gives a lead two or three sentences when the summary has them', () => {
    const story = makeStory({
      id: 'd',
      summary: 'First sentence here. Second sentence follows. Third sentence ends it. A fourth.',
    });
    const entry = toEntry([story], 1, names);
    expect(entry.summary).toBe('First sentence here. Second sentence follows.');
    expect(entry.longSummary).toBe(
      'First sentence here. Second sentence follows. Third sentence ends it.',
    );
  });
});
