// Primary reader: rss-parser's parseString (RSS 0.9x/1.0/2.0, Atom), then its known gaps closed
// from the raw xml2js nodes it can hand back through customFields: Atom categories, xml:base
// and relative links, Atom link rel=alternate choice, text constructs (type="text", base64),
// values that come back as objects instead of strings. Throws when rss-parser rejects the
// document; parse-feed.ts then tries the tolerant reader.
import {
  applyXmlBase,
  chooseAlternateLink,
  escapeHtml,
  looksLikeHttpUrl,
  nameFromEmailAuthor,
  textConstruct,
  type LinkCandidate,
} from './feed-fields.js';
import { LeanRssParser } from './lean-rss-parser.js';
import type { FeedFormat, ParsedFeed, RawItem } from './parsed-feed.js';

type XAttrs = Record<string, string>;
type XNode = string | { _?: string; $?: XAttrs; [child: string]: unknown };
type XList = XNode[] | undefined;
type Raw = Record<string, unknown>;

const keep = (from: string, to: string): [string, string, { keepArray: true }] => [
  from,
  to,
  { keepArray: true },
];

export const PARSER_OPTIONS = {
  defaultRSS: 2,
  xml2js: { strict: true },
  customFields: {
    feed: [keep('$', 'x_attrs'), keep('link', 'x_link'), keep('title', 'x_title')] as never,
    item: [
      keep('$', 'x_attrs'),
      keep('title', 'x_title'),
      keep('dc:title', 'x_dcTitle'),
      keep('link', 'x_link'),
      keep('atom:link', 'x_atomLink'),
      keep('guid', 'x_guid'),
      keep('id', 'x_id'),
      keep('description', 'x_description'),
      keep('summary', 'x_summary'),
      keep('content', 'x_content'),
      keep('content:encoded', 'x_encoded'),
      keep('author', 'x_author'),
      keep('dc:creator', 'x_creator'),
      keep('category', 'x_category'),
      keep('dc:subject', 'x_subject'),
      keep('pubDate', 'x_pubDate'),
      keep('dc:date', 'x_dcDate'),
      keep('published', 'x_published'),
      keep('issued', 'x_issued'),
      keep('updated', 'x_updated'),
      keep('modified', 'x_modified'),
    ] as never,
  },
};

/**
 * A fresh parser per document: rss-parser keeps one xml2js parser per instance, and after an
 * ill-formed document xml2js leaves its sax parser flagged as having thrown, so the next
 * ill-formed document parsed by the same instance "succeeds" with whatever it built (which
 * reader ran, and so the stored text, depended on what was parsed before).
 */
function newParser(): LeanRssParser {
  return new LeanRssParser(PARSER_OPTIONS);
}

function attrs(node: XNode | undefined): XAttrs {
  return node && typeof node === 'object' && node.$ ? node.$ : {};
}

/** Serialises element children back to markup (xhtml content); text comes first (xml2js). */
function serialise(node: XNode): string {
  if (typeof node === 'string') return node;
  let out = typeof node._ === 'string' ? escapeHtml(node._) : '';
  for (const [name, value] of Object.entries(node)) {
    if (name === '_' || name === '$') continue;
    for (const child of (Array.isArray(value) ? value : [value]) as XNode[]) {
      const attributes = Object.entries(attrs(child))
        .filter(([key]) => !key.startsWith('xmlns'))
        .map(([key, v]) => ` ${key}="${String(v).replace(/"/g, '&quot;')}"`)
        .join('');
      out += `<${name}${attributes}>${serialise(child)}</${name}>`;
    }
  }
  return out;
}

/** The text of a node: strings as they are, {_} objects by their text, elements serialised. */
export function textOf(node: XNode | undefined): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return node;
  if (typeof node !== 'object') return String(node);
  const hasChildren = Object.keys(node).some((k) => k !== '_' && k !== '$');
  if (!hasChildren) return typeof node._ === 'string' ? node._ : '';
  return serialise(node);
}

function firstText(...lists: XList[]): string {
  for (const list of lists) {
    for (const node of list ?? []) {
      const text = textOf(node).trim();
      if (text !== '') return text;
    }
  }
  return '';
}

