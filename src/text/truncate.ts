// Cutting text to a length with an ellipsis. Pure. Rules: the result, ellipsis included, is at
// most `max` UTF-16 units and never splits a code point (no lone surrogate); truncateAtWord also
// prefers the last space in the final 40% and drops punctuation left dangling by the cut.

export const ELLIPSIS = '…';
// Starts only where a run of such marks starts: a long run followed by a word was otherwise
// rescanned from each of its positions (quadratic; issue 12).
export const DANGLING = /(?<![\s,;:.\-–—])[\s,;:.\-–—]+$/;

/** The longest prefix of whole code points with at most `max` UTF-16 units. */
function prefixWithin(text: string, max: number): string {
  let out = '';
  for (const point of text) {
    if (out.length + point.length > max) break;
    out += point;
  }
  return out;
}

/** Cuts to at most `max` characters (code points never split), ending with an ellipsis. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < ELLIPSIS.length) return '';
  return prefixWithin(text, max - ELLIPSIS.length).trimEnd() + ELLIPSIS;
}

/** Cuts at a word boundary to at most `max` characters, ending with an ellipsis. */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < ELLIPSIS.length) return '';
  const room = prefixWithin(text, max - ELLIPSIS.length);
  const lastSpace = room.lastIndexOf(' ');
  const cut = lastSpace > max * 0.6 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(DANGLING, '')}${ELLIPSIS}`;
}

/**
 * The longest cut of `clean` whose escaped form has at most `max` characters: escaping can grow
 * text (`&` -> `&amp;`), so the raw budget shrinks by the overshoot until it fits. `cut` defaults
 * to truncateText. Empty when not even an ellipsis fits.
 */
export function fitEscaped(
  clean: string,
  max: number,
  escape: (text: string) => string,
  cut: (text: string, max: number) => string = truncateText,
): string {
  let budget = max;
  while (budget > 0) {
    const escaped = escape(cut(clean, budget));
    if (escaped.length <= max) return escaped;
    budget -= Math.max(1, escaped.length - max);
  }
  return '';
}
