// A cache of the validated configuration, so a CLI command does not parse and validate config/ on
// every start (issue 17: with YAML parsing, the zod schemas and the regex safety checks of
// themes.yaml that was most of `briefing sources`' cold start). The cache is one JSON file
// beside the database holding the AppConfig of the last successful validation and a fingerprint:
// a SHA-256 of every config file's bytes, the config folder's path, and the code that validates
// and normalises them (every module in this folder, text/regex-safety and package.json's pinned
// versions). Any edit to a config file or to that code changes the fingerprint, so the files are
// validated again. Only a valid configuration is ever written: a broken file always goes through
// validation and gets its usual error. An unreadable, corrupt or foreign cache file is ignored
// (and overwritten); a data folder that cannot be written just means no cache.
// This module imports neither zod nor yaml: on a cache hit neither is loaded (load.ts is imported
// only on a miss).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeBacktrackingRisk, recordSafePatterns } from '../text/regex-safety.js';
import type { AppConfig } from './load.js';
import type { ThemeSet } from './themes.js';

/** Bump to drop every existing cache file when the cache's own format changes. */
const CACHE_FORMAT = 'briefing-config-cache/1';

/** Every file loadConfig reads (load.ts); a missing optional file counts as "missing". */
const CONFIG_FILES = [
  'settings.yaml',
  'sources.yaml',
  'themes.yaml',
  'organisations.yaml',
  'search.yaml',
] as const;

const HERE = dirname(fileURLToPath(import.meta.url));

/** Source modules whose code decides what a valid configuration is and what it becomes. */
function validatorFiles(): string[] {
  const own = readdirSync(HERE)
    .filter((name) => /\.(ts|js|mjs)$/.test(name) && !name.endsWith('.d.ts'))
    .sort()
    .map((name) => join(HERE, name));
  const text = join(HERE, '..', 'text');
  const safety = readdirSync(text)
    .filter((name) => /^regex-safety\.(ts|js)$/.test(name))
    .map((name) => join(text, name));
  return [...own, ...safety, join(HERE, '..', '..', 'package.json')];
}

let codeFingerprint: string | undefined;

export function hashFiles(hash: ReturnType<typeof createHash>, files: readonly string[]): void {
  for (const file of files) {
    hash.update(`\0${file}\0`);
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update('\0missing\0');
    }
  }
}

/** The fingerprint of config folder `dir` as it is now (reads every file; ~1 ms). */
export function fingerprintConfig(dir: string): string {
  if (codeFingerprint === undefined) {
    const code = createHash('sha256');
    hashFiles(code, validatorFiles());
    codeFingerprint = code.digest('hex');
  }
  const hash = createHash('sha256').update(`${CACHE_FORMAT}\0${codeFingerprint}\0`);
  const folder = resolve(dir);
  hashFiles(
    hash,
    CONFIG_FILES.map((name) => join(folder, name)),
  );
  return hash.digest('hex');
}

/** The cache file and fingerprint of each configuration value read from or written to a cache. */
const identities = new WeakMap<AppConfig, { cacheFile: string; fingerprint: string }>();

/**
 * Where `config` is cached and under which fingerprint, when it came from (or went into) the
 * cache: values derived from it can be cached under the same key (derived-cache.ts).
 */
export function configCacheIdentity(
  config: AppConfig,
): { cacheFile: string; fingerprint: string } | undefined {
  return identities.get(config);
}

interface CacheFile {
  format: typeof CACHE_FORMAT;
  fingerprint: string;
  config: AppConfig;
}

/** Freezes what loadConfig freezes, so a cached value behaves like a fresh one. */
function freezeConfig(config: AppConfig): AppConfig {
  Object.freeze(config.sources);
  Object.freeze(config.organisations);
  return Object.freeze(config);
}

