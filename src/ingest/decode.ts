// Turns fetched bytes into text. We decode ourselves because servers and old CMSs lie about
// charsets and rss-parser ignores the XML prolog. Order (ARCHITECTURE/STACK): byte-order mark,
// then the XML prolog's encoding=, then the HTTP charset, then (HTML pages) <meta charset>, then
// UTF-8. windows-1252 goes through iconv-lite: Node 20.20's TextDecoder maps 0x80-0x9F wrongly.
// ISO-8859-1 and US-ASCII labels decode as windows-1252 (as browsers do, per the WHATWG Encoding
// spec): feeds labelled Latin-1 routinely carry curly quotes in 0x80-0x9F. A document declared or
// assumed UTF-8 that is not valid UTF-8 falls back to windows-1252 rather than showing U+FFFD;
// one declared windows-1252/Latin-1 whose bytes are valid UTF-8 with non-ASCII is read as UTF-8.
// Characters XML 1.0 forbids (NUL, most C0 controls, U+FFFE/U+FFFF) are removed.
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { skipCommentsAndSpaces } from './skip-preamble.js';

export type EncodingSource = 'bom' | 'xml-prolog' | 'http' | 'html-meta' | 'default' | 'fallback';

export interface DecodedText {
  text: string;
  /** The encoding actually used, lower-case, e.g. `utf-8`, `windows-1252`. */
  encoding: string;
  /** Which rule chose it. */
  source: EncodingSource;
}

const SNIFF_BYTES = 2048;

/** Labels that browsers treat as windows-1252 (WHATWG Encoding, "windows-1252" labels). */
const WINDOWS_1252_LABELS = new Set([
  'ansi_x3.4-1968',
  'ascii',
  'cp1252',
  'cp819',
  'csisolatin1',
  'ibm819',
  'iso-8859-1',
  'iso-ir-100',
  'iso8859-1',
  'iso88591',
  'iso_8859-1',
  'iso_8859-1:1987',
  'l1',
  'latin1',
  'us-ascii',
  'windows-1252',
  'x-cp1252',
]);

const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

/** Maps a declared label to an encoding iconv-lite knows, or null when unknown/unsupported. */
export function normaliseCharsetLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  const cleaned = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (cleaned === '') return null;
  if (UTF8_LABELS.has(cleaned)) return 'utf-8';
  if (WINDOWS_1252_LABELS.has(cleaned)) return 'windows-1252';
  if (cleaned === 'utf-16' || cleaned === 'utf-16le' || cleaned === 'utf-16be') return cleaned;
  return iconv.encodingExists(cleaned) ? cleaned : null;
}

function detectBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', length: 3 };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 documents without a BOM still start with `<` as a 2-byte unit (XML 1.0 Appendix F). */
function detectUtf16WithoutBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) {
    return 'utf-16le';
  }
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) {
    return 'utf-16be';
  }
  return null;
}

function asciiHead(bytes: Uint8Array): string {
  return Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1');
}

/** `encoding="..."` from an XML declaration at the very start (after optional whitespace). */
export function sniffXmlPrologEncoding(head: string): string | null {
  const match = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return match ? match[1]! : null;
}

/** `charset=` from a Content-Type header value. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return match ? match[2]! : null;
}

/** `<meta charset>` or `<meta http-equiv=Content-Type content="...charset=...">` in an HTML head. */
export function sniffHtmlMetaCharset(head: string): string | null {
  // `[^<>]` (not `[^>]`): a scan that started at one `<meta` stops at the next tag, so an
  // unclosed `<meta <meta <meta ...` head is read once, not once per `<meta` (issue 12).
  const direct = /<meta\s[^<>]*?charset\s*=\s*["']?([A-Za-z0-9._:-]+)/i.exec(head);
  return direct ? direct[1]! : null;
}

function looksLikeHtml(head: string): boolean {
  // Comments are skipped by a scan: `(?:<!--[\s\S]*?-->\s*)*` backtracked exponentially on a
  // head of `<!---->` repeated (issue 12).
  return /^<(?:!doctype\s+html|html|head|meta)\b/i.test(head.slice(skipCommentsAndSpaces(head)));
}

// XML 1.0 §2.2 Char: tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD, U+10000-U+10FFFF.
// eslint-disable-next-line no-control-regex
const ILLEGAL_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Any character either rule above could remove: one cheap scan decides whether to run them. */
// eslint-disable-next-line no-control-regex
const MAYBE_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;

/** Removes characters that XML 1.0 forbids and that make strict parsers give up. */
export function stripIllegalXmlChars(text: string): string {
  // Most documents have none: skip the two replacing passes (the lone-surrogate one uses a
  // lookbehind and costs as much as the XML parse of a small feed).
  if (!MAYBE_ILLEGAL.test(text)) return text;
  return text.replace(ILLEGAL_XML_CHARS, '').replace(LONE_SURROGATES, '');
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true;
  return false;
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  const text =
    encoding === 'utf-8'
      ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
      : iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function choose(
  bytes: Uint8Array,
  contentTypeHeader: string | null | undefined,
): { encoding: string; source: EncodingSource; body: Uint8Array } {
  const bom = detectBom(bytes);
  if (bom) return { encoding: bom.encoding, source: 'bom', body: bytes.subarray(bom.length) };
  const utf16 = detectUtf16WithoutBom(bytes);
  if (utf16) return { encoding: utf16, source: 'xml-prolog', body: bytes };
  const head = asciiHead(bytes);
  const prolog = normaliseCharsetLabel(sniffXmlPrologEncoding(head));
  // A single-byte document cannot really be UTF-16, whatever its prolog claims.
  if (prolog && !prolog.startsWith('utf-16')) {
    return { encoding: prolog, source: 'xml-prolog', body: bytes };
  }
  const http = normaliseCharsetLabel(charsetFromContentType(contentTypeHeader));
  if (http && !http.startsWith('utf-16')) return { encoding: http, source: 'http', body: bytes };
  if (looksLikeHtml(head)) {
    const meta = normaliseCharsetLabel(sniffHtmlMetaCharset(head));
    if (meta && !meta.startsWith('utf-16')) {
      return { encoding: meta, source: 'html-meta', body: bytes };
    }
  }
  return { encoding: 'utf-8', source: 'default', body: bytes };
}

/**
 * Decodes a fetched document. Never throws: undecodable bytes become windows-1252 text, which
 * keeps every byte as some character.
 */
export function decodeFeedBytes(
  bytes: Uint8Array,
  contentTypeHeader: string | null | undefined,
): DecodedText {
  const chosen = choose(bytes, contentTypeHeader);
  let { encoding, source } = chosen;
  // Node's simdutf check: far cheaper than a fatal TextDecoder pass, and the text is decoded once.
  if (encoding === 'utf-8' && source !== 'bom' && !isUtf8(chosen.body)) {
    encoding = 'windows-1252';
    source = 'fallback';
  } else if (encoding === 'windows-1252' && hasNonAscii(chosen.body) && isUtf8(chosen.body)) {
    // Declared Latin-1 but valid UTF-8 with non-ASCII bytes: real Latin-1 text almost never
    // forms valid UTF-8 sequences ("Ã©" for "é"), while CMSs that copy an old prolog onto UTF-8
    // output are common. Reading it as UTF-8 avoids mojibake (libxml2's and feedparser's
    // authors note the same mislabelling).
    encoding = 'utf-8';
    source = 'fallback';
  }
  const text = decodeWith(chosen.body, encoding);
  return { text: stripIllegalXmlChars(text), encoding, source };
}
