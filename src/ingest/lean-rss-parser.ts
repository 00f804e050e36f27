// rss-parser with its per-item building cut down to what read-with-rss-parser.ts reads: the raw
// xml2js nodes it asks for as custom fields (and rdf:about). rss-parser 3.13 also builds, for
// every item, fields we never read, among them `contentSnippet`, which runs two regular
// expressions and an HTML entity decoder over each article body (lib/parser.js parseItemRss and
// parseItemAtom, lib/utils.js getSnippet): with real-length articles that cost about a quarter
// of the bare parse (issue 18). The XML parse (xml2js), the choice of feed format and the errors
// rss-parser throws are unchanged: every expression of its own item code that can throw is
// still evaluated the same way (an Atom link without attributes, an invalid Atom date), and any
// item whose shape is not the plain one below goes through rss-parser's own code.
// Its XML layer too: a document in the simple subset is read by scan-simple-xml.ts into the very
// tree xml2js would build, and anything else by xml2js as before.
import Parser from 'rss-parser';
import { readSimpleXml } from './scan-simple-xml.js';

type Raw = Record<string, unknown>;
type FieldSpec = [string, string, { keepArray: true }];

/** rss-parser's item builders, which its typings do not declare (lib/parser.js). */
/** rss-parser's XML parser (an xml2js Parser), which its typings do not declare. */
type XmlCallback = (error: unknown, result: unknown) => void;
interface XmlParser {
  parseString(xml: string, callback: XmlCallback): unknown;
}

interface ItemBuilders {
  parseItemRss(xmlItem: unknown, itemFields: unknown): Raw;
  parseItemAtom(entry: unknown): Raw;
}

const original = Parser.prototype as unknown as ItemBuilders;

/** A node whose text rss-parser's getContent reads without building XML: a string or {_: string}. */
function isPlainText(list: unknown): boolean {
  if (list === undefined) return true;
  const node = (list as unknown[])[0];
  return typeof node === 'string' || typeof (node as Raw | null)?._ === 'string';
}

/** The custom fields, as rss-parser's copyFromXML copies keepArray fields. */
function copyFields(node: Raw, fields: readonly FieldSpec[]): Raw {
  const item: Raw = {};
  for (const [from, to] of fields) if (node[from] !== undefined) item[to] = node[from];
  return item;
}

/** rss-parser's getLink(links, 'alternate', 0), for its errors only (a link with no attributes). */
function checkLinks(links: unknown): void {
  if (!Array.isArray(links) || links.length === 0) return;
  for (const link of links as { $: { rel?: string } }[]) if (link.$.rel === 'alternate') return;
  void (links[0] as { $: { href?: string } }).$.href;
}

/** rss-parser's Atom date reads, for the RangeError an invalid date throws. */
function checkAtomDates(entry: Raw): void {
  const published = entry.published as string[] | undefined;
  let found = false;
  if (published && published.length && published[0]!.length) {
    found = new Date(published[0]!).toISOString() !== '';
  }
  const updated = entry.updated as string[] | undefined;
  if (!found && updated && updated.length && updated[0]!.length) {
    void new Date(updated[0]!).toISOString();
  }
}

export class LeanRssParser extends Parser {
  private readonly itemFields: readonly FieldSpec[];

  constructor(options: Parser.ParserOptions<Raw, Raw>) {
    super(options);
    this.itemFields = (options.customFields?.item ?? []) as unknown as FieldSpec[];
    const self = this as unknown as { xmlParser: XmlParser };
    const xml2js = self.xmlParser;
    // xml2js calls back synchronously, from inside parseString, and so does this.
    self.xmlParser = {
      parseString(xml, callback) {
        const tree = readSimpleXml(xml);
        return tree === null ? xml2js.parseString(xml, callback) : callback(null, tree);
      },
    };
  }

  parseItemRss(xmlItem: unknown, itemFields: unknown): Raw {
    const item = xmlItem as Raw | null;
    if (typeof item !== 'object' || item === null || !isPlainText(item.description)) {
      return original.parseItemRss.call(this, xmlItem, itemFields);
    }
    const out = copyFields(item, this.itemFields);
    const about = (item.$ as Raw | undefined)?.['rdf:about'];
    if (about) out['rdf:about'] = about;
    return out;
  }

  parseItemAtom(entry: unknown): Raw {
    const node = entry as Raw | null;
    if (
      typeof node !== 'object' ||
      node === null ||
      !isPlainText(node.content) ||
      !isPlainText(node.summary)
    ) {
      return original.parseItemAtom.call(this, entry);
    }
    const out = copyFields(node, this.itemFields);
    checkLinks(node.link);
    checkAtomDates(node);
    return out;
  }
}
