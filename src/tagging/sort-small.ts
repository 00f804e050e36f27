// A stable in-place sort for the short lists tagging sorts per story (a theme's few hits, a
// story's two or three tags): Array#sort's set-up costs more than sorting two items (issue 18).
// Same comparator, same stable order as Array#sort, so results do not change. Pure.

/** Longer lists go to Array#sort: insertion sort is quadratic, and story text is untrusted. */
const SMALL = 16;

/** Sorts `items` in place by `compare`, stably (insertion sort for lists of a few items). */
export function sortSmall<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > SMALL) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    let j = i - 1;
    while (j >= 0 && compare(items[j]!, item) > 0) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}
