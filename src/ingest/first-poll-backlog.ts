// Undated items and a source's first poll. Some feeds (Healthwatch England) carry no dates, so
// normalise.ts dates such items by when the bot first saw them (publishedEstimated = true). That
// is a fair estimate for an item that appears between two polls, but not for the feed's
// backlog: on a source's FIRST successful poll every undated item would look published "now"
// and the whole backlog would land in the current week's digest.
//
// The rule (no new Story field; the archive already has what it needs):
//   a story is first-poll backlog when publishedEstimated is true and its firstSeenAt is at or
//   before its source's first successful poll (source_state.first_success_at, set by
//   recordPollSuccess with the same instant that saveStories writes as first_seen_at).
// Backlog keeps its first-seen date in the archive (searchable, shown as estimated) but is not
// news of that week: the weekly digest should leave it out. Items with a real date are never
// backlog, whatever poll brought them; undated items first seen on any later poll are news.
// When a source's configured URL changes, first_success_at restarts with the new URL's first
// success, so a new feed's backlog is treated the same way.
import type { StoredStory } from '../domain.js';

export type BacklogCandidate = Pick<StoredStory, 'sourceId' | 'publishedEstimated' | 'firstSeenAt'>;
/** What the rule needs of a source's stored state (store/source-state.ts's SourceState fits). */
export type FirstSuccess = { sourceId: string; firstSuccessAt: string | null };

/** Whether a stored story is the undated backlog of its source's first successful poll. */
export function isFirstPollBacklog(
  story: BacklogCandidate,
  firstSuccessAt: string | null | undefined,
): boolean {
  if (!story.publishedEstimated) return false;
  // Never polled successfully on record (e.g. stored by a test or an import): nothing to compare.
  if (firstSuccessAt === null || firstSuccessAt === undefined) return false;
  return story.firstSeenAt <= firstSuccessAt;
}

/**
 * The stories without their sources' first-poll backlog, order kept: what a digest job should
 * pass on (`dropFirstPollBacklog(listStoriesBetween(db, a, b), listSourceStates(db))`).
 */
export function dropFirstPollBacklog<T extends BacklogCandidate>(
  stories: readonly T[],
  states: readonly FirstSuccess[],
): T[] {
  const firstSuccess = new Map(states.map((s) => [s.sourceId, s.firstSuccessAt]));
  return stories.filter((story) => !isFirstPollBacklog(story, firstSuccess.get(story.sourceId)));
}
