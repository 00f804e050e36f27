// Writes the configured sources as an OPML 2.0 subscription list (http://opml.org/spec2.opml):
// one `<outline type="rss">` per feed source with `text`, `title`, `xmlUrl` and, when known,
// `htmlUrl`. HTML listing sources are not feeds another reader could poll, so they are left out
// and named in a comment. Disabled sources are kept (the list is the team's reading list), and
// marked with a `category` so a round trip through this project can restore them.
import type { Source } from '../domain.js';
import { DISABLED_CATEGORY } from './opml-read.js';

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

function escapeXml(text: string): string {
  // Control characters other than tab/newline are not allowed in XML 1.0 at all.
  return [...text]
    .filter((c) => c >= ' ' || c === '\t' || c === '\n' || c === '\r')
    .join('')
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

export interface OpmlWriteOptions {
  title: string;
  /** RFC 822 date for `dateCreated`, as the spec asks. */
  now: Date;
}

function outlineFor(source: Source): string {
  const name = escapeXml(source.name);
  const disabled = source.enabled ? '' : ` category="${DISABLED_CATEGORY}"`;
  return `    <outline type="rss" text="${name}" title="${name}" xmlUrl="${escapeXml(source.url)}"${disabled}/>`;
}

/** The OPML text for these sources. */
export function writeOpml(sources: readonly Source[], options: OpmlWriteOptions): string {
  const feeds = sources.filter((s) => s.kind === 'feed');
  const listings = sources.filter((s) => s.kind !== 'feed');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXml(options.title)}</title>`,
    `    <dateCreated>${options.now.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...feeds.map(outlineFor),
    ...(listings.length === 0
      ? []
      : [
          `    <!-- HTML listing pages, not feeds: ${escapeXml(listings.map((s) => s.id).join(', ')).replace(/--/g, '- -')} -->`,
        ]),
    '  </body>',
    '</opml>',
    '',
  ];
  return lines.join('\n');
}
