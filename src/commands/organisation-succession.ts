// Following an organisation through its succession, when the channel or the search asks for it:
// `org:05C+succession` means NHS Dudley CCG and its whole line of succession: what it became
// (NHS Black Country and West Birmingham CCG, then NHS Black Country ICB) and what it came from.
// So `org:QUA+succession` also finds stories naming the CCGs and STP footprint before the ICB.
// Plain `org:05C` still means that one organisation. Succession is data (the gazetteer's
// `successors`); this module only walks it. Pure.
import type { OrganisationEntry } from '../config/organisations.js';

/** The suffix that asks for the line of succession ("+successors" is read the same). */
export const SUCCESSION_SUFFIX = '+succession';
const SUFFIX_WORDS = new Set(['succession', 'successors']);

/** "Dudley CCG+succession" -> { name: "Dudley CCG", follow: true }. */
export function splitSuccession(text: string): { name: string; follow: boolean } {
  const plus = text.lastIndexOf('+');
  if (
    plus < 0 ||
    !SUFFIX_WORDS.has(
      text
        .slice(plus + 1)
        .trim()
        .toLowerCase(),
    )
  ) {
    return { name: text, follow: false };
  }
  return { name: text.slice(0, plus).trim(), follow: true };
}

/**
 * A function giving an organisation's line of succession: the id itself, then everything it
 * became (successors of successors), then everything it came from (predecessors of
 * predecessors). Never siblings: following Dudley CCG does not bring in Walsall CCG.
 */
export function createSuccessionLine(
  entries: readonly Pick<OrganisationEntry, 'id' | 'successors'>[],
): (id: string) => string[] {
  const after = new Map<string, readonly string[]>();
  const before = new Map<string, string[]>();
  for (const entry of entries) {
    const successors = entry.successors ?? [];
    after.set(entry.id, successors);
    for (const next of successors) {
      const list = before.get(next);
      if (list === undefined) before.set(next, [entry.id]);
      else list.push(entry.id);
    }
  }
  return (id) => {
    const line = [id];
    walk(id, after, line);
    walk(id, before, line);
    return line;
  };
}

function walk(start: string, links: ReadonlyMap<string, readonly string[]>, into: string[]): void {
  const queue = [...(links.get(start) ?? [])];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (into.includes(id)) continue; // A cycle in hand-edited data must not loop forever.
    into.push(id);
    queue.push(...(links.get(id) ?? []));
  }
}
