// A fast reader for the markup article bodies are made of (paragraphs, links, emphasis, lists,
// images, comments), emitting exactly the tag and text events htmlparser2's Parser would emit
// for it, so HTML-to-text gives the same text at a fraction of the cost: htmlparser2's Tokenizer
// steps through every character in a state machine, while these sticky regular expressions take
// a whole text run or tag at a time (issue 18: normalising real-length articles cost more than
// the XML parse). Anything outside that subset (script, style, title, textarea and xmp, whose
// content the tokenizer reads raw; svg and math, where self-closing tags count; declarations,
// processing instructions, unterminated or unusual tags, a bare "&" the HTML entity rules might
// read as a reference) makes the scan give up and answer null: the caller then runs the Parser.
// The element stack below copies htmlparser2 10's Parser (lib/esm/Parser.js: openImpliesClose,
// void elements, "</p>" and "</br>" with no open element), as its implied end tags are events.
import { Parser } from 'htmlparser2';
import type { VisibleTextCollector } from './visible-text.js';

const P = new Set(['p']);
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const TABLE_SECTION = new Set(['thead', 'tbody']);
const DD_DT = new Set(['dd', 'dt']);
const RT_RP = new Set(['rt', 'rp']);
/** htmlparser2's openImpliesClose: opening the key closes open elements in the set. */
const OPEN_IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((t): [string, ReadonlySet<string>] => [t, P]),
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map(
    (t): [string, ReadonlySet<string>] => [t, FORM],
  ),
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DD_DT],
  ['dt', DD_DT],
  ...(
    'address article aside blockquote details div dl fieldset figcaption figure footer form ' +
    'header hr main nav ol pre section table ul'
  )
    .split(' ')
    .map((t): [string, ReadonlySet<string>] => [t, P]),
  ['rt', RT_RP],
  ['rp', RT_RP],
  ['tbody', TABLE_SECTION],
  ['tfoot', TABLE_SECTION],
]);
const VOID_ELEMENTS = new Set(
  (
    'area base basefont br col command embed frame hr img input isindex keygen link meta param ' +
    'source track wbr'
  ).split(' '),
);
/** Raw-text elements (the tokenizer's special tags) and foreign ones: left to the Parser. */
const NOT_SIMPLE = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'svg', 'math']);

/**
 * A start tag: name, then attributes separated by whitespace or "/", values quoted or unquoted
 * (an unquoted value is taken whole, as the tokenizer does, and must end at whitespace or ">").
 */
