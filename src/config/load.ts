// Loads and validates everything in the config folder at once; every problem from every file is
// reported together with its path, and the result is a frozen value passed in (never a global).
import { join } from 'node:path';
import { ConfigError } from './config-error.js';
import type { Source } from '../domain.js';
import { loadOrganisations, type OrganisationEntry } from './organisations.js';
import { settingsSchema, type Settings } from './settings.js';
import { sourcesFileSchema, toSources } from './sources.js';
import { loadThemes, type ThemeSet } from './themes.js';
import { loadYamlWith, type Parsed } from './yaml-file.js';

export interface AppConfig {
  dir: string;
  settings: Settings;
  sources: readonly Source[];
  themes: ThemeSet;
  organisations: readonly OrganisationEntry[];
}

// ConfigError lives in its own module so the CLI can catch it without loading every schema.
export { ConfigError } from './config-error.js';

export function loadConfig(dir: string): Parsed<AppConfig> {
  const settings = loadYamlWith(join(dir, 'settings.yaml'), settingsSchema);
  const sourcesFile = loadYamlWith(join(dir, 'sources.yaml'), sourcesFileSchema);
  const themes = loadThemes(join(dir, 'themes.yaml'));
  const organisations = loadOrganisations(join(dir, 'organisations.yaml'));

  const errors: string[] = [];
  for (const part of [settings, sourcesFile, themes, organisations]) {
    if (!part.ok) errors.push(...part.errors);
  }
  if (errors.length > 0 || !settings.ok || !sourcesFile.ok || !themes.ok || !organisations.ok) {
    return { ok: false, errors };
  }
  const config: AppConfig = {
    dir,
    settings: settings.value,
    sources: Object.freeze(toSources(sourcesFile.value, settings.value.poll.intervalMinutes)),
    themes: themes.value,
    organisations: Object.freeze(organisations.value),
  };
  return { ok: true, value: Object.freeze(config) };
}

/** For composition roots: load or throw a ConfigError listing every problem. */
export function loadConfigOrThrow(dir: string): AppConfig {
  const result = loadConfig(dir);
  if (!result.ok) throw new ConfigError(result.errors);
  return result.value;
}
