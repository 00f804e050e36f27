// What the archive index says about one week, from its archived digest: the date range, how
// many stories a reader of the catch-up sees (the view's count, as in its header line) and the
// themes with their stories. Pure; the JSON mirror (/api/weeks) returns exactly this.
import { OFF_TOPIC_SECTION, OTHER_SECTION } from '../../digest/build-digest.js';
import {
  countSectionStories,
  countUniqueEntries,
  visibleSections,
} from '../../digest/entry-parts.js';
import { viewForChannel } from '../../digest/view-for-channel.js';
import type { Digest } from '../../domain.js';
import { formatWeekRange } from '../../text/format-dates.js';

export interface WeekSummary {
  week: string;
  title: string;
  /** "13–19 February 2017" in the digest's time zone. */
  dates: string;
  startsAt: string;
  endsAt: string;
  /** Stories the catch-up shows (each once), plus those beyond each theme's cap. */
  storyCount: number;
  /** Theme sections of the full digest with their story counts, in digest order. */
  themes: { id: string; label: string; stories: number }[];
  /** The page of the week's catch-up. */
  path: string;
}

const NOT_THEMES = new Set<string>([OTHER_SECTION.themeId, OFF_TOPIC_SECTION.themeId]);

export function weekPath(week: string): string {
  return `/weeks/${encodeURIComponent(week)}`;
}

export function summariseWeek(digest: Digest): WeekSummary {
  const view = viewForChannel(digest, null);
  return {
    week: digest.week,
    title: digest.title,
    dates: formatWeekRange(digest.startsAt, digest.endsAt, digest.timeZone) || digest.week,
    startsAt: digest.startsAt,
    endsAt: digest.endsAt,
    storyCount: countUniqueEntries(view),
    themes: visibleSections(digest)
      .filter((s) => !NOT_THEMES.has(s.themeId))
      .map((s) => ({ id: s.themeId, label: s.label, stories: countSectionStories(s) })),
    path: weekPath(digest.week),
  };
}
