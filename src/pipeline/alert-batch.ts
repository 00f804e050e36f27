// What an alert batch holds, from the stories of the last day: pure functions over stored stories.
// A story is alert-worthy for a channel when it names an organisation the channel follows, or
// when it (with its near-duplicates, clustered as the digest clusters them) was carried by at
// least `minOutlets` different sources; coverage alerts keep to the channel's themes (a channel
// following every theme gets any widely covered story). Each batch becomes a small Digest with
// one section per reason, so every platform renders it with the digest renderer it already has.
import { clusterStories } from '../digest/cluster-stories.js';
import { describeStory } from '../digest/story-features.js';
import { summarise } from '../digest/summarise.js';
import type { Digest, DigestEntry, StoredStory, Subscription } from '../domain.js';
import type { AlertReason } from '../store/alerts.js';

export interface AlertCandidate {
  reason: AlertReason;
  /** The cluster's stories, lead (earliest, then id) first. */
  stories: StoredStory[];
  sourceIds: string[];
}

export const ALERT_SECTIONS: Record<AlertReason, { themeId: string; label: string }> = {
  organisation: { themeId: 'alert-organisations', label: 'Organisations you follow' },
  coverage: { themeId: 'alert-coverage', label: 'Covered widely' },
};

export function findAlertCandidates(
  stories: readonly StoredStory[],
  subscription: Pick<Subscription, 'themes' | 'organisations'>,
  minOutlets: number,
): AlertCandidate[] {
  const groups = clusterStories(
    stories.map((s) => ({ features: describeStory(s), sourceId: s.sourceId })),
  );
  const followed = new Set(subscription.organisations);
  const themes = subscription.themes === 'all' ? null : new Set(subscription.themes);
  const found: AlertCandidate[] = [];
  for (const group of groups) {
    const members = group.map((i) => stories[i]!).sort(byPublishedThenId);
    const sourceIds = [...new Set(members.flatMap((s) => [s.sourceId, ...s.sourceIds]))];
    const names = members.some((s) => s.entities.organisations.some((o) => followed.has(o.id)));
    const inThemes =
      themes === null || members.some((s) => s.tags.some((t) => themes.has(t.theme)));
    if (names) found.push({ reason: 'organisation', stories: members, sourceIds });
    else if (sourceIds.length >= minOutlets && inThemes) {
      found.push({ reason: 'coverage', stories: members, sourceIds });
    }
  }
  return found.sort(
    (a, b) =>
      Number(b.reason === 'organisation') - Number(a.reason === 'organisation') ||
      b.sourceIds.length - a.sourceIds.length ||
      byPublishedThenId(a.stories[0]!, b.stories[0]!),
  );
}

function byPublishedThenId(a: StoredStory, b: StoredStory): number {
  if (a.publishedAt !== b.publishedAt) return a.publishedAt < b.publishedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** An alert batch as a Digest: `label` is its outbox key ("2026-12-07 alert 1"). */
export function buildAlertDigest(
  candidates: readonly AlertCandidate[],
  input: {
    label: string;
    timeZone: string;
    window: { startsAt: Date; endsAt: Date };
    sourceName: (id: string) => string;
  },
): Digest {
  const sections = (['organisation', 'coverage'] as const)
    .map((reason) => ({
      ...ALERT_SECTIONS[reason],
      entries: candidates
        .filter((c) => c.reason === reason)
        .map((c, i) => toEntry(c, input.sourceName, i)),
      moreCount: 0,
      moreQuery: '',
    }))
    .filter((s) => s.entries.length > 0);
  const n = candidates.length;
  return {
    week: input.label,
    title: `NHS policy alert: ${n} new ${n === 1 ? 'story' : 'stories'}`,
    timeZone: input.timeZone,
    startsAt: input.window.startsAt.toISOString(),
    endsAt: input.window.endsAt.toISOString(),
    sections,
    coverage: { failedSources: [] },
    storyCount: candidates.reduce((sum, c) => sum + c.stories.length, 0),
    // Already this channel's picks: no lead, no folding, no re-selection (viewForChannel).
    channelView: true,
  };
}

function toEntry(
  candidate: AlertCandidate,
  sourceName: (id: string) => string,
  rank: number,
): DigestEntry {
  const lead = candidate.stories[0]!;
  const seen = new Set<string>();
  const links = candidate.stories
    .filter((s) => !seen.has(s.sourceId) && Boolean(seen.add(s.sourceId)))
    .map((s) => ({
      sourceId: s.sourceId,
      sourceName: sourceName(s.sourceId),
      url: s.url,
      title: s.title,
      publishedAt: s.publishedAt,
      paywalled: s.paywalled,
    }));
  const organisations = new Map<string, string>();
  for (const s of candidate.stories) {
    for (const o of s.entities.organisations)
      if (!organisations.has(o.id)) organisations.set(o.id, o.name);
  }
  const text = candidate.stories.map((s) => s.summary.trim()).find((t) => t !== '') ?? '';
  return {
    storyIds: candidate.stories.map((s) => s.id),
    title: lead.title,
    url: lead.url,
    links,
    publishedAt: lead.publishedAt,
    summary: summarise(text),
    organisations: [...organisations.values()].slice(0, 5),
    organisationIds: [...organisations.keys()].slice(0, 5),
    money: [],
    // Candidates arrive in order; the score keeps that order wherever entries are re-ranked.
    score: 1_000 - rank,
  };
}
