// Composition of readers' corrections (issue 14): the store's override rows laid over search,
// digests and explain for the asking workspace only. Nothing here edits story_tags, so the rules'
// decision stays what every other workspace sees and `briefing retag` never undoes a correction.
import type { CommandDeps, CorrectionListItem, WorkspaceRef } from '../commands/types.js';
import type { SearchPage, SearchQuery, StoredStory } from '../domain.js';
import type { Db } from '../store/database.js';
import {
  listCorrectionsOfStory,
  listRecentCorrections,
  listStoredThemes,
  listThemeOverrides,
  recordCorrection,
} from '../store/corrections.js';
import { getStory } from '../store/stories.js';
import { searchStories, type SearchOptions } from '../store/search.js';
import { correctThemeIds, splitForThemeFilter } from '../tagging/apply-corrections.js';

/** Search as `workspace` sees it: theme filters and each hit's themes follow its corrections. */
export function searchInWorkspace(
  db: Db,
  query: SearchQuery,
  now: Date,
  options: SearchOptions,
  workspace: WorkspaceRef | undefined,
): SearchPage {
  const overrides = workspace ? listThemeOverrides(db, workspace) : new Map();
  if (overrides.size === 0) return searchStories(db, query, now, options);
  const themeOverride =
    query.themes.length === 0
      ? undefined
      : splitForThemeFilter(query.themes, overrides, listStoredThemes(db, [...overrides.keys()]));
  const page = searchStories(db, query, now, {
    ...options,
    ...(themeOverride && { themeOverride }),
  });
  return {
    ...page,
    hits: page.hits.map((hit) => ({
      ...hit,
      themes: correctThemeIds(hit.themes, overrides.get(hit.id)),
    })),
  };
}

/** CommandDeps.corrections over the store; `findStory` resolves ids, references and links. */
export function correctionLookups(
  db: Db,
  findStory: (target: string) => StoredStory | null,
): CommandDeps['corrections'] {
  return {
    find: (target, workspace) => {
      const story = findStory(target);
      if (story === null) return null;
      const override = listThemeOverrides(db, workspace).get(story.id);
      const stored = story.tags.map((t) => t.theme);
      return {
        story: { id: story.id, title: story.title, url: story.url },
        themes: correctThemeIds(stored, override),
      };
    },
    record: (input, now) => recordCorrection(db, input, now),
    recent: (workspace, limit) => {
      const titles = new Map<string, { title: string; url: string | null } | null>();
      return listRecentCorrections(db, workspace, limit).map((c): CorrectionListItem => {
        if (!titles.has(c.storyId)) {
          const story = getStory(db, c.storyId);
          titles.set(c.storyId, story && { title: story.title, url: story.url });
        }
        const story = titles.get(c.storyId) ?? null;
        return { ...c, title: story?.title ?? null, url: story?.url ?? null };
      });
    },
  };
}

/** The workspace's corrections of one story, oldest first, for `explain`. */
export function correctionsOfStory(db: Db, workspace: WorkspaceRef | undefined, storyId: string) {
  return workspace ? listCorrectionsOfStory(db, workspace, storyId) : [];
}
