// "Why it matters" for a digest's lead: a list of facts, each a template over what the bot has
// stored, never a judgement. Pure.
// Facts, in this order, each only when true:
//   "Covered by HSJ, Pulse and The King's Fund"          two or more outlets carried it
//   "Touches Procurement and NHS Dudley CCG, which this channel follows"
//                                                         the followed themes and organisations it
//                                                         touches (for a channel following every
//                                                         theme, only organisations it follows)
//   "Fourth story on NHS Dudley CCG since 3 March"        three or more stories on the thread
//   "Continues coverage from 12 March"                    otherwise, when it continues one
//   "Consultation closes 12 January"                      a closing date the digest lists for it
import type { DigestEntry } from '../domain.js';
import { capitalise, ordinal, sayDate, sayList } from './fact-words.js';

/** A deadline as the digest lists it (top-level `deadlines`). */
export interface DeadlineFact {
  url: string | null;
  closesAt: string;
  kind: string;
}

export interface WhyContext {
  timeZone: string;
  /** The digest week's year, e.g. "2021": dates in it are said without the year. */
  year: string;
  /** The themes the story is filed under (id and label), in digest order. */
  themes: readonly { id: string; label: string }[];
  follows: { themes: readonly string[] | 'all'; organisations: readonly string[] };
  deadlines: readonly DeadlineFact[];
}

const MAX_OUTLETS = 4;
const DEADLINE_WORDS: Record<string, string> = {
  consultation: 'Consultation closes',
  call_for_evidence: 'Call for evidence closes',
  tender: 'Tender closes',
};

export function describeWhyItMatters(entry: DigestEntry, context: WhyContext): string[] {
  return [
    describeOutlets(entry),
    describeFollows(entry, context),
    describeContinuity(entry, context.timeZone, context.year),
    describeDeadline(entry, context),
  ].filter((fact): fact is string => fact !== null);
}

function describeOutlets(entry: DigestEntry): string | null {
  const names = [...new Set(entry.links.map((l) => l.sourceName))];
  if (names.length < 2) return null;
  const shown = names.slice(0, MAX_OUTLETS);
  const more = names.length - shown.length;
  return `Covered by ${sayList(more > 0 ? [...shown, `${more} more`] : shown)}`;
}

function describeFollows(entry: DigestEntry, context: WhyContext): string | null {
  const { follows } = context;
  const everything = follows.themes === 'all';
  const themes = context.themes
    .filter((t) => everything || follows.themes.includes(t.id))
    .map((t) => t.label);
  const ids = entry.organisationIds ?? [];
  const organisations = entry.organisations.filter((_, i) =>
    follows.organisations.includes(ids[i] ?? ''),
  );
  // A channel following everything chose no theme: its lead's "Filed under" already says them.
  const touched = [...(everything ? [] : themes), ...organisations];
  if (touched.length === 0) return null;
  return `Touches ${sayList(touched)}, which this channel follows`;
}

/**
 * "Fourth story on NHS Dudley CCG since March" when three or more stories make the thread, else
 * "Continues coverage from 12 March" when it continues one; null when it starts one.
 */
export function describeContinuity(
  entry: DigestEntry,
  timeZone: string,
  year: string,
): string | null {
  const line = entry.storyline;
  if (line && line.stories >= 3) {
    const about = line.about ?? 'this';
    return `${capitalise(ordinal(line.stories))} story on ${about} since ${sayDate(line.since, timeZone, year)}`;
  }
  const earliest = entry.previously?.[entry.previously.length - 1];
  return earliest
    ? `Continues coverage from ${sayDate(earliest.publishedAt, timeZone, year)}`
    : null;
}

function describeDeadline(entry: DigestEntry, context: WhyContext): string | null {
  const urls = new Set([entry.url, ...entry.links.map((l) => l.url)].filter((u) => u !== null));
  const deadline = context.deadlines.find((d) => d.url !== null && urls.has(d.url));
  if (!deadline) return null;
  const words = DEADLINE_WORDS[deadline.kind] ?? 'Closes';
  return `${words} ${sayDate(deadline.closesAt, context.timeZone, context.year)}`;
}
