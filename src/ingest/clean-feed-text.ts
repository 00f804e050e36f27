// Feed text to one clean line in a single pass: control (C0 and C1), zero-width, joiner, bidi
// override/isolate and BOM characters removed, then every run of whitespace (as JavaScript's \s
// and String.prototype.trim define it) made one space, and the ends trimmed. It did this with a
// removing regex and a collapsing one; one character loop over a whole article body costs a
// fraction of the two scans (issue 18), and gives the same text (test/ingest/plain-text.test.ts).

/** Removed: C0 controls but tab, LF and CR; DEL and C1; soft hyphen; invisible format characters. */
function isUnwanted(c: number): boolean {
  if (c < 0x20) return c !== 0x09 && c !== 0x0a && c !== 0x0d;
  if (c < 0x7f) return false;
  return (
    c <= 0x9f ||
    c === 0xad ||
    c === 0x180e ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x206f) ||
    c === 0xfeff
  );
}

/** Whitespace other than U+0020 that is left once unwanted characters are gone (ECMA-262 \s). */
function isOtherSpace(c: number): boolean {
  if (c < 0x80) return c === 0x09 || c === 0x0a || c === 0x0d;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Removes control, zero-width and bidi characters and collapses every run of whitespace. */
export function cleanText(text: string): string {
  let out = '';
  let kept = 0; // start of the text not yet copied to `out`
  let afterSpace = true; // a space here would start or continue a run (leading ones are trimmed)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) {
      afterSpace = false;
    } else if (c === 0x20) {
      if (afterSpace) {
        out += text.slice(kept, i);
        kept = i + 1;
      }
      afterSpace = true;
    } else if (isUnwanted(c)) {
      out += text.slice(kept, i);
      kept = i + 1;
    } else if (isOtherSpace(c)) {
      out += afterSpace ? text.slice(kept, i) : `${text.slice(kept, i)} `;
      kept = i + 1;
      afterSpace = true;
    } else {
      afterSpace = false;
    }
  }
  out = kept === 0 ? text : out + text.slice(kept);
  return afterSpace && out.endsWith(' ') ? out.slice(0, -1) : out;
}
