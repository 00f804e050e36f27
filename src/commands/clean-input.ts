// Normalises chat text before parsing. Slack and Discord deliver what people paste: smart quotes,
// non-breaking spaces, zero-width and bidirectional control characters, fullwidth letters.
// Invisible characters are removed (they would otherwise make `carter` and `car\u200Bter` differ),
// other control characters become spaces, and compatibility forms are folded with NFKC.

/** Longest command text accepted after cleaning; longer input gets an error, not a parse. */
export const MAX_COMMAND_CHARS = 1000;

// Zero-width (U+200B..U+200D, U+2060, U+FEFF, U+00AD soft hyphen, U+180E) and bidi controls
// (U+200E, U+200F, U+061C, U+202A..U+202E, U+2066..U+2069).
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
// C0/C1 controls (tab and newlines included) and every Unicode space separator.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SPACES = /[\u0000-\u001F\u007F-\u009F\p{Zs}\u2028\u2029]+/gu;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\uFF02]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032]/g;

export function cleanInput(text: string): string {
  let value = typeof text === 'string' ? text : '';
  // Lone surrogates make normalize() and some renderers misbehave: replace them.
  value = value.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
  value = value.replace(INVISIBLE, '').normalize('NFKC');
  value = value.replace(DOUBLE_QUOTES, '"').replace(SINGLE_QUOTES, "'");
  return value.replace(SPACES, ' ').trim();
}
