// Values derived from the configuration by code outside config/ (the search vocabulary: ~30 ms
// of CPU to build from the gazetteer on every `briefing search`; issue 17, cold start), cached in
// a file beside the validated-config cache (config-cache.ts). Such a value is keyed by the
// configuration's fingerprint (its files and the code that validates them) and a `codeKey` the
// caller gives for the code that derives and serialises it, so an edit to either rebuilds it.
// Only a configuration that came from (or went into) the config cache has a derived cache: with
// no cache file (an in-memory database, a read-only data folder) the caller just builds.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { configCacheIdentity, hashFiles, writeAtomically } from './config-cache.js';
import type { AppConfig } from './load.js';

const DERIVED_FORMAT = 'briefing-derived-cache/1';

/** A `codeKey` for the code in `files` (a missing one, e.g. .ts beside a build, hashes as such). */
export function codeKeyOf(files: readonly string[]): string {
  const hash = createHash('sha256');
  hashFiles(hash, files);
  return hash.digest('hex');
}

interface DerivedFile {
  format: typeof DERIVED_FORMAT;
  key: string;
  value: unknown;
}

function derivedPlace(
  config: AppConfig,
  name: string,
  codeKey: string,
): { file: string; key: string } | null {
  const identity = configCacheIdentity(config);
  if (identity === undefined) return null;
  return {
    file: join(dirname(identity.cacheFile), `config-cache-${name}.json`),
    key: `${identity.fingerprint}:${codeKey}`,
  };
}

/** The cached value `name` for exactly this configuration and code, else undefined. */
export function readDerivedValue(config: AppConfig, name: string, codeKey: string): unknown {
  const place = derivedPlace(config, name, codeKey);
  if (place === null) return undefined;
  let parsed: Partial<DerivedFile> | null;
  try {
    parsed = JSON.parse(readFileSync(place.file, 'utf8')) as Partial<DerivedFile> | null;
  } catch {
    return undefined; // absent, unreadable or corrupt: the caller builds the value afresh
  }
  if (parsed?.format !== DERIVED_FORMAT || parsed.key !== place.key) return undefined;
  return parsed.value;
}

/** Caches `value` (plain JSON) as `name` for this configuration and code; failures are ignored. */
export function writeDerivedValue(
  config: AppConfig,
  name: string,
  codeKey: string,
  value: unknown,
): void {
  const place = derivedPlace(config, name, codeKey);
  if (place === null) return;
  const body: DerivedFile = { format: DERIVED_FORMAT, key: place.key, value };
  writeAtomically(place.file, body);
}
