// The search vocabulary cached beside the validated configuration (pipeline/search-vocabulary-of.ts
// over config/derived-cache.ts): a restart reads it instead of building it, answers every lookup
// exactly as a fresh build does, and a changed configuration, a corrupt file or no config cache
// means building afresh.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSearchVocabulary } from '../../src/commands/search-vocabulary.js';
import { prepareConfigLoader } from '../../src/config/config-cache.js';
import { loadConfigOrThrow } from '../../src/config/load.js';
import { searchVocabularyOf } from '../../src/pipeline/search-vocabulary-of.js';
import { CONFIG_DIR } from '../helpers/app-fixture.js';

let work: string;
let configDir: string;
let cacheFile: string;
let vocabularyFile: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'briefing-vocabulary-cache-'));
  configDir = join(work, 'config');
  cpSync(CONFIG_DIR, configDir, { recursive: true });
  cacheFile = join(work, 'data', 'config-cache.json');
  vocabularyFile = join(work, 'data', 'config-cache-search-vocabulary.json');
});

afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

/** A start of the process: the configuration through the cache, as cli/context.ts loads it. */
async function start() {
  return (await prepareConfigLoader(configDir, cacheFile))();
}

function entriesFor(vocabulary: ReturnType<typeof searchVocabularyOf>, keys: string[]) {
  return keys.map((key) => [key, vocabulary.byWords.get(key), vocabulary.byCode.get(key)]);
}

describe('the cached search vocabulary', () => {
  it('is written on the first start and read on a restart, with the same answers', async () => {
    const first = await start();
    const built = buildSearchVocabulary(first);
    expect(searchVocabularyOf(first).byWords.get('ics')).toEqual(built.byWords.get('ics'));
    expect(existsSync(vocabularyFile)).toBe(true);

    const restarted = await start();
    expect(restarted).not.toBe(first); // a new process's value: the vocabulary comes from disk
    const cached = searchVocabularyOf(restarted);
    expect(cached.byWords).not.toBeInstanceOf(Map);
    const keys = [...built.byWords.keys(), ...built.byCode.keys(), 'not a known phrase', ''];
    expect(entriesFor(cached, keys)).toEqual(entriesFor(built, keys));
    expect(cached.maxWords).toBe(built.maxWords);
    expect(built.byWords.size).toBeGreaterThan(100);
  });

  it('is built afresh when the configuration changes', async () => {
    searchVocabularyOf(await start());
    const search = join(configDir, 'search.yaml');
    const text = readFileSync(search, 'utf8');
    writeFileSync(
      search,
      `${text.trimEnd()}\n  - acronym: ZQX\n    longForms: [zebra quorum exchange]\n`,
    );
    const edited = await start();
    const vocabulary = searchVocabularyOf(edited);
    expect(vocabulary.byWords).toBeInstanceOf(Map);
    expect([...(vocabulary.byWords.get('zqx')?.alternatives ?? [])]).toEqual([
      'zebra quorum exchange',
    ]);
  });

  it('ignores a corrupt file, and is not written without a config cache', async () => {
    searchVocabularyOf(await start());
    writeFileSync(vocabularyFile, '{"format": "briefing-derived-cache/1", "key": ');
    const restarted = await start();
    expect(searchVocabularyOf(restarted).byWords.get('ics')).toEqual(
      buildSearchVocabulary(restarted).byWords.get('ics'),
    );
    rmSync(join(work, 'data'), { recursive: true });
    searchVocabularyOf(loadConfigOrThrow(configDir));
    expect(existsSync(vocabularyFile)).toBe(false);
  });
});
