// The vocabulary search expands queries with, built once from the configuration the tagger uses:
// acronym and long-form pairs derived from config/themes.yaml (an acronym and a phrase of the same
// theme or context set whose initials spell it), the pairs config/search.yaml lists, and the
// organisation gazetteer (acronyms, names, variants and codes). Pure; see expand-search-query.ts.
import type { OrganisationEntry } from '../config/organisations.js';
import type { SearchSettings } from '../config/search-vocabulary.js';
import type { ThemeSet } from '../config/themes.js';

export interface VocabularyEntry {
  alternatives: Set<string>;
  organisationIds: Set<string>;
  themes: Set<string>;
}

/** Lookups only (a Map, or a lazily revived cached copy: pipeline/search-vocabulary-of.ts). */
export interface VocabularyLookup {
  get(key: string): VocabularyEntry | undefined;
}

export interface SearchVocabulary {
  /** Keyed by vocabularyKey(words): what else to search for those words. */
  byWords: VocabularyLookup;
  /** Organisation codes as written (case-sensitive: "RNA" is a code, "rna" a word). */
  byCode: VocabularyLookup;
  /** Most words in any key: the longest run of query words worth looking up. */
  maxWords: number;
}

const SKIPPED_IN_INITIALS = new Set(['and', 'of', 'the', 'for', 'in']);

/** Lower-cased words of `text` joined by one space ("&" reads as "and"), the lookup key. */
export function vocabularyKey(text: string): string {
  return (
    text
      .replace(/&/g, ' and ')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).join(' ');
}

/** Initials of a phrase, hyphenated words counted once ("multi-specialty" gives "m"). */
function initialsOf(phrase: string): string {
  const words = phrase.replace(/&/g, ' and ').toLowerCase().split(/\s+/);
  return words
    .filter((w) => w !== '' && !SKIPPED_IN_INITIALS.has(w))
    .map((w) => /[\p{L}\p{N}]/u.exec(w)?.[0] ?? '')
    .join('');
}

function entryFor(map: Map<string, VocabularyEntry>, key: string): VocabularyEntry {
  let entry = map.get(key);
  if (entry === undefined) {
    entry = { alternatives: new Set(), organisationIds: new Set(), themes: new Set() };
    map.set(key, entry);
  }
  return entry;
}

/** Records `acronym` and `longForm` as standing for each other, in `theme`'s sense if given. */
function pair(
  map: Map<string, VocabularyEntry>,
  acronym: string,
  longForm: string,
  theme: string | null,
): void {
  const a = entryFor(map, vocabularyKey(acronym));
  a.alternatives.add(longForm);
  const l = entryFor(map, vocabularyKey(longForm));
  l.alternatives.add(acronym);
  if (theme !== null) {
    a.themes.add(theme);
    l.themes.add(theme);
  }
}

function addThemePairs(map: Map<string, VocabularyEntry>, themes: ThemeSet): void {
  const groups = [
    ...themes.themes.map((theme) => ({
      theme: theme.id as string | null,
      rules: theme.rules.filter((r) => r.role !== 'negative' && r.weight > 0),
    })),
    ...Object.values(themes.contexts).map((set) => ({
      theme: null,
      rules: [
        { kind: 'phrase', terms: set.phrases },
        { kind: 'acronym', terms: set.acronyms },
      ],
    })),
  ];
  for (const { theme, rules } of groups) {
    const acronyms = rules.filter((r) => r.kind === 'acronym').flatMap((r) => r.terms);
    const phrases = rules.filter((r) => r.kind === 'phrase').flatMap((r) => r.terms);
    // Every word of the theme's vocabulary says which sense is meant ("vanguard": the NHS sites).
    if (theme !== null) {
      for (const term of [...acronyms, ...phrases])
        entryFor(map, vocabularyKey(term)).themes.add(theme);
    }
    for (const acronym of acronyms) {
      const letters = vocabularyKey(acronym).replace(/ /g, '');
      if (letters.length < 2 || /\s/.test(acronym.trim())) continue;
      for (const phrase of phrases) {
        if (phrase.trim().includes(' ') && initialsOf(phrase) === letters) {
          pair(map, acronym, phrase, theme);
        }
      }
    }
  }
}

const CODE = /^[A-Z0-9]{3,5}$/;

function addOrganisations(
  map: Map<string, VocabularyEntry>,
  codes: Map<string, VocabularyEntry>,
  organisations: readonly OrganisationEntry[],
): void {
  for (const org of organisations) {
    const ambiguous = new Set(org.ambiguous);
    const names = [org.name, ...org.variants].filter((n) => !ambiguous.has(n));
    const acronyms = org.acronyms.filter((a) => !ambiguous.has(a));
    for (const name of names) {
      const entry = entryFor(map, vocabularyKey(name));
      entry.organisationIds.add(org.id);
      for (const acronym of acronyms) entry.alternatives.add(acronym);
    }
    for (const acronym of acronyms) {
      const entry = entryFor(map, vocabularyKey(acronym));
      entry.organisationIds.add(org.id);
      entry.alternatives.add(org.name);
    }
    if (CODE.test(org.id)) {
      const entry = entryFor(codes, org.id);
      entry.organisationIds.add(org.id);
      entry.alternatives.add(org.name);
    }
  }
}

export function buildSearchVocabulary(input: {
  themes: ThemeSet;
  organisations: readonly OrganisationEntry[];
  search: SearchSettings;
}): SearchVocabulary & {
  byWords: ReadonlyMap<string, VocabularyEntry>;
  byCode: ReadonlyMap<string, VocabularyEntry>;
} {
  const byWords = new Map<string, VocabularyEntry>();
  const byCode = new Map<string, VocabularyEntry>();
  addThemePairs(byWords, input.themes);
  for (const entry of input.search.expansions) {
    for (const longForm of entry.longForms) pair(byWords, entry.acronym, longForm, entry.theme);
  }
  addOrganisations(byWords, byCode, input.organisations);
  byWords.delete('');
  let maxWords = 1;
  for (const key of byWords.keys()) maxWords = Math.max(maxWords, key.split(' ').length);
  return { byWords, byCode, maxWords };
}
