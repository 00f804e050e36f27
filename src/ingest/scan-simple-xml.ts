// A fast reader for the XML ordinary feeds are made of, building exactly the object tree that
// rss-parser's XML layer (xml2js 0.5 over sax 1.6 in strict mode, xml2js's default options)
// builds for them, so rss-parser reads the same feed at a fraction of the cost: sax steps
// through every character in a state machine and appends CDATA one character at a time, while
// these sticky regular expressions and indexOf take a whole tag, text run or CDATA section at a
// time (issue 18: the XML layer alone cost 0.7 of the bare rss-parser parse). Anything outside
// that subset, or anything sax would reject before the root element closes (a DOCTYPE, a
// processing instruction inside the root, an unknown or invalid reference, a mismatched or
// unclosed tag, an unquoted or valueless attribute, a malformed comment, non-ASCII names, text
// before the root), makes the reader answer null and the caller runs xml2js itself.
// The tree, as xml2js builds it (lib/parser.js onopentag/onclosetag/ontext): prototype-less
// objects; `_` the element's own text (text and CDATA pieces joined, child text excluded),
// dropped when it is only whitespace (JavaScript \s) and no non-empty CDATA section was seen;
// `$` the attributes in document order, the first of a repeated name kept (sax's attrib());
// each child element name an array of values in document order; an element with neither
// attributes nor children is its text as a string; the root is wrapped as { [name]: value }.
// Once the root element closes xml2js hands the tree to rss-parser at once, so whatever follows
// the root cannot change the result and is not read.
import { isXmlChar } from './xml-char.js';

type XmlObject = Record<string, unknown>;

interface Frame {
  name: string;
  obj: XmlObject;
  text: string;
  cdata: boolean;
}

const NAME = '[A-Za-z_][\\w.:-]*';
/** A start tag: attribute values quoted, white space as sax's isWhitespace (four characters). */
const OPEN_TAG = new RegExp(
  `<(${NAME})((?:[ \\t\\n\\r]+${NAME}[ \\t\\n\\r]*=[ \\t\\n\\r]*(?:"[^"<]*"|'[^'<]*'))*)[ \\t\\n\\r]*(/?)>`,
  'y',
);
const CLOSE_TAG = new RegExp(`</(${NAME})[ \\t\\n\\r]*>`, 'y');
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]{1,10})|#x([0-9A-Fa-f]{1,8}));/y;
const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** xml2js's test for text it drops (lib/parser.js onclosetag). */
const BLANK = /^\s*$/;
/** sax fails "Max buffer length exceeded" on longer names, values and comments (64 KB). */
const MAX_BUFFER = 30_000;
/** Element names that would collide with xml2js's own keys in the parent object. */
const RESERVED_CHILD = new Set(['_', '$', 'cdata', '__proto__']);

/** A numeric reference as sax's parseEntity reads it, or null where sax fails. */
function decodeNumeric(digits: string, radix: 10 | 16): string | null {
  const code = parseInt(digits, radix);
  const canonical = code.toString(radix);
  if (canonical !== digits.toLowerCase().replace(/^0+/, '') || !isXmlChar(code)) return null;
  return String.fromCodePoint(code);
}

/** Text with its references decoded, or null for a reference outside the subset. */
function decodeText(raw: string): string | null {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let at = 0;
  while (amp >= 0) {
    REFERENCE.lastIndex = amp;
    const m = REFERENCE.exec(raw);
    if (m === null) return null;
    const decoded =
      m[1] !== undefined
        ? XML_ENTITIES[m[1]]!
        : decodeNumeric(m[2] ?? m[3]!, m[2] !== undefined ? 10 : 16);
    if (decoded === null) return null;
    out += raw.slice(at, amp) + decoded;
    at = amp + m[0].length;
    amp = raw.indexOf('&', at);
  }
  return out + raw.slice(at);
}

const isWhite = (ch: string): boolean => ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r';

/**
 * The attributes of a start tag (the part after its name, which OPEN_TAG has checked: white
 * space, name, "=", quoted value, again) as xml2js keeps them; null for none, false to give up.
 */
function readAttributes(source: string): XmlObject | null | false {
  if (source === '') return null;
  const attrs = Object.create(null) as XmlObject;
  let at = 0;
  while (at < source.length) {
    while (isWhite(source.charAt(at))) at++;
    const equals = source.indexOf('=', at);
    let nameEnd = equals;
    while (isWhite(source.charAt(nameEnd - 1))) nameEnd--;
    const name = source.slice(at, nameEnd);
    at = equals + 1;
    while (isWhite(source.charAt(at))) at++;
    const close = source.indexOf(source.charAt(at), at + 1);
    const value = decodeText(source.slice(at + 1, close));
    at = close + 1;
    if (name in Object.prototype || value === null || value.length > MAX_BUFFER) return false;
    if (!(name in attrs)) attrs[name] = value;
  }
  return attrs;
}

