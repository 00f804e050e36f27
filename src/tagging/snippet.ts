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
  if (hasMessySpace(body)) body = body.replace(/\s+/g, ' ');
  body = body.trim();
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}

/** Any whitespace other than single plain spaces (tabs, newlines, runs of spaces)? */
function hasMessySpace(text: string): boolean {
  let previousSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (previousSpace) return true;
      previousSpace = true;
    } else {
      if (c < 0x20 || c === 0xa0 || c === 0x2028 || c === 0x2029) return true;
      previousSpace = false;
    }
  }
  return false;
}
