// Atom type="xhtml" text constructs (RFC 4287 §3.1.1.3) rewritten, before parsing, as type="html"
// constructs holding the same markup in a CDATA section. Why: rss-parser hands back xml2js
// objects, which keep an element's text in one `_` string and its child elements in named
// arrays, so the order of text and markup is lost ("Full briefing on the <b>pay cap</b> and its
// effect" came back as "Full briefing on the and its effect pay cap"). Taking the construct's
// markup from the document text keeps it in document order, for both readers.
// Namespace prefixes on the XHTML elements (<xhtml:p>) are dropped so the HTML-to-text step
// knows its block elements; CDATA sections inside the markup become escaped text.
import { escapeHtml } from './feed-fields.js';

/** Atom text constructs, optionally prefixed (<atom:content>): RFC 4287 §3.1 and §4.2. */
const CONSTRUCT_START =
  /<((?:[A-Za-z_][\w.-]*:)?(?:content|summary|title|subtitle|rights))(\s[^>]*)?>/g;
const XHTML_TYPE = /\btype\s*=\s*(["'])xhtml\1/i;
/** "<p" or "</xhtml:p": the prefix of an element name, kept apart by the colon. */
const ELEMENT_PREFIX = /<(\/?)[A-Za-z_][\w.-]*:(?=[A-Za-z_])/g;

/** The markup with its CDATA sections turned into escaped text (a CDATA cannot nest). */
function escapeInnerCdata(markup: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const start = markup.indexOf('<![CDATA[', at);
    if (start < 0) return out + markup.slice(at);
    const end = markup.indexOf(']]>', start + 9);
    if (end < 0) return out + markup.slice(at);
    out += markup.slice(at, start) + escapeHtml(markup.slice(start + 9, end));
    at = end + 3;
  }
}

/** `markup` as one CDATA section ("]]>" inside is split across two sections). */
function asCdata(markup: string): string {
  return `<![CDATA[${markup.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** The document with every Atom xhtml text construct rewritten as an html one. */
export function inlineXhtmlConstructs(text: string): string {
  if (!/type\s*=\s*["']xhtml/i.test(text)) return text;
  let out = '';
  let at = 0;
  CONSTRUCT_START.lastIndex = 0;
  for (let match = CONSTRUCT_START.exec(text); match; match = CONSTRUCT_START.exec(text)) {
    const [whole, name, attributes = ''] = match;
    if (match.index < at || !XHTML_TYPE.test(attributes) || attributes.endsWith('/')) continue;
    const bodyStart = match.index + whole.length;
    const close = text.indexOf(`</${name!}`, bodyStart);
    if (close < 0) break;
    const markup = escapeInnerCdata(text.slice(bodyStart, close)).replace(ELEMENT_PREFIX, '<$1');
    const htmlAttributes = attributes.replace(XHTML_TYPE, 'type="html"');
    out += `${text.slice(at, match.index)}<${name!}${htmlAttributes}>${asCdata(markup)}`;
    at = close;
    CONSTRUCT_START.lastIndex = close;
  }
  return out + text.slice(at);
}
