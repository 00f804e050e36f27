// One search vocabulary per loaded configuration, built on first use: the command deps and the
// CLI's `search` share it instead of each building it (with the gazetteer's thousands of names it
// was a fifth of `briefing search`'s cold start, twice; issue 17). Keyed by the frozen AppConfig
// object, so a reloaded configuration gets its own. Building it still cost ~30 ms of CPU on every
// `briefing search`, so it is also cached on disk beside the validated configuration
// (config/derived-cache.ts), keyed by the configuration and the code that builds it; a cached one
// makes each entry's sets only when a query looks that entry up.
import { fileURLToPath } from 'node:url';
import {
  buildSearchVocabulary,
  type SearchVocabulary,
  type VocabularyEntry,
} from '../commands/search-vocabulary.js';
import type { AppConfig } from '../config/load.js';
import { codeKeyOf, readDerivedValue, writeDerivedValue } from '../config/derived-cache.js';

const built = new WeakMap<AppConfig, SearchVocabulary>();

const CACHE_NAME = 'search-vocabulary';

/** One entry on disk: alternatives, organisation ids, themes. */
type EntryRow = [string[], string[], string[]];

interface VocabularyRows {
  byWords: Record<string, EntryRow>;
  byCode: Record<string, EntryRow>;
  maxWords: number;
}

let codeKey: string | undefined;

/** A hash of the code that builds and serialises the vocabulary (compiled or TypeScript). */
function vocabularyCodeKey(): string {
  codeKey ??= codeKeyOf(
    ['../commands/search-vocabulary', './search-vocabulary-of'].flatMap((base) =>
      ['.js', '.ts'].map((extension) =>
        fileURLToPath(new URL(`${base}${extension}`, import.meta.url)),
      ),
    ),
  );
  return codeKey;
}

function toRows(map: ReadonlyMap<string, VocabularyEntry>): Record<string, EntryRow> {
  const rows: Record<string, EntryRow> = {};
  for (const [key, entry] of map) {
    rows[key] = [[...entry.alternatives], [...entry.organisationIds], [...entry.themes]];
  }
  return rows;
}

/** A lookup over rows read from disk that makes an entry's sets when it is first asked for. */
function lazyLookup(rows: Record<string, EntryRow>): SearchVocabulary['byWords'] {
  const made = new Map<string, VocabularyEntry>();
  return {
    get(key: string): VocabularyEntry | undefined {
      let entry = made.get(key);
      if (entry !== undefined) return entry;
      const row = Object.hasOwn(rows, key) ? rows[key] : undefined;
      if (row === undefined) return undefined;
      entry = {
        alternatives: new Set(row[0]),
        organisationIds: new Set(row[1]),
        themes: new Set(row[2]),
      };
      made.set(key, entry);
      return entry;
    },
  };
}

function isRows(value: unknown): value is VocabularyRows {
  const rows = value as Partial<VocabularyRows> | null | undefined;
  return (
    typeof rows?.maxWords === 'number' &&
    typeof rows.byWords === 'object' &&
    rows.byWords !== null &&
    typeof rows.byCode === 'object' &&
    rows.byCode !== null
  );
}

function loadOrBuild(config: AppConfig): SearchVocabulary {
  const cached = readDerivedValue(config, CACHE_NAME, vocabularyCodeKey());
  if (isRows(cached)) {
    return {
      byWords: lazyLookup(cached.byWords),
      byCode: lazyLookup(cached.byCode),
      maxWords: cached.maxWords,
    };
  }
  const vocabulary = buildSearchVocabulary(config);
  const rows: VocabularyRows = {
    byWords: toRows(vocabulary.byWords),
    byCode: toRows(vocabulary.byCode),
    maxWords: vocabulary.maxWords,
  };
  writeDerivedValue(config, CACHE_NAME, vocabularyCodeKey(), rows);
  return vocabulary;
}

export function searchVocabularyOf(config: AppConfig): SearchVocabulary {
  let vocabulary = built.get(config);
  if (vocabulary === undefined) {
    vocabulary = loadOrBuild(config);
    built.set(config, vocabulary);
  }
  return vocabulary;
}
