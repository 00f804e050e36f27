// The weekly digest's types (split from domain.ts, which re-exports them): the IsoWeek, a Digest
// with its sections, entries, lead, continuity and layout. Types only; imports nothing.

/** ISO 8601 week, e.g. { year: 2017, week: 7 } is "2017-W07". */
export interface IsoWeek {
  year: number;
  week: number;
}

export interface DigestLink {
  sourceId: string;
  sourceName: string;
  url: string | null;
  title: string;
  publishedAt: string;
  paywalled: boolean;
}

export interface DigestEntry {
  /** Ids of every archived story clustered into this entry; the first is the lead story. */
  storyIds: string[];
  title: string;
  url: string | null;
  /** One link per source that covered it; the lead story's link first. */
  links: DigestLink[];
  publishedAt: string;
  summary: string;
  organisations: string[];
  /** Canonical ids of `organisations` (same order), so a channel following an organisation can match. */
  organisationIds?: string[];
  money: string[];
  score: number;
  /**
   * Theme ids of the other sections of this channel's digest the story also belongs to: it is
   * shown once, here, and the reader is told where else it was filed (labels looked up at
   * render: digest/section-labels.ts). Absent in a full digest. Archives written before ids
   * hold labels here.
   */
  alsoIn?: string[];
  /** Sums with what they are ("£5bn savings target"); `context` only when the tagger found one. */
  sums?: DigestSum[];
  /** Two or three sentences of the publisher's text, when longer than `summary` (for a lead). */
  longSummary?: string;
  /** Earlier stories this one continues (same organisation and theme, or close wording), newest first. */
  previously?: DigestPrevious[];
  /** How many stories (this one included) the archive holds on this thread, and since when. */
  storyline?: { stories: number; since: string; about: string | null };
  /**
   * In a channel's "Also this week" (or its lead): the theme id(s) of the section(s) it came
   * from, joined by ", " (labels in archives written before ids).
   */
  foldedFrom?: string;
}

export interface DigestSum {
  /** As written, e.g. "£1.2bn". */
  text: string;
  pounds: number;
  /** What the sum is, from its sentence ("savings target"); absent when unknown. */
  context?: string;
}

export interface DigestPrevious {
  title: string;
  url: string | null;
  publishedAt: string;
}

/** The week's most important story, with the facts that make it so. */
export interface DigestLead extends DigestEntry {
  /** Fact strings: "Covered by HSJ and Pulse", "Continues coverage from 12 March"... */
  whyItMatters: string[];
}

/** How a channel's digest is laid out (config/settings.yaml digest.*). */
export interface DigestShape {
  /** A section with fewer stories than this folds into "Also this week". */
  foldBelow: number;
  /** Words the main message may hold; the rest goes where the platform puts continuations. */
  mainWords: number;
}

export interface DigestSection {
  themeId: string;
  label: string;
  entries: DigestEntry[];
  /** Stories beyond the per-theme cap. */
  moreCount: number;
  /** A search command that lists the rest, e.g. `search theme:carter week:2017-W07`. */
  moreQuery: string;
}

export interface Digest {
  /** "2017-W07" */
  week: string;
  /** "Catch up: week of 13 February 2017" */
  title: string;
  timeZone: string;
  /** ISO UTC instants: [startsAt, endsAt) is the week in `timeZone`. */
  startsAt: string;
  endsAt: string;
  sections: DigestSection[];
  coverage: {
    failedSources: { id: string; name: string; reason: string }[];
    /**
     * When the bot first polled, if that was after the week began (ISO UTC); null when no
     * source has ever been polled. Absent when polling began before the week.
     */
    pollingBegan?: string | null;
  };
  storyCount: number;
  /** The week's most important story for a channel following everything (see viewForChannel). */
  lead?: DigestLead | null;
  /** Layout settings the digest was built with (absent in archives from before them). */
  shape?: DigestShape;
  /** Set on a channel's view (viewForChannel), so it is never re-shaped. */
  channelView?: true;
  /**
   * Labels of sections a channel's view names in `alsoIn`/`foldedFrom` but does not show, by
   * theme id (digest/section-labels.ts). Absent when it shows them all.
   */
  sectionLabels?: Record<string, string>;
}
