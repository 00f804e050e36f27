// Readers' corrections applied at read time: a workspace's overrides (themes added to or removed
// from a story) laid over what the rules decided. Pure: the stored tags are never changed, so
// re-tagging cannot undo a correction and other workspaces see the rules' decision.
// An added theme gets CORRECTED_SCORE with no evidence (a reader said so; no rule fired).
import type { StoredStory, Tag } from '../domain.js';

/** A story's effective corrections in one workspace: the latest action per theme. */
export interface ThemeOverride {
  added: readonly string[];
  removed: readonly string[];
}

export type ThemeOverrides = ReadonlyMap<string, ThemeOverride>;

/** The score an added theme carries: the usual threshold, so it ranks as a plain match. */
export const CORRECTED_SCORE = 1;

/** Tags after a workspace's override (removed themes dropped, added ones appended). */
export function correctTags(tags: readonly Tag[], override: ThemeOverride | undefined): Tag[] {
  if (override === undefined) return [...tags];
  const removed = new Set(override.removed);
  const kept = tags.filter((t) => !removed.has(t.theme));
  for (const theme of override.added) {
    if (!kept.some((t) => t.theme === theme)) {
      kept.push({ theme, score: CORRECTED_SCORE, evidence: [] });
    }
  }
  return kept;
}

/** Theme ids after a workspace's override, in their order (added ones last). */
export function correctThemeIds(
  themes: readonly string[],
  override: ThemeOverride | undefined,
): string[] {
  if (override === undefined) return [...themes];
  const removed = new Set(override.removed);
  const kept = themes.filter((t) => !removed.has(t));
  for (const theme of override.added) if (!kept.includes(theme)) kept.push(theme);
  return kept;
}

/** Stories with their tags corrected for one workspace; uncorrected stories are returned as is. */
export function correctStories(
  stories: readonly StoredStory[],
  overrides: ThemeOverrides,
): StoredStory[] {
  if (overrides.size === 0) return [...stories];
  return stories.map((story) => {
    const override = overrides.get(story.id);
    return override === undefined ? story : { ...story, tags: correctTags(story.tags, override) };
  });
}

/**
 * For a theme filter over `themes`: the corrected stories that now match (forcedIn) and those
 * that no longer do (forcedOut), given each corrected story's stored theme ids.
 */
export function splitForThemeFilter(
  themes: readonly string[],
  overrides: ThemeOverrides,
  storedThemes: ReadonlyMap<string, readonly string[]>,
): { forcedIn: string[]; forcedOut: string[] } {
  const wanted = new Set(themes);
  const forcedIn: string[] = [];
  const forcedOut: string[] = [];
  for (const [storyId, override] of overrides) {
    const before = storedThemes.get(storyId) ?? [];
    const matchedBefore = before.some((t) => wanted.has(t));
    const matchesNow = correctThemeIds(before, override).some((t) => wanted.has(t));
    if (matchesNow && !matchedBefore) forcedIn.push(storyId);
    if (!matchesNow && matchedBefore) forcedOut.push(storyId);
  }
  return { forcedIn, forcedOut };
}
