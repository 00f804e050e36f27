// How important a clustered item is within one theme, as one number, and the order that follows.
// Rules (weights chosen so coverage dominates, then authority, then relevance, then freshness):
//   score = 1.0 * log2(1 + sources covering it)      1 source -> 1, 2 -> 1.58, 3 -> 2
//         + 1.0 * highest authority among them       0..1 from config/sources.yaml
//         + 1.0 * theme strength                     best tag score / best in this theme this week
//         + 0.5 * recency                            0 at the week's start, 1 at its end
// Ties break on publication time (newer first), then the lead story id, so order is total.

export interface RankInput {
  sourceCount: number;
  authority: number;
  /** 0..1, already normalised against the strongest story of the theme this week. */
  themeStrength: number;
  /** 0..1 position of the publication time within the week. */
  recency: number;
}

export const RANK_WEIGHTS = { sources: 1, authority: 1, theme: 1, recency: 0.5 } as const;

const clamp = (value: number) => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);

export function scoreEntry(input: RankInput): number {
  const raw =
    RANK_WEIGHTS.sources * Math.log2(1 + Math.max(1, input.sourceCount)) +
    RANK_WEIGHTS.authority * clamp(input.authority) +
    RANK_WEIGHTS.theme * clamp(input.themeStrength) +
    RANK_WEIGHTS.recency * clamp(input.recency);
  return Math.round(raw * 10_000) / 10_000;
}

export interface Ranked {
  score: number;
  publishedAt: string;
  leadId: string;
}

/** Most important first; total order. */
export function compareRanked(a: Ranked, b: Ranked): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.publishedAt !== b.publishedAt) return a.publishedAt < b.publishedAt ? 1 : -1;
  return a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0;
}
