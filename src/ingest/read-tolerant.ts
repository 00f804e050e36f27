// Fallback reader for documents strict XML parsing rejects (truncated files, stray markup,
// undeclared namespace prefixes, an invalid date that makes rss-parser throw): cheerio in XML
// mode builds a forgiving tree and we walk it by local element names, so prefixed forms
// (<atom:entry>, <rss:item>, <dc:date>) work as well as plain ones. Applies the same field rules
// as the primary reader (feed-fields.ts). Returns null when the root is not a feed.
// Unclosed leaf elements (<title>A<link>...</link>, or a misspelt </titel>) swallow the fields
// after them; hoistSwallowedFields moves those back beside their element, as a recovering
// parser's element-closing rules would (libxml2 "recover", HTML's implied end tags).
import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import {
  applyXmlBase,
  chooseAlternateLink,
  looksLikeHttpUrl,
  nameFromEmailAuthor,
  textConstruct,
  type LinkCandidate,
} from './feed-fields.js';
import type { FeedFormat, ParsedFeed, RawItem } from './parsed-feed.js';

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function localName(el: Element): string {
  const name = el.name.toLowerCase();
  const colon = name.lastIndexOf(':');
  return colon >= 0 ? name.slice(colon + 1) : name;
}

function children(el: Element): Element[] {
  return el.children.filter(isElement);
}

/**
 * Children matching `wanted`, in preference order: "title" means the plain element, "dc:title"
 * that exact prefix, "*:title" any prefix.
 */
function pick(el: Element, wanted: string[]): Element[] {
  const kids = children(el);
  const out: Element[] = [];
  for (const want of wanted) {
    for (const kid of kids) {
      const name = kid.name.toLowerCase();
      const matches = want.startsWith('*:')
        ? name.includes(':') && localName(kid) === want.slice(2)
        : name === want;
      if (matches && !out.includes(kid)) out.push(kid);
    }
  }
  return out;
}

function attr(el: Element | undefined, name: string): string | null {
  if (!el) return null;
  return el.attribs[name] ?? el.attribs[name.toLowerCase()] ?? null;
}

class TolerantReader {
  constructor(private readonly $: CheerioAPI) {}

  text(el: Element | undefined): string {
    return el ? this.$(el).text() : '';
  }

  firstText(el: Element, wanted: string[]): string {
    for (const match of pick(el, wanted)) {
      const text = this.text(match).trim();
      if (text !== '') return text;
    }
    return '';
  }

  construct(el: Element | undefined): string {
    if (!el) return '';
    const type = attr(el, 'type');
    if (type?.toLowerCase() === 'xhtml') {
      const div = children(el).find((c) => localName(c) === 'div');
      return (div ? this.$(div).html() : this.$(el).html()) ?? '';
    }
    return textConstruct(this.text(el), type, attr(el, 'mode'));
  }

  links(el: Element, base: string | null): LinkCandidate[] {
    return pick(el, ['link', '*:link']).flatMap((link) => {
      const href = attr(link, 'href') ?? this.text(link);
      if (href.trim() === '') return [];
      return [
        {
          href,
          rel: attr(link, 'rel'),
          type: attr(link, 'type'),
          base: applyXmlBase(attr(link, 'xml:base'), base),
        },
      ];
    });
  }

  categories(el: Element): string[] {
    return pick(el, ['category', '*:category', 'dc:subject', '*:subject'])
      .map((c) => (attr(c, 'label') ?? attr(c, 'term') ?? this.text(c)).trim())
      .filter((c) => c !== '');
  }

  author(el: Element): string | null {
    const creator = this.firstText(el, ['dc:creator', '*:creator']);
    if (creator) return creator;
    const author = pick(el, ['author', '*:author'])[0];
    if (!author) return null;
    const name = this.firstText(author, ['name', '*:name']);
    const text = name || this.text(author).trim();
    return nameFromEmailAuthor(text) ?? (text || null);
  }

