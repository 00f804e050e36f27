// "Did you mean ...?" for an organisation name nothing in the gazetteer matched: the closest
// entries by spelling, so `org:"Dudly Group"` or `org:RNB` points at a real organisation. Pure.
// A candidate is close when the whole name (or id or acronym) is within a typo's reach, or when
// every distinctive typed word is within a typo of a word of one of its names. Open
// organisations come before closed ones at the same distance.
import type { OrganisationEntry } from '../config/organisations.js';
import { editDistance } from '../text/suggest-closest.js';
import { organisationKey } from './resolve-organisation.js';

const MAX_SUGGESTIONS = 3;
/** Words too common in names to point at one organisation. */
const COMMON_WORDS = new Set([
  'nhs',
  'trust',
  'foundation',
  'and',
  'of',
  'the',
  'for',
  'ft',
  'hospital',
  'hospitals',
  'health',
  'care',
  'university',
  'integrated',
  'board',
  'partnership',
]);
const MAX_TYPED_CHARS = 80;
/** A whole name further than this from every spelling is not a typo of it. */
const MAX_NAME_EDITS = 3;

interface Candidate {
  id: string;
  open: boolean;
  /** organisationKey of the id, name, variants and acronyms. */
  keys: string[];
  /** Distinct words of those keys. */
  words: string[];
}

/** Edits allowed for a word of this length: none below 4 letters, about one per three. */
function reach(length: number): number {
  return length < 4 ? 0 : Math.max(1, Math.floor(length / 3));
}

function wordDistance(typed: readonly string[], words: readonly string[]): number | null {
  let total = 0;
  for (const word of typed) {
    let best = Infinity;
    for (const candidate of words) {
      if (Math.abs(candidate.length - word.length) > reach(word.length)) continue;
      best = Math.min(best, editDistance(word, candidate));
      if (best === 0) break;
    }
    if (best > reach(word.length)) return null;
    total += best;
  }
  return total;
}

export function createOrganisationSuggester(
  entries: readonly OrganisationEntry[],
): (text: string) => string[] {
  const candidates: Candidate[] = entries.map((entry) => {
    const keys = [entry.id, entry.name, ...entry.variants, ...entry.acronyms]
      .map(organisationKey)
      .filter((k) => k !== '');
    // "Clinical Commissioning Group" is a kind, not a name: its "group" must not make every
    // CCG look like "Dudly Group"; "ccg" stands in for it.
    const named = keys.map((k) => k.replace(/\bclinical commissioning group\b/g, 'ccg'));
    const words = [...new Set(named.flatMap((k) => k.split(' ')))];
    return { id: entry.id, open: entry.closed == null, keys, words };
  });
  return (text) => {
    const key = organisationKey(text.slice(0, MAX_TYPED_CHARS));
    const typed = key.split(' ').filter((w) => w.length >= 4 && !COMMON_WORDS.has(w));
    // "NHS Foundation Trust" is close to hundreds of names: nothing distinctive, no guess.
    if (key.length < 3 || (typed.length === 0 && key.includes(' '))) return [];
    const keyReach = Math.min(MAX_NAME_EDITS, reach(key.length));
    const scored: { id: string; open: boolean; score: number }[] = [];
    for (const c of candidates) {
      let score = Infinity;
      for (const k of c.keys) {
        if (Math.abs(k.length - key.length) > keyReach) continue;
        const d = editDistance(key, k);
        if (d <= keyReach) score = Math.min(score, d);
      }
      if (score === Infinity && typed.length > 0) {
        const d = wordDistance(typed, c.words);
        // Matching on words only: rank after whole-name matches of the same distance.
        if (d !== null) score = d + 0.5;
      }
      if (score !== Infinity) scored.push({ id: c.id, open: c.open, score });
    }
    return scored
      .sort((a, b) => a.score - b.score || Number(b.open) - Number(a.open))
      .slice(0, MAX_SUGGESTIONS)
      .map((s) => s.id);
  };
}
