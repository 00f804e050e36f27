// Query expansion through the shared vocabulary (search-vocabulary.ts): a typed acronym also
// searches its long forms, a typed long form (as words or a quoted phrase) its acronym, and an
// organisation's name, acronym or code also searches the stories tagged with it. Excluded words
// and prefixes are never expanded. Runs of words are matched longest first, a plural of the last
// word matching too ("integrated care systems"). Bounded whatever the query: at most MAX_GROUPS
// expanded runs, MAX_ALTERNATIVES phrases and MAX_ORGANISATIONS organisations each.
import type { SearchExpansion, SearchQuery } from '../domain.js';
import { vocabularyKey, type SearchVocabulary, type VocabularyEntry } from './search-vocabulary.js';

export const MAX_GROUPS = 8;
export const MAX_ALTERNATIVES = 4;
export const MAX_ORGANISATIONS = 8;

function lookup(vocabulary: SearchVocabulary, key: string): VocabularyEntry | undefined {
  const exact = vocabulary.byWords.get(key);
  if (exact !== undefined) return exact;
  // "systems" -> "system", "ICSs" -> "ICS"; not "nhs" -> "nh" (too short to be a plural).
  return key.length > 3 && key.endsWith('s') ? vocabulary.byWords.get(key.slice(0, -1)) : undefined;
}

function toExpansion(
  entry: VocabularyEntry,
  typed: string,
  terms: string[],
  phrase: string | null,
): SearchExpansion | null {
  const typedKey = vocabularyKey(typed);
  const seen = new Set([typedKey]);
  const alternatives: string[] = [];
  for (const alternative of entry.alternatives) {
    const key = vocabularyKey(alternative);
    if (seen.has(key) || alternatives.length >= MAX_ALTERNATIVES) continue;
    seen.add(key);
    alternatives.push(alternative);
  }
  const organisationIds = [...entry.organisationIds].slice(0, MAX_ORGANISATIONS);
  if (alternatives.length + organisationIds.length + entry.themes.size === 0) return null;
  return { terms, phrase, alternatives, organisationIds, themes: [...entry.themes] };
}

/** Expansions for the runs of `terms` the vocabulary knows, longest run first. */
function expandTerms(terms: readonly string[], vocabulary: SearchVocabulary): SearchExpansion[] {
  const out: SearchExpansion[] = [];
  let i = 0;
  while (i < terms.length && out.length < MAX_GROUPS) {
    let found: SearchExpansion | null = null;
    let length = Math.min(vocabulary.maxWords, terms.length - i);
    for (; length >= 1 && found === null; length--) {
      const run = terms.slice(i, i + length);
      const typed = run.join(' ');
      const code = length === 1 ? vocabulary.byCode.get(typed) : undefined;
      const entry = lookup(vocabulary, vocabularyKey(typed)) ?? code;
      if (entry !== undefined) found = toExpansion(entry, typed, run, null);
      if (found !== null) break;
    }
    if (found !== null) {
      out.push(found);
      i += found.terms.length;
    } else {
      i++;
    }
  }
  return out;
}

export function expandSearchQuery(
  query: SearchQuery,
  vocabulary: SearchVocabulary,
): SearchExpansion[] {
  const out = expandTerms(query.terms, vocabulary);
  for (const phrase of query.phrases) {
    if (out.length >= MAX_GROUPS) break;
    const entry = lookup(vocabulary, vocabularyKey(phrase));
    const expansion = entry === undefined ? null : toExpansion(entry, phrase, [], phrase);
    if (expansion !== null) out.push(expansion);
  }
  return out;
}
