// The words every answer uses for schedules, organisations, dates and tagging scores, so Slack,
// Discord and the CLI say the same thing in the same plain English ("Mondays at 08:30
// (Europe/London)", "strong match in the headline"). Pure: plain text out; each renderer escapes it
// for its own markup. The score thresholds are defined here once (and documented in the README).
import type {
  Evidence,
  MoneyMention,
  OrganisationKind,
  OrganisationMention,
  TextField,
} from '../domain.js';
import { formatDay, formatIsoMinute } from '../text/format-dates.js';

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Mondays at 08:30 (Europe/London)"; day 0 = Sunday, as stored. */
export function describeSchedule(
  schedule: { day: number; time: string },
  timeZone: string,
): string {
  const day = DAY_NAMES[schedule.day];
  const when = day === undefined ? `Every week at ${schedule.time}` : `${day}s at ${schedule.time}`;
  return `${when} (${timeZone})`;
}

/** "The Dudley Group NHS Foundation Trust (RNA)", or the bare code when its name is unknown. */
export function describeOrganisation(
  id: string,
  names: Readonly<Record<string, string>> | undefined,
): string {
  const name = names?.[id];
  return name && name !== id ? `${name} (${id})` : id;
}

/** Organisations as a list for a sentence: "A (X); B (Y)" (names can hold commas). */
export function describeOrganisations(
  ids: readonly string[],
  names: Readonly<Record<string, string>> | undefined,
): string {
  return ids.map((id) => describeOrganisation(id, names)).join('; ');
}

/** What each kind of organisation is, in words a reader knows. */
export const ORGANISATION_KIND_WORDS: Readonly<Record<OrganisationKind, string>> = {
  trust: 'NHS trust',
  ccg: 'clinical commissioning group',
  stp: 'sustainability and transformation partnership',
  icb: 'integrated care board',
  vanguard: 'new care models vanguard',
  national: 'national body',
  other: 'organisation',
};

/** "NHS Dudley CCG (clinical commissioning group, 05C)". */
export function describeMention(mention: OrganisationMention): string {
  const kind = ORGANISATION_KIND_WORDS[mention.kind] ?? 'organisation';
  return `${mention.name} (${kind}, ${mention.id})`;
}

/** A sum as the digest and explain show it: "£5bn savings target", or just "£5bn". */
export function describeSum(money: MoneyMention): string {
  return money.context ?? money.text;
}

/** "14 Feb 2017 at 09:30 (Europe/London)", "(date estimated)" added when it was guessed. */
export function describePublished(iso: string, timeZone: string, estimated = false): string {
  const day = formatDay(iso, timeZone, true);
  if (day === '') return 'date unknown';
  const time = formatIsoMinute(iso, timeZone).slice(11);
  return `${day} at ${time} (${timeZone})${estimated ? ' (date estimated)' : ''}`;
}

const FIELD_WORDS: Record<TextField, string> = {
  title: 'the headline',
  summary: 'the summary',
  content: 'the article text',
};

/** Where a rule matched, for a reader: "the headline", "the summary", "the article text". */
export function describeField(field: TextField): string {
  return FIELD_WORDS[field] ?? field;
}

/**
 * The one table of score words. A rule's contribution is its weight (default 1) times the weight
 * of the field it matched in (config/themes.yaml defaults: headline 1.5, summary 1, article text
 * 0.4), so a full-weight rule reads "strong" in a headline, "clear" in a summary and "weak" in
 * the article text. A theme's total is read against the default threshold of 1.
 */
export const SCORE_WORDS = {
  /** One rule's contribution: at least `min` reads as `words` (first match wins). */
  evidence: [
    { min: 1.5, words: 'strong match' },
    { min: 1, words: 'clear match' },
    { min: Number.MIN_VALUE, words: 'weak match' },
    { min: 0, words: 'uncounted match' },
    { min: -Infinity, words: 'match against the theme' },
  ],
  /** A theme's total score. */
  theme: [
    { min: 3, words: 'strong match' },
    { min: 1.5, words: 'clear match' },
    { min: Number.MIN_VALUE, words: 'weak match' },
    { min: -Infinity, words: 'no match' },
  ],
} as const;

function wordsFor(table: readonly { min: number; words: string }[], score: number): string {
  if (!Number.isFinite(score)) return 'unknown strength';
  return table.find((row) => score >= row.min)?.words ?? 'unknown strength';
}

/** "2.5", "0.75", "-1": the number behind the words, when asked for. */
export function formatScore(score: number): string {
  return Number.isFinite(score) ? String(Math.round(score * 100) / 100) : '?';
}

/** A rule's contribution: "strong match in the headline" (with scores: "... (+1.5)"). */
export function describeEvidence(evidence: Evidence, showScores: boolean): string {
  // A veto (negative rule with `veto: true`) is recorded with weight 0: it rejects, not lowers.
  const veto = evidence.kind === 'negative' && evidence.weight === 0;
  const strength = veto ? 'veto' : wordsFor(SCORE_WORDS.evidence, evidence.weight);
  const words = `${strength} in ${describeField(evidence.field)}`;
  if (!showScores) return words;
  const sign = evidence.weight > 0 ? '+' : '';
  return `${words} (${sign}${formatScore(evidence.weight)})`;
}

/** A theme's total: "clear match" (with scores: "clear match, score 1.5"). */
export function describeThemeScore(score: number, showScores: boolean): string {
  const words = wordsFor(SCORE_WORDS.theme, score);
  return showScores ? `${words}, score ${formatScore(score)}` : words;
}

// Tagging words its reasons already ("vetoed by negative:legal aid", "acronym:STP without
// context", "published ..., outside the date window ..."); only the below-threshold part is a
// pair of numbers ("score 0.7 below threshold 1", tagging/tag-story.ts).
const BELOW_THRESHOLD = /^score -?\d+(?:\.\d+)? below threshold (\d+(?:\.\d+)?)$/;

/**
 * Why a theme was not given, in words. With scores, the threshold stays (the score itself is
 * already shown by describeThemeScore): "below its threshold of 1".
 */
export function describeNearMissReason(reason: string, showScores: boolean): string {
  return reason
    .split('; ')
    .map((part) => {
      const below = BELOW_THRESHOLD.exec(part);
      if (below === null) return part;
      return showScores
        ? `below its threshold of ${below[1]!}`
        : 'not enough evidence to file it here';
    })
    .join('; ');
}
