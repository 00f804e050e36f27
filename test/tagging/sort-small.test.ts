// sortSmall (sort-small.ts, issue 18) must order exactly as Array#sort with the same comparator:
// stable, ties kept in input order, short lists by insertion and long ones by Array#sort.
import { describe, expect, it } from 'vitest';
import { sortSmall } from '../../src/tagging/sort-small.js';

interface Item {
  key: number;
  at: number;
}

function byKey(a: Item, b: Item): number {
  return a.key - b.key;
}

describe('sortSmall', () => {
  it('gives Array#sort order, ties included, for short and long lists', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (const length of [0, 1, 2, 3, 5, 16, 17, 40]) {
      for (let round = 0; round < 20; round++) {
        const items: Item[] = Array.from({ length }, (_, at) => ({ key: next() % 4, at }));
        const expected = [...items].sort(byKey);
        expect(sortSmall([...items], byKey)).toEqual(expected);
      }
    }
  });
});
