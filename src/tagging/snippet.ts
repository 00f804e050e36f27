// The text shown with a piece of evidence: the match with some words either side, on one line,
// cut at spaces and marked with "…" where text was left out.

const SNIPPET_RADIUS = 60;

/** The match with up to SNIPPET_RADIUS characters either side, cut at spaces, on one line. */
export function snippet(text: string, start: number, end: number): string {
  let from = Math.max(0, start - SNIPPET_RADIUS);
  let to = Math.min(text.length, end + SNIPPET_RADIUS);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space >= end) to = space;
  }
  let body = text.slice(from, to);
  if (!isKnownTidy(text) && hasMessySpace(body)) body = body.replace(/\s+/g, ' ');
  body = body.trim();
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}

/**
 * Any whitespace other than single plain spaces (tabs, newlines, runs of spaces)? A regex, not a
 * loop over charCodeAt: the engine reads the characters in place, where a loop pays for the
 * string's representation (a slice of a slice) at every character (issue 18).
 */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const MESSY_SPACE = /[\x00-\x1f\xa0\u2028\u2029]| {2}/;

function hasMessySpace(text: string): boolean {
  return MESSY_SPACE.test(text);
}

/**
 * Texts known to hold no messy space at all (the story's fields, as its one scan found them:
 * scan-story.ts), so no slice of them can: the test on the slice was ~470 ns, a quarter of a
 * story's evidence (issue 18, tag5). Slots are by field; a string equal to a tidy one is tidy,
 * so a stale slot can only say "tidy" rightly.
 */
const TIDY = ['', '', ''];

/** Records whether `text`, the field in `slot` (FIELDS order), is tidy (see TIDY). */
export function noteTidy(slot: number, text: string, tidy: boolean): void {
  TIDY[slot] = tidy ? text : '';
}

function isKnownTidy(text: string): boolean {
  return text === TIDY[0] || text === TIDY[1] || text === TIDY[2];
}
