// The validated-configuration cache (config/config-cache.ts): a hit returns the cached value, any
// edit of a config file is validated again, a broken file gives exactly the error it gives
// without a cache, and a corrupt or foreign cache file is ignored.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  configCachePath,
  fingerprintConfig,
  prepareConfigLoader,
} from '../../src/config/config-cache.js';
import { ConfigError } from '../../src/config/config-error.js';
import { loadConfig, loadConfigOrThrow } from '../../src/config/load.js';
import { CONFIG_DIR } from '../helpers/app-fixture.js';

let work: string;
let configDir: string;
let cacheFile: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'briefing-config-cache-'));
  configDir = join(work, 'config');
  cpSync(CONFIG_DIR, configDir, { recursive: true });
  cacheFile = join(work, 'data', 'config-cache.json');
});

afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

async function load() {
  return (await prepareConfigLoader(configDir, cacheFile))();
}

function editCachedConfig(edit: (config: { themes: { themes: { label: string }[] } }) => void) {
  const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as {
    config: { themes: { themes: { label: string }[] } };
  };
  edit(cached.config);
  writeFileSync(cacheFile, JSON.stringify(cached));
}

function thrownBy(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.errors;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('config cache', () => {
  it('caches a valid configuration and serves the same value, frozen, from the cache', async () => {
    const fresh = await load();
    expect(JSON.parse(readFileSync(cacheFile, 'utf8')).fingerprint).toBe(
      fingerprintConfig(configDir),
    );
    const cached = await load();
    expect(cached).toEqual(fresh);
    expect(cached).toEqual(loadConfigOrThrow(configDir));
    expect(Object.isFrozen(cached)).toBe(true);
    expect(Object.isFrozen(cached.sources)).toBe(true);
    expect(Object.isFrozen(cached.organisations)).toBe(true);
  });

  it('answers from the cache while config/ is unchanged', async () => {
    await load();
    // Proof of a hit: a value only the cache file holds comes back.
    editCachedConfig((config) => {
      config.themes.themes[0]!.label = 'From the cache';
    });
    expect((await load()).themes.themes[0]!.label).toBe('From the cache');
  });

  it('validates an edited themes.yaml again', async () => {
    await load();
    editCachedConfig((config) => {
      config.themes.themes[0]!.label = 'From the cache';
    });
    const themesFile = join(configDir, 'themes.yaml');
    const text = readFileSync(themesFile, 'utf8');
    const first = loadConfigOrThrow(configDir).themes.themes[0]!;
    writeFileSync(themesFile, text.replace(`label: ${first.label}`, 'label: Edited label'));
    expect((await load()).themes.themes[0]!.label).toBe('Edited label');
  });

  it('gives a broken themes.yaml the same errors as without a cache, even with a stale one', async () => {
    await load();
    const themesFile = join(configDir, 'themes.yaml');
    writeFileSync(
      themesFile,
      readFileSync(themesFile, 'utf8').replace(/threshold: [0-9.]+/, 'threshold: "high"'),
    );
    const uncached = loadConfig(configDir);
    expect(uncached.ok).toBe(false);
    const expected = uncached.ok ? [] : uncached.errors;
    expect(expected.join('\n')).toContain('threshold');
    const loader = await prepareConfigLoader(configDir, cacheFile);
    expect(thrownBy(loader)).toEqual(expected);
    // The stale cache is still the old one: a broken configuration is never cached.
    expect(JSON.parse(readFileSync(cacheFile, 'utf8')).fingerprint).not.toBe(
      fingerprintConfig(configDir),
    );
  });

  it('ignores a corrupt or foreign cache file and replaces it', async () => {
    const fresh = loadConfigOrThrow(configDir);
    await load();
    for (const body of ['{not json', 'null', '[]', JSON.stringify({ format: 'other/1' })]) {
      writeFileSync(cacheFile, body);
      expect(await load()).toEqual(fresh);
      expect(JSON.parse(readFileSync(cacheFile, 'utf8')).fingerprint).toBe(
        fingerprintConfig(configDir),
      );
    }
  });

  it('keeps no cache for an in-memory database', () => {
    expect(configCachePath(':memory:')).toBeNull();
    expect(configCachePath(join('data', 'briefing.db'))).toBe(join('data', 'config-cache.json'));
  });
});
