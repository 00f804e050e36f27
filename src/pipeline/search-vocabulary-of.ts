// One search vocabulary per loaded configuration, built on first use: the command deps and the
// CLI's `search` share it instead of each building it (with the gazetteer's thousands of names it
// was a fifth of `briefing search`'s cold start, twice; issue 17). Keyed by the frozen AppConfig
// object, so a reloaded configuration gets its own.
import { buildSearchVocabulary, type SearchVocabulary } from '../commands/search-vocabulary.js';
import type { AppConfig } from '../config/load.js';

const built = new WeakMap<AppConfig, SearchVocabulary>();

export function searchVocabularyOf(config: AppConfig): SearchVocabulary {
  let vocabulary = built.get(config);
  if (vocabulary === undefined) {
    vocabulary = buildSearchVocabulary(config);
    built.set(config, vocabulary);
  }
  return vocabulary;
}
