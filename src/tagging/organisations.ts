// Finds NHS organisations in text: every trust (open and closed), CCG, STP footprint, integrated
// care board, vanguard and national body in config/organisations.yaml, in any of its listed spellings. Names and variants
// match case-insensitively on whole words; acronyms ("NICE", "CQC") only as written, so "nice
// weather" is not the institute. Overlapping matches keep the longest ("NHS England and NHS
// Improvement" is two bodies; "Dudley Group NHS Foundation Trust" is one, not "Dudley Group").
import type { OrganisationMention } from '../domain.js';
import type { OrganisationEntry } from '../config/organisations.js';
import {
  compilePhraseIndex,
  scanPhrases,
  type PhraseHit,
  type PhraseIndex,
  type PhrasePattern,
} from './phrase-index.js';
import { sortSmall } from './sort-small.js';

export interface NamePayload {
  entry: number;
  /** Ordinary-word names ("Monitor") are checked against the following word. */
  ambiguous: boolean;
}

export interface Gazetteer {
  readonly entries: readonly OrganisationEntry[];
  readonly index: PhraseIndex<NamePayload>;
  /** What `index` was compiled from (scan-story.ts folds it into one index with the themes). */
  readonly patterns: readonly PhrasePattern<NamePayload>[];
}

/** Words after which an ordinary-word name is being used in its ordinary sense. */
const ORDINARY_SENSE_NEXT = new Set([
  'the',
  'your',
  'a',
  'an',
  'their',
  'his',
  'her',
  'our',
  'my',
  'its',
  'patients',
  'closely',
  'how',
  'for',
  'levels',
  'progress',
  'symptoms',
  'changes',
  'and',
  'or',
  'them',
  'this',
  'that',
]);

export function compileGazetteer(entries: readonly OrganisationEntry[]): Gazetteer {
  const patterns = entries.flatMap((entry, i): PhrasePattern<NamePayload>[] => [
    ...[entry.name, ...entry.variants].map((text) => ({
      text,
      caseSensitive: false,
      plural: false,
      payload: { entry: i, ambiguous: false },
    })),
    ...entry.acronyms.map((text) => ({
      text,
      caseSensitive: true,
      plural: false,
      payload: { entry: i, ambiguous: false },
    })),
    ...entry.ambiguous.map((text) => ({
      text,
      caseSensitive: true,
      plural: false,
      payload: { entry: i, ambiguous: true },
    })),
  ]);
  // A name like "Monitor" listed as ambiguous must not also match case-insensitively.
  const filtered = patterns.filter(
    (p) => p.caseSensitive || !entries[p.payload.entry]!.ambiguous.includes(p.text),
  );
  return { entries, index: compilePhraseIndex(filtered), patterns: filtered };
}

/** Where an organisation is named in a text: `entry` indexes `gazetteer.entries`. */
export interface OrganisationHit {
  entry: number;
  start: number;
  end: number;
}

/**
 * Every naming of an organisation in `text`, in order; of overlapping names the longest.
 * `scanned`: the gazetteer's raw hits in `text` when the caller scanned already (scan-story.ts).
 */
export function findOrganisationHits(
  text: string,
  gazetteer: Gazetteer,
  scanned?: readonly PhraseHit<NamePayload>[],
): OrganisationHit[] {
  if (!text) return [];
  const raw = scanned ?? scanPhrases(text, gazetteer.index);
  // Most fields name no organisation: no lists to build (issue 18).
  if (raw.length === 0) return [];
  const hits: PhraseHit<NamePayload>[] = [];
  for (const hit of raw)
    if (!hit.payload.ambiguous || !ordinarySense(text, hit.end)) hits.push(hit);
  sortSmall(hits, byStartLongestFirst);
  const kept: OrganisationHit[] = [];
  let coveredTo = -1;
  for (const hit of hits) {
    if (hit.start < coveredTo) continue;
    coveredTo = hit.end;
    kept.push({ entry: hit.payload.entry, start: hit.start, end: hit.end });
  }
  return kept;
}

function byStartLongestFirst(a: PhraseHit<NamePayload>, b: PhraseHit<NamePayload>): number {
  return a.start - b.start || b.end - a.end;
}

/** Organisations mentioned in `text`, each once (by id), in order of first mention. */
export function findOrganisations(text: string, gazetteer: Gazetteer): OrganisationMention[] {
  const mentions: OrganisationMention[] = [];
  const seen = new Set<string>();
  for (const hit of findOrganisationHits(text, gazetteer)) {
    const entry = gazetteer.entries[hit.entry]!;
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    mentions.push(toMention(entry, text.slice(hit.start, hit.end)));
  }
  return mentions;
}

export function toMention(entry: OrganisationEntry, matched: string): OrganisationMention {
  return { id: entry.id, name: entry.name, kind: entry.kind, matched };
}

/** The word after a name (made once: a literal in the function was a new RegExp per call). */
const NEXT_WORD = /^\s+([\p{L}']+)/u;

function ordinarySense(text: string, end: number): boolean {
  const next = NEXT_WORD.exec(text.slice(end, end + 40));
  return next !== null && ORDINARY_SENSE_NEXT.has(next[1]!.toLowerCase());
}

/** Canonical ids for a typed name or id ("Dudley Group FT", "RNA", "cqc"); empty when unknown. */
export function resolveOrganisation(typed: string, gazetteer: Gazetteer): string[] {
  const wanted = typed.trim();
  if (wanted === '') return [];
  const byId = gazetteer.entries.filter((e) => e.id.toLowerCase() === wanted.toLowerCase());
  if (byId.length > 0) return byId.map((e) => e.id);
  return findOrganisations(wanted, gazetteer).map((m) => m.id);
}
