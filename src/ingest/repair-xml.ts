// Repairs the commonest ways real feeds break strict XML parsers (rss-parser -> xml2js -> sax in
// strict mode), before parsing:
// - HTML named entities (&nbsp; &pound; &mdash; ...) are not defined in XML: each becomes its
//   numeric character reference; unknown names become literal text (&amp;name;);
// - a bare & (not starting an entity or character reference) becomes &amp;;
// - character references to characters XML forbids (&#0; &#x1B;) are dropped;
// - anything before the first "<" (stray whitespace, junk, a BOM) is removed;
// - entities declared in the document's own internal DTD subset (<!ENTITY nhs "...">) are
//   expanded once, as text, within a size budget (no recursion: no "billion laughs");
// - a title holding raw inline HTML (<title>New <b>policy</b></title>, where RSS wants it escaped)
//   is wrapped in CDATA, so its words keep their order instead of xml2js splitting text and
//   child elements apart.
// CDATA sections and comments are left untouched: their contents are literal.
import { load } from 'cheerio';
import { isXmlChar } from './xml-char.js';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const entityCache = new Map<string, string | null>();

/** The numeric reference(s) for an HTML named entity, or null when HTML does not know it. */
function numericReferenceFor(name: string): string | null {
  const cached = entityCache.get(name);
  if (cached !== undefined) return cached;
  // cheerio's HTML parser knows the full WHATWG entity table; ask it once per name.
  const decoded = load(`&${name};`, null, false).root().text();
  const result =
    decoded === `&${name};` || decoded === ''
      ? null
      : [...decoded].map((ch) => `&#${ch.codePointAt(0)!};`).join('');
  if (entityCache.size < 5_000) entityCache.set(name, result);
  return result;
}

const REFERENCE = /&(?:#(\d{1,8});|#[xX]([0-9a-fA-F]{1,8});|([A-Za-z][A-Za-z0-9._-]{0,63});)?/g;

/**
 * An `&` that is not one of XML's own five entities: only then can a reference need repair.
 * Most feeds have nothing else (or only numeric references), so one scan usually settles it.
 */
const NEEDS_REPAIR = /&(?!(?:amp|lt|gt|quot|apos);)/;

type Declared = Map<string, string>;

const INTERNAL_SUBSET = /<!DOCTYPE[^[>]*\[([\s\S]*?)\]\s*>/i;
const ENTITY_DECL = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(["'])([^"']{0,1000})\2\s*>/g;
/** Characters all expansions together may add: a small document cannot grow into a big one. */
const EXPANSION_BUDGET = 1_000_000;

/** General entities of the internal subset (not parameter or external ones), as safe text. */
function declaredEntities(body: string): Declared {
  const declared: Declared = new Map();
  const subset = INTERNAL_SUBSET.exec(body.slice(0, 65_536))?.[1];
  if (!subset) return declared;
  for (const m of subset.matchAll(ENTITY_DECL)) {
    if (declared.size >= 100) break;
    const value = m[3]!.replace(/&(?!#?\w+;)/g, '&amp;').replace(/</g, '&lt;');
    declared.set(m[1]!, value);
  }
  return declared;
}

function repairReferences(text: string, declared: Declared, budget: { left: number }): string {
  if (!NEEDS_REPAIR.test(text)) return text;
  return text.replace(REFERENCE, (whole, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined || hex !== undefined) {
      const code = decimal !== undefined ? Number(decimal) : parseInt(hex!, 16);
      return isXmlChar(code) ? whole : '';
    }
    if (name !== undefined) {
      if (XML_ENTITIES.has(name)) return whole;
      const value = declared.get(name);
      if (value !== undefined && budget.left >= value.length) {
        budget.left -= value.length;
        return value;
      }
      return numericReferenceFor(name) ?? `&amp;${name};`;
    }
    return '&amp;'; // a bare ampersand
  });
}

const LITERAL_SECTIONS = /<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)/g;

/** A title element and its content, which holds no other title tag (so it never spans two). */
const TITLE =
  /<((?:[\w.-]+:)?title)(\s[^>]*)?>([^<]*(?:<(?!\/?(?:[\w.-]+:)?title\b)[^<]*)*)<\/\1\s*>/gi;
const TAG = /<[^>]*>?/g;
const INLINE_TAG =
  /^<\/?(?:a|abbr|b|br|cite|code|em|font|i|mark|q|s|small|span|strong|sub|sup|u)\b[^<>]*>$/i;

/**
 * Cheap check before the title pass, as cheap as the NEEDS_REPAIR scan: some <title> or
 * <prefix:title> whose text runs into a start tag (not CDATA, not its end). A prefixed end tag
 * followed by a start tag also passes; the title pass then finds nothing to wrap.
 */
const TITLE_WITH_START_TAG = /[<:]title\b[^>]*>[^<]*<[A-Za-z]/;

/** Titles whose content is text plus inline HTML tags only, wrapped in CDATA. */
function wrapHtmlTitles(body: string): string {
  if (!TITLE_WITH_START_TAG.test(body)) return body;
  return body.replace(TITLE, (whole, name: string, attrs: string | undefined, inner: string) => {
    if (!inner.includes('<') || inner.includes('<![CDATA[') || inner.includes(']]>')) return whole;
    if (!(inner.match(TAG) ?? []).every((tag) => INLINE_TAG.test(tag))) return whole;
    return `<${name}${attrs ?? ''}><![CDATA[${inner}]]></${name}>`;
  });
}

export function repairXmlText(text: string): string {
  const start = text.indexOf('<');
  const body = wrapHtmlTitles(start > 0 ? text.slice(start) : start < 0 ? '' : text);
  if (!NEEDS_REPAIR.test(body)) return body;
  const declared = declaredEntities(body);
  const budget = { left: EXPANSION_BUDGET };
  let out = '';
  let last = 0;
  for (const match of body.matchAll(LITERAL_SECTIONS)) {
    out += repairReferences(body.slice(last, match.index), declared, budget) + match[0];
    last = match.index + match[0].length;
  }
  return out + repairReferences(body.slice(last), declared, budget);
}
