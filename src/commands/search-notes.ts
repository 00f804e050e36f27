// What a search answer says besides its results, as plain text each platform escapes: the words
// also searched through the shared vocabulary, and spelling suggestions from the archive's words
// (or, when nothing matched as typed, that the results are for the suggestion).
import type { SearchPage } from '../domain.js';

const MAX_NOTE = 300;
const SHOWN_ALTERNATIVES = 2;

/** "Also searched: integrated care system (for ICS)", or null when nothing was expanded. */
export function describeExpansions(page: SearchPage): string | null {
  const expanded = page.expanded ?? [];
  if (expanded.length === 0) return null;
  // Spelling variants of one long form ("multi-specialty", "multispecialty") are all searched,
  // but two are enough to say what was meant.
  const parts = expanded.map((e) => {
    const shown = e.alternatives.slice(0, SHOWN_ALTERNATIVES).join(', ');
    const more = e.alternatives.length - SHOWN_ALTERNATIVES;
    return `${shown}${more > 0 ? ` and ${more} more` : ''} (for ${e.word})`;
  });
  return cut(`Also searched: ${parts.join('; ')}`);
}

/** "Did you mean "integrated"?", or what the results are for when the words were corrected. */
export function describeSpelling(page: SearchPage): string | null {
  const suggestions = page.suggestions ?? [];
  if (suggestions.length === 0) return null;
  const typed = suggestions.map((s) => `"${s.word}"`).join(', ');
  const meant = suggestions.map((s) => `"${s.suggestion}"`).join(', ');
  return cut(
    page.corrected === true
      ? `Nothing matched ${typed}; showing results for ${meant}.`
      : `Did you mean ${meant}?`,
  );
}

function cut(text: string): string {
  return text.length <= MAX_NOTE ? text : `${text.slice(0, MAX_NOTE - 1)}…`;
}

/**
 * How much a search found, in the words every surface uses: "12 stories", "1000+ stories", or,
 * when copies from several outlets fold into one result and the results were counted, "2
 * stories in 1 result".
 */
export function describeSearchCount(page: SearchPage): string {
  const { total, resultCount } = page;
  const stories = page.totalIsLowerBound
    ? `${total}+ stories`
    : `${total} ${total === 1 ? 'story' : 'stories'}`;
  if (resultCount === undefined || resultCount === total) return stories;
  return `${stories} in ${resultCount} ${resultCount === 1 ? 'result' : 'results'}`;
}
