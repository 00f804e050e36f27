// One pass over a text for the phrase matcher (issue 18): splits it into words by the rules of
// split-words.ts and, in the same pass, hashes each word lower-cased, so the text
// is never lower-cased as a whole and no word is copied. The table lives in reused typed arrays:
// a scan is synchronous and reads the table before the next one is built, so nothing allocates
// per text once the arrays have grown. Lower-casing is per code unit, which equals the old
// whole-text `toLowerCase` (kept in place) except around "Σ" (final sigma depends on its
// neighbours) and for letters outside the BMP (lower-cased as pairs): such texts get `null`, and
// the caller takes the exact slow path.

/**
 * FNV-1a constants, as phrase-index.ts hashes trie words: the two must agree. The offset basis
 * is taken as an int32 (`| 0`: the same bits for `^`), so a running hash never starts as a heap
 * number (issue 18, tag5).
 */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const HASH_BITS = 0x3fffffff;

/** The hash `lower` holds for a word already lower-cased. */
export function hashWord(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h & HASH_BITS;
}
export const AND_HASH = hashWord('and');

export interface WordTable {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** FNV-1a of the word lower-cased code unit by code unit ("&": of "and"). */
  lower: Int32Array;
  /** Whether any word holds a code unit outside ASCII (find-deadlines.ts's screen asks). */
  nonAscii: boolean;
  /**
   * The text's code units (`raw[k]` is `text.charCodeAt(k)`), copied in one native call: a scan
   * reads typed arrays, not the string, whose every charCodeAt dispatches on how V8 stores it
   * (issue 18, tag6: ~2x the per-character cost of a typed-array read).
   */
  raw: Uint16Array;
  /** At each word code unit: lowerCode of it (what a case-insensitive compare reads); else stale. */
  folded: Uint16Array;
  /**
   * Whether the text holds space snippet.ts would tidy: a code unit below 0x20, U+00A0, U+2028
   * or U+2029, or two spaces in a row (exactly its MESSY_SPACE test, read in this same pass).
   */
  messy: boolean;
}

const table: WordTable = {
  count: 0,
  starts: new Int32Array(256),
  ends: new Int32Array(256),
  lower: new Int32Array(256),
  raw: new Uint16Array(1024),
  folded: new Uint16Array(1024),
  nonAscii: false,
  messy: false,
};

function grow(): void {
  const size = table.starts.length * 2;
  const copy = (from: Int32Array) => {
    const to = new Int32Array(size);
    to.set(from);
    return to;
  };
  table.starts = copy(table.starts);
  table.ends = copy(table.ends);
  table.lower = copy(table.lower);
}

/** Whether a Uint16Array reads UTF-16LE bytes as code units (else raw is filled unit by unit). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** A byte view of `table.raw`, for Buffer#write (replaced with it when it grows). */
let rawBytes = Buffer.from(table.raw.buffer, table.raw.byteOffset, table.raw.byteLength);
/**
 * Node's own UTF-16LE writer, which Buffer#write(text, 0, 'utf16le') calls after checking its
 * arguments and looking the encoding up: called straight, the copy costs about half (issue 18,
 * tag6 profile: `write` 1.5% of the step, the copy itself 0.9%). Undocumented, so only when
 * present; else Buffer#write.
 */
type Ucs2Write = (this: Buffer, text: string, offset: number, length: number) => number;
const ucs2Write = (Buffer.prototype as unknown as { ucs2Write?: Ucs2Write }).ucs2Write;

/** Copies `text` into `table.raw` (grown to hold it; `folded` grows alike) and returns it. */
function copyText(text: string): Uint16Array {
  const n = text.length;
  if (n > table.raw.length) {
    let size = table.raw.length;
    while (size < n) size *= 2;
    table.raw = new Uint16Array(size);
    table.folded = new Uint16Array(size);
    rawBytes = Buffer.from(table.raw.buffer, table.raw.byteOffset, table.raw.byteLength);
  }
  const raw = table.raw;
  if (!LITTLE_ENDIAN) for (let k = 0; k < n; k++) raw[k] = text.charCodeAt(k);
  else if (ucs2Write !== undefined) ucs2Write.call(rawBytes, text, 0, n * 2);
  else rawBytes.write(text, 0, 'utf16le');
  return raw;
}

