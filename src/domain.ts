// The shared vocabulary of the pipeline: plain types, no imports, no behaviour.
// Every stage after `ingest/` sees only these shapes, never XML, HTML or a library's types.
export type * from './domain/deadlines.js'; // closing dates; adds Entities/Digest.deadlines
/** The chat platforms the bot ships; src/platforms/index.ts lists each one once. */
export type Platform = 'slack' | 'discord' | 'teams' | 'teams-webhook' | 'email';

/**
 * Where a channel lives: a shipped platform, or `memory`, the in-memory stand-in that tests and
 * `briefing demo` deliver to (delivery/memory-adapter.ts). Channels, subscriptions and the outbox
 * are keyed by it, so delivery can be exercised without a chat service; chat commands and the
 * platform registry only ever see a real `Platform`.
 */
export type ChannelPlatform = Platform | 'memory';

// ---------------------------------------------------------------- sources

export type SourceKind = 'feed' | 'html';

/** CSS selectors for an HTML listing page (cheerio). `item` scopes the others. */
export interface HtmlSelectors {
  item: string;
  title: string;
  /** Selector of the element carrying the link; `linkAttr` (default `href`) is read from it. */
  link: string;
  linkAttr?: string;
  date?: string;
  /** Attribute holding a machine-readable date (e.g. `datetime`); falls back to the text. */
  dateAttr?: string;
  summary?: string;
}

export interface Source {
  id: string;
  name: string;
  kind: SourceKind;
  url: string;
  /** Minutes between polls; the settings default applies when absent in config. */
  pollIntervalMinutes: number;
  /** Paywalled sources keep only headline and standfirst: never full text. */
  paywalled: boolean;
  /** 0..1, how much a story from this source counts when ranking a digest. */
  authority: number;
  enabled: boolean;
  /** False for best-effort entries (e.g. HTML selectors nobody has checked against the live page). */
  verified: boolean;
  selectors?: HtmlSelectors;
  notes?: string;
}

// ---------------------------------------------------------------- stories

/** One news item, normalised. `id` follows the documented fallback chain (see
 * ingest/story-id.ts): GUID, then canonical link without tracking parameters, then a hash of
 * title and date. */
export interface Story {
  id: string;
  sourceId: string;
  guid: string | null;
  /** Canonical URL (tracking parameters removed), absolute http(s), or null when none is usable. */
  url: string | null;
  title: string;
  /** Plain text, at most a few sentences, cut at a sentence boundary. */
  summary: string;
  /** Plain-text body; empty for paywalled sources and feeds that carry none. */
  content: string;
  author: string | null;
  categories: string[];
  /** ISO 8601 UTC. */
  publishedAt: string;
  /** True when the feed gave no usable date and `publishedAt` is the first-seen time. */
  publishedEstimated: boolean;
  paywalled: boolean;
}

// ---------------------------------------------------------------- tagging

export type TextField = 'title' | 'summary' | 'content';

export type RuleKind = MatchedBy | 'alias' | 'context' | 'negative' | 'window';
type MatchedBy = 'phrase' | 'acronym' | 'regex' | 'organisation';

/** Why a rule fired: enough for a person to check the decision by eye. */
export interface Evidence {
  /** Rule identifier as written in config/themes.yaml, e.g. `acronym:STP` or `phrase:lord carter`. */
  rule: string;
  kind: RuleKind;
  field: TextField;
  /** The matched text as it appears in the story. */
  match: string;
  /** The match with some surrounding words, for display. */
  context: string;
  /** Contribution to the score (negative for negative rules). */
  weight: number;
}

export interface Tag {
  theme: string;
  score: number;
  evidence: Evidence[];
}

/** A theme that scored something but did not make the threshold, or was vetoed. */
export interface NearMiss {
  theme: string;
  score: number;
  reason: string;
  evidence: Evidence[];
}

export interface TagResult {
  tags: Tag[];
  nearMisses: NearMiss[];
  /**
   * Without near misses (tagStory's `nearMisses: false`, as polling tags): set when a negative
   * rule with `veto: true` rejected a theme, the one near miss polling records (as off-topic).
   */
  vetoed?: true;
}

export type OrganisationKind = 'national' | 'icb' | 'trust' | 'ccg' | 'stp' | 'vanguard' | 'other';

export interface OrganisationMention {
  /** Canonical id: ODS code (trusts, CCGs, ICBs), ONS code (STPs), `vanguard-<n>`, or a slug. */
  id: string;
  /** Canonical display name, e.g. "The Dudley Group NHS Foundation Trust". */
  name: string;
  kind: OrganisationKind;
  /** The text as written in the story. */
  matched: string;
}

/** A sum: `text` as written ("£1.2bn"), `pounds`, and what it is when said ("£78m contract"). */
export interface MoneyMention {
  text: string;
  pounds: number;
  context?: string;
}

export interface Entities {
  organisations: OrganisationMention[];
  money: MoneyMention[];
}

// ---------------------------------------------------------------- archive views

/** A story as read back from the archive, with everything the digest and commands need. */
export interface StoredStory extends Story {
  /** Every source that carried this story (the first is `sourceId`). */
  sourceIds: string[];
  firstSeenAt: string;
  tags: Tag[];
  entities: Entities;
}

export interface SourceHealth {
  sourceId: string;
  name: string;
  enabled: boolean;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  nextPollAt: string | null;
  storyCount: number;
  /** Items the last successful document held beyond poll.maxItemsPerDocument (not read); absent when none. */
  itemsDropped?: number;
}

// ---------------------------------------------------------------- digest (domain-digest.ts)

export type * from './domain-digest.js';

// ---------------------------------------------------------------- channels and delivery

export interface ChannelRef {
  platform: ChannelPlatform;
  /** Slack team id or Discord guild id. */
  workspaceId: string;
  channelId: string;
}

export interface Subscription extends ChannelRef {
  id: number;
  /** Theme ids, or `all`. */
  themes: string[] | 'all';
  organisations: string[];
  /**
   * Stories the tagger vetoed as off-topic (a negative rule with `veto: true`) are left out of
   * "Other news" unless this is true.
   */
  includeOffTopic?: boolean;
  /** Overrides the default digest schedule, e.g. { day: 1, time: '08:30' } (day 0 = Sunday). */
  schedule: { day: number; time: string } | null;
  createdBy: string | null;
  createdAt: string;
  pausedReason: string | null;
  /** The catch-up of each ISO week (absent: weekly) or each local day, at `schedule.time`. */
  cadence?: Cadence;
  /** Alerts between catch-ups (absent: off). */
  alerts?: boolean;
}
export type Cadence = 'weekly' | 'daily';

// ---------------------------------------------------------------- search

// Search queries, pages and hits live in domain-search.ts (this file's line budget); same rules.
export type * from './domain-search.js';