/** Every regex the tagger compiles from `themes` (tagging/compile-themes.ts), as it compiles it. */
function themePatterns(themes: ThemeSet): { pattern: string; flags: string }[] {
  const rules = themes.themes.flatMap((theme) => theme.rules);
  return [
    ...rules.flatMap((rule) =>
      rule.kind === 'regex' ? [{ pattern: rule.pattern ?? '', flags: rule.flags }] : [],
    ),
    ...Object.values(themes.contexts).flatMap((set) => set.regexes),
  ];
}

/** The cached configuration when `cacheFile` holds one for exactly this fingerprint. */
export function readCachedConfig(cacheFile: string, fingerprint: string): AppConfig | null {
  let parsed: Partial<CacheFile> | null;
  try {
    parsed = JSON.parse(readFileSync(cacheFile, 'utf8')) as Partial<CacheFile> | null;
  } catch {
    return null; // absent, unreadable or corrupt: validate as if there were no cache
  }
  if (
    parsed?.format !== CACHE_FORMAT ||
    parsed.fingerprint !== fingerprint ||
    typeof parsed.config !== 'object' ||
    parsed.config === null
  ) {
    return null;
  }
  // Cached only after this same code (the fingerprint covers text/regex-safety) found every
  // pattern safe: the tagger's own check need not load the analysers again.
  recordSafePatterns(themePatterns(parsed.config.themes));
  const config = freezeConfig(parsed.config);
  identities.set(config, { cacheFile, fingerprint });
  return config;
}

/** Writes atomically (a temporary file renamed over the old one); failures are ignored. */
export function writeCachedConfig(cacheFile: string, fingerprint: string, config: AppConfig): void {
  const body: CacheFile = { format: CACHE_FORMAT, fingerprint, config };
  if (writeAtomically(cacheFile, body)) {
    identities.set(config, { cacheFile, fingerprint });
  }
}

/** JSON `body` to `file` by a temporary file renamed over it; false if that failed. */
export function writeAtomically(file: string, body: unknown): boolean {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, JSON.stringify(body));
    renameSync(temporary, file);
    return true;
  } catch {
    // A read-only data folder: no cache, every start validates (as before the cache existed).
    return false;
  }
}

/** Where the cache lives: beside the database; none for an in-memory database. */
export function configCachePath(databasePath: string): string | null {
  if (databasePath === '' || databasePath === ':memory:') return null;
  return join(dirname(databasePath), 'config-cache.json');
}

/**
 * A loader for config folder `dir`: the cached value when the fingerprint matches, else one that
 * validates (throwing ConfigError as loadConfigOrThrow does) and caches a valid result. The
 * validating modules are imported only on a miss. `validateApart` (the long-running process)
 * validates a miss in a worker thread first, so they are never loaded on this thread.
 */
export async function prepareConfigLoader(
  dir: string,
  cacheFile: string | null,
  options: { validateApart?: boolean } = {},
): Promise<() => AppConfig> {
  const fingerprint = cacheFile === null ? null : fingerprintConfig(dir);
  if (cacheFile !== null && fingerprint !== null) {
    const cached = readCachedConfig(cacheFile, fingerprint);
    if (cached !== null) return () => cached;
    // The long-running process validates in a worker that exits (validate-apart.ts says why),
    // then reads what it cached; anything else falls through to validating here.
    if (options.validateApart === true) {
      const { validateInWorker } = await import('./validate-apart.js');
      if (await validateInWorker(dir, cacheFile)) {
        const validated = readCachedConfig(cacheFile, fingerprint);
        if (validated !== null) return () => validated;
      }
    }
  }
  const { loadConfigOrThrow } = await import('./load.js');
  return () => {
    const config = loadConfigOrThrow(dir);
    // Cache only if the files did not change while they were being validated, and every pattern
    // as the tagger will compile it is safe (validation checked them as written).
    const safe = themePatterns(config.themes).every(
      ({ pattern, flags }) => describeBacktrackingRisk(pattern, flags) === null,
    );
    if (
      safe &&
      cacheFile !== null &&
      fingerprint !== null &&
      fingerprintConfig(dir) === fingerprint
    ) {
      writeCachedConfig(cacheFile, fingerprint, config);
    }
    return config;
  };
}
