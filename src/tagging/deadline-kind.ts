// What a closing date closes (a consultation, a call for evidence, a tender, or something else),
// from the sentence that gave the date, else the headline (find-deadlines.ts). Pure.
import type { DeadlineKind } from '../domain.js';

const KINDS: readonly [DeadlineKind, RegExp][] = [
  ['call_for_evidence', /\bcalls? for evidence\b/i],
  ['consultation', /\bconsult(?:ation|ations|ing|s)?\b/i],
  [
    'tender',
    /\b(?:tenders?|tendering|invitation to tender|procurement|contract notice|bids?|expressions? of interest)\b/i,
  ],
];

/** What closes, from the sentence that gave the date, else the headline. */
export function kindOf(context: string, title: string): DeadlineKind {
  for (const text of [context, title]) {
    for (const [kind, pattern] of KINDS) if (pattern.test(text)) return kind;
  }
  return 'other';
}
