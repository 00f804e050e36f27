// The parser's output: OUR shape, so no library type (rss-parser, xml2js, cheerio) leaks past
// ingest/. Links are already absolute (resolved against xml:base or the document URL); text
// fields are as the document gave them (titles may still hold entities or markup) and are
// cleaned by normalise.ts.

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'html-listing';

/** Which code path produced the items (reported by `briefing parse` and the suite test). */
export type FeedParser = 'rss-parser' | 'tolerant' | 'html-listing';

export interface RawItem {
  /** RSS <guid>, Atom <id>, RDF rdf:about; null when absent. */
  guid: string | null;
  /** Absolute http(s) link to the story, or null. */
  link: string | null;
  title: string;
  summaryHtml: string;
  contentHtml: string;
  author: string | null;
  categories: string[];
  /** The date text as written in the document (published, else updated), or null. */
  published: string | null;
}

export interface ParsedFeed {
  title: string;
  /** The site's home page as the feed declares it, or null. */
  link: string | null;
  format: FeedFormat;
  parser: FeedParser;
  items: RawItem[];
}