const OPEN_TAG =
  /<([A-Za-z][A-Za-z0-9]*)(?:[\t\n\f\r /]+[A-Za-z_:][\w:.-]*(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"[^"]*"|'[^']*'|(?=([^\t\n\f\r >"'=<`]+))\2(?=[\t\n\f\r >])))?)*[\t\n\f\r /]*>/y;
/** An end tag: everything after its name up to ">" is skipped, as the tokenizer does. */
const CLOSE_TAG = /<\/([A-Za-z][A-Za-z0-9]*)(?=[\t\n\f\r >])[^>]*>/y;
const REFERENCE = /&(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});/y;
/** After "&": a character that can start a reference, which the scan leaves to the Parser. */
const REFERENCE_START = /[A-Za-z0-9#]/;

const referenceCache = new Map<string, string>();
let decoded = '';
/** One Parser, reset for each reference: a document of distinct references builds no parsers. */
const referenceParser = new Parser(
  { ontext: (chunk) => void (decoded += chunk) },
  { decodeEntities: true },
);

/** A character reference as htmlparser2 decodes it in text (it reads up to the ";" alone). */
function decodeReference(reference: string): string {
  const cached = referenceCache.get(reference);
  if (cached !== undefined) return cached;
  decoded = '';
  referenceParser.reset();
  referenceParser.end(reference);
  if (referenceCache.size < 5_000) referenceCache.set(reference, decoded);
  return decoded;
}

interface ElementStack {
  open(name: string): void;
  close(name: string): void;
  end(): void;
}

/** The Parser's element stack, turned into open and close events for `out`. */
function createElementStack(out: VisibleTextCollector): ElementStack {
  const stack: string[] = []; // innermost last
  const closeUpTo = (index: number) => {
    while (stack.length > index) out.close(stack.pop()!);
  };
  return {
    open(name: string): void {
      const implied = OPEN_IMPLIES_CLOSE.get(name);
      if (implied)
        while (stack.length > 0 && implied.has(stack[stack.length - 1]!))
          closeUpTo(stack.length - 1);
      if (!VOID_ELEMENTS.has(name)) stack.push(name);
      out.open(name);
      if (VOID_ELEMENTS.has(name)) out.close(name);
    },
    close(name: string): void {
      if (VOID_ELEMENTS.has(name)) {
        if (name === 'br') {
          out.open('br');
          out.close('br');
        }
        return;
      }
      const at = stack.lastIndexOf(name);
      if (at >= 0) closeUpTo(at);
      else if (name === 'p') {
        out.open('p');
        out.close('p');
      }
    },
    end: () => closeUpTo(0),
  };
}

/** Reads the markup at `at` (a "<"); returns where it ends, or -1 outside the subset. */
function readMarkup(html: string, at: number, elements: ElementStack, out: VisibleTextCollector) {
  const next = html.charCodeAt(at + 1);
  if (next === 0x2f /* / */) {
    CLOSE_TAG.lastIndex = at;
    const match = CLOSE_TAG.exec(html);
    if (match === null) return -1;
    elements.close(match[1]!.toLowerCase());
    return at + match[0].length;
  }
  if (next === 0x21 /* ! */) {
    // "<!-->" and "<!--->" are whole (empty) comments to the tokenizer: left to it.
    const plain = html.startsWith('<!--', at) && !/^-?>/.test(html.slice(at + 4, at + 6));
    const end = plain ? html.indexOf('-->', at + 4) : -1;
    return end < 0 ? -1 : end + 3;
  }
  if ((next | 0x20) >= 0x61 && (next | 0x20) <= 0x7a) {
    OPEN_TAG.lastIndex = at;
    const match = OPEN_TAG.exec(html);
    const name = match?.[1]!.toLowerCase();
    if (match === null || name === undefined || NOT_SIMPLE.has(name)) return -1;
    elements.open(name);
    return at + match[0].length;
  }
  if (Number.isNaN(next) || next === 0x3f /* ? */) return -1;
  out.text('<'); // "<" before a space or digit is text (HTML tag open state)
  return at + 1;
}

/** Reads the "&" at `at`; returns where it ends, or -1 for a reference left to the Parser. */
function readAmpersand(html: string, at: number, out: VisibleTextCollector): number {
  REFERENCE.lastIndex = at;
  const match = REFERENCE.exec(html);
  if (match !== null) {
    out.text(decodeReference(match[0]));
    return at + match[0].length;
  }
  if (REFERENCE_START.test(html.charAt(at + 1))) return -1;
  out.text('&');
  return at + 1;
}

/**
 * Feeds `html`'s events to `out` and returns true, or returns false as soon as the markup leaves
 * the simple subset (events already fed must then be discarded with the collector).
 */
export function scanSimpleHtml(html: string, out: VisibleTextCollector): boolean {
  const elements = createElementStack(out);
  // The next "<" and "&" at or after `at`, found once each rather than once per text run.
  let nextTag = html.indexOf('<');
  let nextAmp = html.indexOf('&');
  let at = 0;
  while (at < html.length) {
    if (nextTag !== -1 && nextTag < at) nextTag = html.indexOf('<', at);
    if (nextAmp !== -1 && nextAmp < at) nextAmp = html.indexOf('&', at);
    const stop = Math.min(
      nextTag === -1 ? html.length : nextTag,
      nextAmp === -1 ? html.length : nextAmp,
    );
    if (stop > at) {
      out.text(html.slice(at, stop));
      at = stop;
    } else {
      at = stop === nextTag ? readMarkup(html, at, elements, out) : readAmpersand(html, at, out);
      if (at < 0) return false;
    }
  }
  elements.end();
  return true;
}