/** Text of a construct that may carry type/mode attributes (Atom title, summary, content). */
function constructText(list: XList): string {
  const node = list?.[0];
  if (node === undefined) return '';
  const a = attrs(node);
  if (a.type?.toLowerCase() === 'xhtml' && typeof node === 'object') {
    // The payload is the (single) xhtml div: serialise what is inside it.
    const div = (node as Raw).div as XNode[] | undefined;
    return div?.[0] !== undefined ? serialise(div[0]) : textOf(node);
  }
  return textConstruct(textOf(node), a.type ?? null, a.mode ?? null);
}

function rssAuthor(list: XList): string | null {
  const text = firstText(list);
  if (text === '') return null;
  // RSS 2.0 <author> is "email (Name)": keep the name when there is one.
  return nameFromEmailAuthor(text) ?? text;
}

function atomAuthor(list: XList): string | null {
  const author = list?.[0];
  if (author === undefined) return null;
  if (typeof author === 'string') return author.trim() || null;
  const name = firstText((author as Raw).name as XList);
  return name === '' ? textOf(author).trim() || null : name;
}

function linkCandidates(list: XList, base: string | null): LinkCandidate[] {
  return (list ?? []).flatMap((node) => {
    const a = attrs(node);
    const href = a.href ?? textOf(node);
    if (href.trim() === '') return [];
    return [
      { href, rel: a.rel ?? null, type: a.type ?? null, base: applyXmlBase(a['xml:base'], base) },
    ];
  });
}

function categories(item: Raw): string[] {
  const out: string[] = [];
  for (const node of [
    ...((item.x_category as XList) ?? []),
    ...((item.x_subject as XList) ?? []),
  ]) {
    const a = attrs(node);
    const text = (a.label ?? a.term ?? textOf(node)).trim();
    if (text !== '') out.push(text);
  }
  return out;
}

function mapItem(item: Raw, format: FeedFormat, feedBase: string | null): RawItem {
  const base = applyXmlBase((item.x_attrs as XAttrs | undefined)?.['xml:base'], feedBase);
  if (format === 'atom') {
    return {
      guid: firstText(item.x_id as XList) || null,
      link: chooseAlternateLink(linkCandidates(item.x_link as XList, base)),
      title: constructText(item.x_title as XList),
      summaryHtml: constructText(item.x_summary as XList),
      contentHtml: constructText(item.x_content as XList),
      author: atomAuthor(item.x_author as XList),
      categories: categories(item),
      published:
        firstText(
          item.x_published as XList,
          item.x_issued as XList,
          item.x_updated as XList,
          item.x_modified as XList,
        ) || null,
    };
  }
  const guidNode = (item.x_guid as XList)?.[0];
  const guid = textOf(guidNode).trim();
  const permalink =
    attrs(guidNode).isPermaLink?.toLowerCase() !== 'false' && looksLikeHttpUrl(guid);
  const about = typeof item['rdf:about'] === 'string' ? item['rdf:about'] : '';
  const link =
    chooseAlternateLink([
      ...linkCandidates(item.x_link as XList, base),
      ...linkCandidates(item.x_atomLink as XList, base),
    ]) ?? chooseAlternateLink(permalink ? [{ href: guid, rel: null, type: null, base }] : []);
  return {
    guid: guid || about || null,
    link,
    title: firstText(item.x_title as XList, item.x_dcTitle as XList),
    summaryHtml: firstText(item.x_description as XList, item.x_summary as XList),
    contentHtml: firstText(item.x_encoded as XList, item.x_content as XList),
    author: textOf((item.x_creator as XList)?.[0]).trim() || rssAuthor(item.x_author as XList),
    categories: categories(item),
    published:
      firstText(
        item.x_pubDate as XList,
        item.x_dcDate as XList,
        item.x_published as XList,
        item.x_updated as XList,
      ) || null,
  };
}

/** Parses with rss-parser; throws (with rss-parser's message) when it rejects the document. */
export async function readWithRssParser(
  text: string,
  documentUrl: string | null,
  format: FeedFormat,
): Promise<ParsedFeed> {
  const output = (await newParser().parseString(text)) as unknown as Raw & { items?: Raw[] };
  const feedAttrs = (output.x_attrs as XAttrs | undefined) ?? {};
  const feedBase = applyXmlBase(feedAttrs['xml:base'], documentUrl);
  const feedLinks = linkCandidates(output.x_link as XList, feedBase);
  return {
    title:
      format === 'atom'
        ? constructText(output.x_title as XList)
        : firstText(output.x_title as XList),
    link: chooseAlternateLink(feedLinks),
    format,
    parser: 'rss-parser',
    items: (output.items ?? []).map((item) => mapItem(item, format, feedBase)),
  };
}