  entry(el: Element, format: FeedFormat, feedBase: string | null): RawItem {
    const base = applyXmlBase(attr(el, 'xml:base'), feedBase);
    const date = (names: string[]): string | null => this.firstText(el, names) || null;
    if (format === 'atom') {
      return {
        guid: this.firstText(el, ['id', '*:id']) || null,
        link: chooseAlternateLink(this.links(el, base)),
        title: this.construct(pick(el, ['title', '*:title'])[0]),
        summaryHtml: this.construct(pick(el, ['summary', '*:summary'])[0]),
        contentHtml: this.construct(pick(el, ['content', '*:content'])[0]),
        author: this.author(el),
        categories: this.categories(el),
        published: date([
          'published',
          '*:published',
          'issued',
          '*:issued',
          'updated',
          '*:updated',
          'modified',
          '*:modified',
        ]),
      };
    }
    const guidEl = pick(el, ['guid', '*:guid'])[0];
    const guid = this.text(guidEl).trim();
    const about = attr(el, 'rdf:about') ?? '';
    const permalink =
      attr(guidEl, 'isPermaLink')?.toLowerCase() !== 'false' && looksLikeHttpUrl(guid);
    // rdf:about is not used as a link: RSS 1.0 items carry <link>, and gofeed agrees.
    const fallback = permalink ? guid : null;
    return {
      guid: guid || about || null,
      link:
        chooseAlternateLink(this.links(el, base)) ??
        (fallback ? chooseAlternateLink([{ href: fallback, rel: null, type: null, base }]) : null),
      title: this.firstText(el, ['title', 'dc:title', '*:title']),
      summaryHtml: this.firstText(el, ['description', '*:description', 'summary', '*:summary']),
      contentHtml: this.firstText(el, ['content:encoded', '*:encoded', 'content']),
      author: this.author(el),
      categories: this.categories(el),
      published: date([
        'pubdate',
        '*:pubdate',
        'dc:date',
        '*:date',
        'published',
        '*:published',
        'updated',
        '*:updated',
      ]),
    };
  }
}

/** The document's root element and the feed format it announces, or null for non-feeds. */
function findRoot($: CheerioAPI): { root: Element; format: FeedFormat } | null {
  const root = $.root().children().toArray().find(isElement);
  if (!root) return null;
  const name = localName(root);
  if (name === 'feed') return { root, format: 'atom' };
  if (name === 'rdf') return { root, format: 'rdf' };
  if (name === 'rss' || name === 'channel') return { root, format: 'rss' };
  return null;
}

/** Feed fields that hold only text: an element child of theirs is a field left unclosed. */
const LEAF_FIELDS = new Set([
  'title',
  'link',
  'description',
  'guid',
  'pubdate',
  'category',
  'comments',
  'id',
  'updated',
  'published',
  'date',
  'creator',
  'encoded',
]);
/** Elements that are never inside a leaf field's text: found there, the field was not closed. */
const FIELD_NAMES = new Set([
  ...LEAF_FIELDS,
  'item',
  'entry',
  'author',
  'enclosure',
  'summary',
  'content',
  'source',
]);

/** Moves fields swallowed by an unclosed leaf element (and what follows them) to after it. */
function hoistSwallowedFields($: CheerioAPI): void {
  for (const el of $('*').toArray()) {
    if (!isElement(el) || !LEAF_FIELDS.has(localName(el))) continue;
    const first = children(el).find((kid) => FIELD_NAMES.has(localName(kid)));
    if (!first) continue;
    const moved = el.children.slice(el.children.indexOf(first));
    $(el).after(moved);
  }
}

export function readTolerant(text: string, documentUrl: string | null): ParsedFeed | null {
  const $ = load(text, { xml: { xmlMode: true, decodeEntities: true } });
  hoistSwallowedFields($);
  const found = findRoot($);
  if (!found) return null;
  const { root, format } = found;
  const reader = new TolerantReader($);
  const rootBase = applyXmlBase(attr(root, 'xml:base'), documentUrl);
  if (format === 'atom') {
    return {
      title: reader.construct(pick(root, ['title', '*:title'])[0]),
      link: chooseAlternateLink(reader.links(root, rootBase)),
      format,
      parser: 'tolerant',
      items: pick(root, ['entry', '*:entry']).map((e) => reader.entry(e, format, rootBase)),
    };
  }
  const channel =
    localName(root) === 'channel' ? root : (pick(root, ['channel', '*:channel'])[0] ?? root);
  const channelBase = applyXmlBase(attr(channel, 'xml:base'), rootBase);
  // RSS 2.0 puts items inside <channel>; RSS 1.0 (RDF) beside it; broken feeds do either.
  const items = [
    ...pick(channel, ['item', '*:item']),
    ...(channel === root ? [] : pick(root, ['item', '*:item'])),
  ];
  return {
    title: reader.firstText(channel, ['title', '*:title']),
    link: chooseAlternateLink(reader.links(channel, channelBase)),
    format,
    parser: 'tolerant',
    items: items.map((item) => reader.entry(item, format, channelBase)),
  };
}
