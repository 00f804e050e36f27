// What the parser needs to know about this deployment to validate words: theme and source ids and
// the default digest schedule. CommandDeps satisfies it, so platforms pass their deps object.
import { unknownChoice } from './command-error.js';
import type { CommandDeps } from './types.js';

export type CommandVocabulary = Pick<CommandDeps, 'themes' | 'sourceIds' | 'defaultSchedule'>;

/** The settings.yaml default (Monday 08:00) when the deps do not say. */
export const FALLBACK_SCHEDULE = { day: 1, time: '08:00' } as const;

function squash(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, '');
}

/** Theme id for a typed word: the id in any case, with `-`/`_` interchangeable, or the label. */
export function resolveThemeWord(word: string, vocabulary: CommandVocabulary): string | null {
  const key = squash(word);
  if (key.length === 0) return null;
  for (const theme of vocabulary.themes()) {
    if (squash(theme.id) === key || squash(theme.label) === key) return theme.id;
  }
  return null;
}

export function listThemeIds(vocabulary: CommandVocabulary): string[] {
  return vocabulary.themes().map((t) => t.id);
}

/**
 * Typed theme words (ids or labels) as theme ids, without repeats; or, for the first word that
 * names no theme, the message every command gives ("unknown theme 'cartr' — did you mean
 * 'carter'? Themes: ...").
 */
export function resolveThemeWords(
  words: readonly string[],
  vocabulary: CommandVocabulary,
): { ok: true; ids: string[] } | { ok: false; message: string } {
  const ids: string[] = [];
  for (const word of words) {
    const id = resolveThemeWord(word, vocabulary);
    if (id === null)
      return { ok: false, message: unknownChoice('theme', word, listThemeIds(vocabulary)) };
    if (!ids.includes(id)) ids.push(id);
  }
  return { ok: true, ids };
}