/** Where a comment starting at `at` ends, or -1 where sax would fail or the subset stops. */
function skipComment(text: string, at: number): number {
  const end = text.indexOf('-->', at + 4);
  if (end < 0 || end - at > MAX_BUFFER) return -1;
  const body = text.slice(at + 4, end);
  return body.includes('--') || body.endsWith('-') ? -1 : end + 3;
}

/** Where the root element starts after the XML declaration, comments and white space, or -1. */
function skipPrologue(text: string): number {
  let at = 0;
  for (;;) {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
    if (text.startsWith('<?', at)) {
      const end = text.indexOf('?>', at + 2);
      if (end < 0 || end - at > MAX_BUFFER) return -1;
      at = end + 2;
    } else if (text.startsWith('<!--', at)) {
      at = skipComment(text, at);
      if (at < 0) return -1;
    } else {
      return text[at] === '<' ? at : -1;
    }
  }
}

/** xml2js's value for a closed element (lib/parser.js onclosetag with default options). */
function valueOf(frame: Frame): unknown {
  const { obj } = frame;
  if (BLANK.test(frame.text) && !frame.cdata) {
    delete obj._;
    return Object.keys(obj).length === 0 ? frame.text : obj;
  }
  obj._ = frame.text;
  return Object.keys(obj).length === 1 ? frame.text : obj;
}

/** xml2js's explicitRoot wrapping. */
function rootOf(name: string, value: unknown): XmlObject {
  const root = Object.create(null) as XmlObject;
  root[name] = value;
  return root;
}

/** xml2js's assignOrPush with explicitArray. */
function addChild(parent: Frame, name: string, value: unknown): void {
  const list = parent.obj[name] as unknown[] | undefined;
  if (list === undefined) parent.obj[name] = [value];
  else list.push(value);
}

/** Reads the start tag at `at`; returns its frame and where it ends, or null. */
function readOpenTag(
  text: string,
  at: number,
): { frame: Frame; end: number; empty: boolean } | null {
  OPEN_TAG.lastIndex = at;
  const m = OPEN_TAG.exec(text);
  if (m === null || m[1]!.length > MAX_BUFFER) return null;
  const attrs = readAttributes(m[2]!);
  if (attrs === false) return null;
  const obj = Object.create(null) as XmlObject;
  obj._ = '';
  if (attrs !== null) obj.$ = attrs;
  return {
    frame: { name: m[1]!, obj, text: '', cdata: false },
    end: at + m[0].length,
    empty: m[3] === '/',
  };
}

/**
 * The tree xml2js would give rss-parser for `text`, or null when the document leaves the subset
 * (the caller then parses it with xml2js, which reads or rejects it as before).
 */
export function readSimpleXml(text: string): XmlObject | null {
  let at = skipPrologue(text);
  if (at < 0) return null;
  const stack: Frame[] = [];
  for (;;) {
    const top = stack[stack.length - 1];
    const lt = text.indexOf('<', at);
    if (lt < 0) return null; // the root never closes
    if (lt > at) {
      if (top === undefined) return null;
      const piece = decodeText(text.slice(at, lt));
      if (piece === null) return null;
      top.text += piece;
    }
    const next = text.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) {
      CLOSE_TAG.lastIndex = lt;
      const m = CLOSE_TAG.exec(text);
      if (m === null || top === undefined || m[1] !== top.name) return null;
      stack.pop();
      const value = valueOf(top);
      const parent = stack[stack.length - 1];
      if (parent === undefined) return rootOf(top.name, value);
      addChild(parent, top.name, value);
      at = lt + m[0].length;
    } else if (next === 0x21 /* ! */) {
      if (top === undefined) return null;
      if (text.startsWith('<![CDATA[', lt)) {
        const end = text.indexOf(']]>', lt + 9);
        if (end < 0) return null;
        if (end > lt + 9) {
          top.text += text.slice(lt + 9, end);
          top.cdata = true;
        }
        at = end + 3;
      } else if (text.startsWith('<!--', lt)) {
        at = skipComment(text, lt);
        if (at < 0) return null;
      } else return null; // a DOCTYPE or another declaration
    } else {
      const open = readOpenTag(text, lt);
      if (open === null) return null;
      if (top !== undefined && RESERVED_CHILD.has(open.frame.name)) return null;
      at = open.end;
      if (!open.empty) stack.push(open.frame);
      else if (top === undefined) return rootOf(open.frame.name, valueOf(open.frame));
      else addChild(top, open.frame.name, valueOf(open.frame));
    }
  }
}
