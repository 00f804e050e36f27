// Loads and validates everything in the config folder at once; every problem from every file is
// reported together with its path, and the result is a frozen value passed in (never a global).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from './config-error.js';
import type { Source } from '../domain.js';
import { loadOrganisations, type OrganisationEntry } from './organisations.js';
import { loadSearchSettings, type SearchSettings } from './search-vocabulary.js';
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
  /** config/search.yaml (optional file): extra acronym/long-form pairs for search. */
  search: SearchSettings;
}

// ConfigError lives in its own module so the CLI can catch it without loading every schema.
export { ConfigError } from './config-error.js';

export function loadConfig(dir: string): Parsed<AppConfig> {
  // One line for a wrong --config or BRIEFING_CONFIG_DIR, not a "cannot read" per file.
  const folder = checkFolder(dir);
  if (folder !== null) return { ok: false, errors: [folder] };
  const settings = loadYamlWith(join(dir, 'settings.yaml'), settingsSchema);
  const sourcesFile = loadYamlWith(join(dir, 'sources.yaml'), sourcesFileSchema);
  const themes = loadThemes(join(dir, 'themes.yaml'));
  const organisations = loadOrganisations(join(dir, 'organisations.yaml'));
  const search = loadSearchSettings(join(dir, 'search.yaml'));

  const errors: string[] = [];
  for (const part of [settings, sourcesFile, themes, organisations, search]) {
    if (!part.ok) errors.push(...part.errors);
  }
  if (themes.ok && search.ok) {
    const ids = new Set(themes.value.themes.map((t) => t.id));
    search.value.expansions.forEach((entry, i) => {
      if (entry.theme !== null && !ids.has(entry.theme)) {
        errors.push(
          `${join(dir, 'search.yaml')}: expansions.${i}.theme: unknown theme "${entry.theme}"`,
        );
      }
    });
  }
  if (
    errors.length > 0 ||
    !settings.ok ||
    !sourcesFile.ok ||
    !themes.ok ||
    !organisations.ok ||
    !search.ok
  ) {
    return { ok: false, errors };
  }
  const config: AppConfig = {
    dir,
    settings: settings.value,
    sources: Object.freeze(toSources(sourcesFile.value, settings.value.poll.intervalMinutes)),
    themes: themes.value,
    organisations: Object.freeze(organisations.value),
    search: search.value,
  };
  return { ok: true, value: Object.freeze(config) };
}

function checkFolder(dir: string): string | null {
  try {
    if (statSync(dir).isDirectory()) return null;
    return `config folder is not a folder: ${dir} (--config or BRIEFING_CONFIG_DIR)`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      return `config folder not found: ${dir} (--config or BRIEFING_CONFIG_DIR)`;
    return null; // Anything else (EACCES): each file's read says what went wrong.
  }
}

/** For composition roots: load or throw a ConfigError listing every problem. */
export function loadConfigOrThrow(dir: string): AppConfig {
  const result = loadConfig(dir);
  if (!result.ok) throw new ConfigError(result.errors);
  return result.value;
}