/** Per code unit: 0 not yet known, 1 part of a word, 2 not (split-words.ts's classes). */
const WORD_CLASS = new Uint8Array(0x10000);
/** Per code unit: its lower case (0 = not yet known; no word code unit lower-cases to 0). */
const LOWER = new Uint16Array(0x10000);
const UNICODE_WORD = /[\p{L}\p{N}\p{M}]/u;
/** The ASCII rows of the two tables in one, read first on the hot path: 0 = not a word unit. */
const ASCII_WORD_LOWER = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) {
  const word = /[A-Za-z0-9]/.test(String.fromCharCode(c));
  WORD_CLASS[c] = word ? 1 : 2;
  LOWER[c] = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
  ASCII_WORD_LOWER[c] = word ? LOWER[c]! : 0;
}

function isWordCode(code: number): boolean {
  let cls = WORD_CLASS[code]!;
  if (cls === 0) {
    const word = (code >= 0xd800 && code <= 0xdfff) || UNICODE_WORD.test(String.fromCharCode(code));
    WORD_CLASS[code] = cls = word ? 1 : 2;
  }
  return cls === 1;
}

/** `String#toLowerCase` of one code unit, the unit itself where that changes the length ("İ"). */
export function lowerCode(code: number): number {
  const known = LOWER[code]!;
  if (known !== 0) return known;
  const lower = String.fromCharCode(code).toLowerCase();
  const result = lower.length === 1 ? lower.charCodeAt(0) : code;
  LOWER[code] = result;
  return result;
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2018;
}

/**
 * The words of `text` with their hashes, or null when lower-casing must see the whole text.
 * The table is shared: read it before the next call.
 */
export function tableWords(text: string): WordTable | null {
  const n = text.length;
  let count = 0;
  let i = 0;
  let nonAscii = false;
  let messy = false;
  // The arrays in locals, not read off the shared table at every word (refreshed after grow).
  let starts = table.starts;
  let ends = table.ends;
  let lowers = table.lower;
  let room = starts.length;
  const raw = copyText(text);
  const folded = table.folded;
  while (i < n) {
    if (count === room) {
      grow();
      starts = table.starts;
      ends = table.ends;
      lowers = table.lower;
      room = starts.length;
    }
    let c = raw[i]!;
    // One load says both whether an ASCII unit is part of a word and its lower case (issue 18).
    let l = c < 0x80 ? ASCII_WORD_LOWER[c]! : isWordCode(c) ? -1 : 0;
    if (l === 0) {
      // Every code unit snippet.ts calls messy is outside words, so only this branch looks.
      if (c <= 0x20) {
        if (c !== 0x20 || (i + 1 < n && raw[i + 1] === 0x20)) messy = true;
      } else if (c === 0xa0 || c === 0x2028 || c === 0x2029) {
        messy = true;
      } else if (c === 0x26) {
        starts[count] = i;
        ends[count] = i + 1;
        // "&" reads as "and" (phrase-index.ts).
        lowers[count] = AND_HASH;
        count++;
      }
      i++;
      continue;
    }
    const start = i;
    let lower = FNV_OFFSET;
    for (;;) {
      if (l < 0) {
        // "Σ" and surrogates are word code units: meeting one here is the only place to check.
        if (c === 0x3a3 || (c >= 0xd800 && c <= 0xdfff)) return null;
        l = lowerCode(c);
        nonAscii = true;
      }
      lower = Math.imul(lower ^ l, FNV_PRIME);
      folded[i] = l;
      if (++i >= n) break;
      c = raw[i]!;
      l = c < 0x80 ? ASCII_WORD_LOWER[c]! : isWordCode(c) ? -1 : 0;
      if (l === 0) break;
    }
    starts[count] = start;
    ends[count] = i;
    lowers[count] = lower & HASH_BITS;
    count++;
    // Possessive 's: skipped, as split-words.ts does.
    if (
      i + 1 < n &&
      isApostrophe(raw[i]!) &&
      (raw[i + 1]! | 0x20) === 0x73 &&
      (i + 2 >= n || !isWordCode(raw[i + 2]!))
    ) {
      i += 2;
    }
  }
  table.nonAscii = nonAscii;
  table.messy = messy;
  table.count = count;
  return table;
}
