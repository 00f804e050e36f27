// config/search.yaml: acronym and long-form pairs search uses besides those it derives from the
// themes and the organisation gazetteer (commands/search-vocabulary.ts). Validated with zod, strict
// at every depth; a missing file means no extra pairs (the derived ones still apply).
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { loadYamlWith, type Parsed } from './yaml-file.js';

export interface SearchExpansionEntry {
  acronym: string;
  longForms: string[];
  /** Theme whose stories use the acronym in this sense; null when any story does. */
  theme: string | null;
}

export interface SearchSettings {
  expansions: SearchExpansionEntry[];
}

const entrySchema = z
  .object({
    acronym: z
      .string()
      .regex(/^[\p{L}\p{N}]{2,12}$/u, 'letters and digits only, 2 to 12 of them (e.g. ICS)'),
    longForms: z
      .array(
        z
          .string()
          .trim()
          .regex(/[\p{L}\p{N}]/u, 'needs a word')
          .max(120),
      )
      .min(1),
    theme: z.string().min(1).nullable().default(null),
  })
  .strict();

export const searchFileSchema = z
  .object({ expansions: z.array(entrySchema).max(500).default([]) })
  .strict();

export const EMPTY_SEARCH_SETTINGS: SearchSettings = Object.freeze({ expansions: [] });

export function loadSearchSettings(file: string): Parsed<SearchSettings> {
  if (!existsSync(file)) return { ok: true, value: EMPTY_SEARCH_SETTINGS };
  return loadYamlWith(file, searchFileSchema);
}
