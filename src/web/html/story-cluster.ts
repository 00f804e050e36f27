// The other outlets that covered a story, as its week's archived digest clustered them (the
// entry whose storyIds include it: the same grouping the catch-up showed). Pure.
import type { Digest, DigestEntry, DigestLink } from '../../domain.js';

export interface StoryCluster {
  week: string;
  /** Every story id in the cluster, this one included. */
  storyIds: string[];
  /** Each outlet's link, this story's own link first when the digest led with it. */
  links: DigestLink[];
}

function entriesOf(digest: Digest): DigestEntry[] {
  return [...(digest.lead ? [digest.lead] : []), ...digest.sections.flatMap((s) => s.entries)];
}

export function findStoryCluster(digest: Digest, storyId: string): StoryCluster | null {
  const entry = entriesOf(digest).find((e) => e.storyIds.includes(storyId));
  if (!entry) return null;
  return { week: digest.week, storyIds: entry.storyIds, links: entry.links };
}
