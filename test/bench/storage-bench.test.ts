// The storage benchmark's parts at the tiniest size: the generated archive is deterministic and
// reads like news (events reported by several outlets, bodies of a few hundred words), and every
// benchmark query runs through the product's search entry point and as a raw FTS5 floor query on
// a real database. Nothing here measures speed (that is `npm run bench`).
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { tagAndStore } from '../../src/pipeline/tag-and-store.js';
import { createCorpus, type CorpusItem } from './storage-corpus.js';
import { SEARCH_QUERIES } from './search-queries.js';
import { floorExpression, timeSearchesSideBySide } from './storage-search.js';

const NOW = new Date('2024-01-15T12:00:00Z');

describe('storage bench corpus', () => {
  it('is the same on every run and reports events through several outlets', () => {
    const a = createCorpus(7, 3000);
    const b = createCorpus(7, 3000);
    expect(a.item(1234)).toEqual(b.item(1234));
    const items = Array.from({ length: 300 }, (_, n) => a.item(n));
    // Repeated events: the same organisations and sum in consecutive items from other outlets.
    const key = (i: CorpusItem) =>
      `${i.entities.organisations.map((o) => o.id).join()}|${i.entities.money[0]?.text}`;
    const repeats = items.flatMap((item, n) =>
      n > 0 && key(item) === key(items[n - 1]!) ? [[items[n - 1]!, item] as const] : [],
    );
    expect(repeats.length).toBeGreaterThan(40);
    // ... in other words.
    const reworded = repeats.filter(([before, after]) => before.story.title !== after.story.title);
    expect(reworded.length).toBeGreaterThan(repeats.length * 0.8);
    const bodies = items.map((i) => i.story.content).filter((c) => c !== '');
    const words = bodies.reduce((sum, c) => sum + c.split(/\s+/).length, 0) / bodies.length;
    expect(words).toBeGreaterThan(150);
    expect(words).toBeLessThan(400);
  });
});

describe('storage bench queries', () => {
  it('are 50 or more, and every one runs through the product and as a floor query', () => {
    expect(SEARCH_QUERIES.length).toBeGreaterThanOrEqual(50);
    const db = openDatabase(':memory:');
    const corpus = createCorpus(20170213, 2000);
    const items = new Map<string, CorpusItem>();
    for (let n = 0; n < 2000; n++) items.set(corpus.item(n).story.id, corpus.item(n));
    tagAndStore(
      db,
      [...items.values()].map((i) => i.story),
      NOW,
      (story) => {
        const item = items.get(story.id)!;
        return { tags: item.tags, entities: item.entities, rulesVersion: 'bench' };
      },
    );
    const timings = timeSearchesSideBySide(db, 1);
    expect(timings).toHaveLength(SEARCH_QUERIES.length);
    const byText = new Map(timings.map((t) => [t.text, t]));
    expect(byText.get('procurement')!.hits).toBeGreaterThan(0);
    expect(byText.get('deficit since:2030-01-01')!.hits).toBe(0);
    expect(byText.get('procurement source:govuk-procurement')!.hits).toBe(0);
    // Filter-only queries have no floor; every other query has one.
    for (const t of timings) expect(t.floor.length).toBe(floorExpression(t.text) === null ? 0 : 1);
    db.close();
  });
});
