// Builds one week's digest from archived stories: select the week, cluster near-duplicates, rank
// per theme, cap, and note coverage gaps. Pure and deterministic: the same input (in any order)
// gives the same Digest; no clock is read (`now` only shortens a week still in progress).
// Sections follow the theme configuration order and only themes with stories appear; stories with
// no configured theme go to a final "Other news" section (selectForSubscription keeps it only for
// channels that follow everything), except those the tagger vetoed as off-topic, which go to an
// "Off-topic" section that only channels asking for it see.
import type { Digest, DigestSection, DigestShape, IsoWeek, StoredStory } from '../domain.js';
import { clusterNumbered } from './cluster-stories.js';
import { describeWeek } from './compact-features.js';
import { compareRanked, scoreEntry } from './rank-entries.js';
import { toEntry } from './cluster-entry.js';
import { formatWeek, weekDates, weekRange, weekTitle } from '../time/week.js';

export const OTHER_SECTION = { themeId: 'other', label: 'Other news' } as const;
/**
 * Stories with no theme that the tagger vetoed (a negative rule with `veto: true`, e.g. "MCP"
 * the Model Context Protocol): kept in the archive's JSON, shown only to channels that ask.
 */
export const OFF_TOPIC_SECTION = { themeId: 'off-topic', label: 'Off-topic' } as const;
export const DEFAULT_SHAPE: DigestShape = { foldBelow: 2, mainWords: 900 };

export interface DigestInput {
  week: IsoWeek;
  timeZone: string;
  stories: readonly StoredStory[];
  /** In display order (the theme configuration's order). */
  themes: readonly { id: string; label: string }[];
  sources: readonly { id: string; name: string; authority: number }[];
  /** Sources that could not be checked during the week. */
  failedSources: readonly { id: string; name: string; reason: string }[];
  perThemeCap: number;
  /** For a week still in progress: recency is measured up to `now` instead of the week's end. */
  now?: Date;
  /** Ids of stories the tagger vetoed as off-topic (they go to OFF_TOPIC_SECTION, not Other news). */
  offTopicIds?: ReadonlySet<string>;
  shape?: DigestShape;
  /**
   * The week's stories may come without their article text (store/digest-week.ts reads none):
   * then the text of the stories an entry shows is asked for here, for the entry's summary
   * fallback and lead text (cluster-entry.ts). Absent: `content` is used as given.
   */
  articleText?: (storyIds: readonly string[]) => ReadonlyMap<string, string>;
}

interface Cluster {
  /** Lead story first (see orderForLead). */
  stories: StoredStory[];
  sourceCount: number;
  authority: number;
  /** theme id -> best tag score among the cluster's stories */
  themeScores: Map<string, number>;
}

export function buildDigest(input: DigestInput): Digest {
  const { startsAt, endsAt } = weekRange(input.week, input.timeZone);
  const startMs = startsAt.getTime();
  const endMs = endsAt.getTime();
  const clockEnd = input.now ? Math.min(endMs, Math.max(startMs, input.now.getTime())) : endMs;
  const authorityOf = new Map(input.sources.map((s) => [s.id, s.authority]));
  const nameOf = new Map(input.sources.map((s) => [s.id, s.name]));

  const stories = selectWeek(input.stories, startMs, endMs);
  // Described straight to the week's integer ids (describeWeek): the same clusters as
  // clusterStories over describeStory's features.
  const clusters = clusterNumbered(
    describeWeek(stories),
    stories.map((s) => s.sourceId),
  ).map((group) =>
    describeCluster(
      group.map((i) => stories[i]!),
      authorityOf,
    ),
  );

  const known = new Set(input.themes.map((t) => t.id));
  const dates = weekDates(input.week);
  const sections: DigestSection[] = [];
  const ranking: SectionRanking = {
    cap: Math.max(1, Math.floor(input.perThemeCap)),
    nameOf,
    ...(input.articleText ? { articleText: input.articleText } : {}),
    recencyOf: (iso) =>
      clockEnd > startMs ? (Date.parse(iso) - startMs) / (clockEnd - startMs) : 1,
  };

  for (const theme of input.themes) {
    const members = clusters.filter((c) => c.themeScores.has(theme.id));
    if (members.length === 0) continue;
    const best = Math.max(...members.map((c) => c.themeScores.get(theme.id)!));
    sections.push(
      rankSection(
        ranking,
        theme.id,
        theme.label,
        members,
        (c) => (best > 0 ? c.themeScores.get(theme.id)! / best : 0),
        `search theme:${theme.id} since:${dates.since} until:${dates.until}`,
      ),
    );
  }
  const untagged = clusters.filter((c) => ![...c.themeScores.keys()].some((t) => known.has(t)));
  const offTopic = input.offTopicIds ?? new Set<string>();
  const isOffTopic = (c: Cluster) => c.stories.every((s) => offTopic.has(s.id));
  const groups = [
    { ...OTHER_SECTION, members: untagged.filter((c) => !isOffTopic(c)) },
    { ...OFF_TOPIC_SECTION, members: untagged.filter(isOffTopic) },
  ];
  for (const group of groups) {
    if (group.members.length === 0 || known.has(group.themeId)) continue;
    sections.push(
      rankSection(
        ranking,
        group.themeId,
        group.label,
        group.members,
        () => 0,
        `search since:${dates.since} until:${dates.until}`,
      ),
    );
  }

  return {
    week: formatWeek(input.week),
    title: weekTitle(input.week),
    timeZone: input.timeZone,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    sections,
    coverage: { failedSources: orderFailedSources(input.failedSources) },
    storyCount: stories.length,
    shape: { ...(input.shape ?? DEFAULT_SHAPE) },
  };
}

