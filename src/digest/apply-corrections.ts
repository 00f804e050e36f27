// A workspace's corrections in a built digest. The stories' tags are corrected before the digest
// is built (pipeline/build-week-digest.ts), so added themes rank like any other; but a section
// merges the themes of every outlet's copy of a story, so a theme removed from one copy would
// come back through another. This drops an entry from a section whose theme a reader removed
// from any story of the entry: the reader meant the news item, not one outlet's copy.
import type { Digest } from '../domain.js';
import type { ThemeOverrides } from '../tagging/apply-corrections.js';

export function dropRemovedThemes(digest: Digest, overrides: ThemeOverrides): Digest {
  if (overrides.size === 0) return digest;
  const sections = digest.sections
    .map((section) => ({
      ...section,
      entries: section.entries.filter(
        (entry) =>
          !entry.storyIds.some((id) => overrides.get(id)?.removed.includes(section.themeId)),
      ),
    }))
    .filter((section) => section.entries.length > 0 || section.moreCount > 0);
  return { ...digest, sections };
}
