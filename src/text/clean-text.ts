// Platform-neutral cleaning of untrusted text (feed titles, summaries, user queries) before a
// renderer escapes it. Pure. Rules: C0/C1 control characters become spaces; bidi overrides,
// isolates and marks are removed so RTL text cannot visually reorder a line to disguise it
// (ordinary RTL letters are kept); whitespace is collapsed, or kept as at most one blank line.

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/**
 * Whitespace that is not already a single space: a run of two or more, or one tab, newline or
 * other space character. Replacing only these (not every space) makes collapsing text that is
 * mostly clean one scan instead of a replacement per word.
 */
const UNCOLLAPSED_SPACE = /\s{2,}|[^\S ]/g;

/** Every run of whitespace as one space (not trimmed). */
export function collapseSpaces(text: string): string {
  return text.replace(UNCOLLAPSED_SPACE, ' ');
}

/** Removes control and bidi characters; collapses whitespace unless `keepNewlines`. */
export function cleanText(raw: string, keepNewlines = false): string {
  const cleaned = raw.replace(CONTROL, ' ').replace(BIDI_CONTROL, '');
  if (keepNewlines) {
    return cleaned
      .replace(/\r\n?/g, '\n')
      .replace(/[^\S\n]+/g, ' ')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }
  return collapseSpaces(cleaned).trim();
}

/** Each whitespace run holding a newline becomes one space, so a message prints on one line. */
export function joinLines(text: string): string {
  // `(?<!\s)`: a match starts only where a whitespace run starts; a long run of spaces with no
  // newline was otherwise rescanned from each of its positions (quadratic; issue 12).
  return text.replace(/(?<!\s)\s*\n\s*/g, ' ');
}
