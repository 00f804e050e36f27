// Splitting text into words for the phrase matcher (phrase-index.ts), as offsets into the text so
// no word is copied. Words are runs of letters and digits; "&" is a word of its own; a possessive
// "'s" (straight or curly apostrophe) is dropped.

/** The words of a text as offsets (end exclusive). */
export interface Words {
  starts: number[];
  ends: number[];
}

const APOSTROPHES = new Set([0x27, 0x2019, 0x2018]);

/** 1 for ASCII letters and digits: a table lookup is the hot path of every scan. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_WORD[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;
}

function isWordCode(code: number): boolean {
  return code < 0x80 ? ASCII_WORD[code] === 1 : isUnicodeWordCode(code);
}

const UNICODE_WORD = /[\p{L}\p{N}\p{M}]/u;
function isUnicodeWordCode(code: number): boolean {
  // Surrogate halves belong to letters outside the BMP often enough; treat them as word parts.
  if (code >= 0xd800 && code <= 0xdfff) return true;
  return UNICODE_WORD.test(String.fromCharCode(code));
}

/** Splits text into words (see the header for the rules). "&" becomes a one-char word. */
export function splitWords(text: string): Words {
  const starts: number[] = [];
  const ends: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code < 0x80 ? ASCII_WORD[code] === 0 : !isUnicodeWordCode(code)) {
      if (code === 0x26) {
        starts.push(i);
        ends.push(i + 1);
      }
      i++;
      continue;
    }
    const start = i;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 0x80 ? ASCII_WORD[c] === 0 : !isUnicodeWordCode(c)) break;
      i++;
    }
    starts.push(start);
    ends.push(i);
    // Possessive 's: skip it so it is neither a word nor part of one.
    if (
      i + 1 < n &&
      APOSTROPHES.has(text.charCodeAt(i)) &&
      (text.charCodeAt(i + 1) | 0x20) === 0x73 &&
      (i + 2 >= n || !isWordCode(text.charCodeAt(i + 2)))
    ) {
      i += 2;
    }
  }
  return { starts, ends };
}