/** What ranking a section needs from the week: the cap, source names and a story's recency. */
interface SectionRanking {
  cap: number;
  nameOf: Map<string, string>;
  /** 0 at the week's start, 1 at its end (or at `now` in a week still in progress). */
  recencyOf: (iso: string) => number;
  articleText?: DigestInput['articleText'];
}

/** One section: its clusters ranked, the first `cap` shown, the rest counted for "more". */
function rankSection(
  ranking: SectionRanking,
  themeId: string,
  label: string,
  members: Cluster[],
  strength: (c: Cluster) => number,
  moreQuery: string,
): DigestSection {
  const ranked = members
    .map((cluster) => {
      const lead = cluster.stories[0]!;
      const score = scoreEntry({
        sourceCount: cluster.sourceCount,
        authority: cluster.authority,
        themeStrength: strength(cluster),
        recency: ranking.recencyOf(lead.publishedAt),
      });
      return { cluster, score, publishedAt: lead.publishedAt, leadId: lead.id };
    })
    .sort(compareRanked);
  const shown = ranked.slice(0, ranking.cap);
  const hidden = ranked.slice(ranking.cap);
  const withText = textFor(
    shown.flatMap((r) => r.cluster.stories),
    ranking.articleText,
  );
  return {
    themeId,
    label,
    entries: shown.map((r) => toEntry(r.cluster.stories.map(withText), r.score, ranking.nameOf)),
    moreCount: hidden.reduce((n, r) => n + r.cluster.stories.length, 0),
    moreQuery,
  };
}

/** The shown stories with their article text, when it is read separately (articleText). */
function textFor(
  stories: readonly StoredStory[],
  articleText: DigestInput['articleText'],
): (story: StoredStory) => StoredStory {
  if (articleText === undefined) return (story) => story;
  // Paywalled stories have no open text to read (cluster-entry.ts never uses theirs).
  const texts = articleText(stories.filter((s) => !s.paywalled).map((s) => s.id));
  return (story) => {
    const content = texts.get(story.id);
    return content === undefined ? story : { ...story, content };
  };
}

/** Stories published in [start, end), each id once, in a canonical order. */
function selectWeek(
  stories: readonly StoredStory[],
  startMs: number,
  endMs: number,
): StoredStory[] {
  const byId = new Map<string, StoredStory>();
  for (const story of stories) {
    const at = Date.parse(story.publishedAt);
    if (!(at >= startMs && at < endMs) || byId.has(story.id)) continue;
    byId.set(story.id, story);
  }
  return [...byId.values()].sort((a, b) =>
    a.publishedAt !== b.publishedAt
      ? a.publishedAt < b.publishedAt
        ? -1
        : 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0,
  );
}

function describeCluster(stories: StoredStory[], authorityOf: Map<string, number>): Cluster {
  const authority = (s: StoredStory) => authorityOf.get(s.sourceId) ?? 0;
  const ordered = [...stories].sort(
    (a, b) =>
      authority(b) - authority(a) ||
      Number(a.paywalled) - Number(b.paywalled) ||
      (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : 0) ||
      (a.id < b.id ? -1 : 1),
  );
  const sourceIds = new Set(stories.flatMap((s) => [s.sourceId, ...s.sourceIds]));
  const themeScores = new Map<string, number>();
  for (const story of stories) {
    for (const tag of story.tags) {
      themeScores.set(tag.theme, Math.max(themeScores.get(tag.theme) ?? -Infinity, tag.score));
    }
  }
  return {
    stories: ordered,
    sourceCount: sourceIds.size,
    authority: Math.max(...[...sourceIds].map((id) => authorityOf.get(id) ?? 0)),
    themeScores,
  };
}

function orderFailedSources(
  failed: readonly { id: string; name: string; reason: string }[],
): { id: string; name: string; reason: string }[] {
  const byId = new Map<string, { id: string; name: string; reason: string }>();
  for (const source of failed) if (!byId.has(source.id)) byId.set(source.id, { ...source });
  return [...byId.values()].sort((a, b) =>
    a.name !== b.name ? (a.name < b.name ? -1 : 1) : a.id < b.id ? -1 : 1,
  );
}
