// Serves the demo's sample sources on loopback, each in a different format the real world uses:
// RSS 2.0 (gzip), Atom, RSS 2.0 in windows-1252 (paywalled trade press), RDF/RSS 1.0, and an HTML
// listing page read with CSS selectors. ETag support makes a second poll all 304s.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import type { Source } from '../domain.js';
import { SAMPLE_STORIES, type SampleStory } from './sample-stories.js';
import { THREAD_STORIES } from './sample-thread-stories.js';
import { ORGANISATION_STORIES } from './sample-organisation-stories.js';

const LONDON_OFFSET_NOVEMBER = 'Z'; // November is GMT: local time equals UTC.

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function storiesOf(source: SampleStory['source']): SampleStory[] {
  return [...SAMPLE_STORIES, ...THREAD_STORIES, ...ORGANISATION_STORIES].filter(
    (s) => s.source === source,
  );
}

function iso(story: SampleStory): string {
  return `${story.date}:00${LONDON_OFFSET_NOVEMBER}`;
}

function rss(base: string, title: string, stories: SampleStory[], encoding = 'utf-8'): string {
  const items = stories
    .map(
      (s) => `  <item>
    <title>${escapeXml(s.title)}</title>
    <link>${base}/articles/${s.slug}?utm_source=rss&amp;utm_medium=feed</link>
    <guid isPermaLink="false">${s.source}-${s.slug}</guid>
    <pubDate>${new Date(iso(s)).toUTCString()}</pubDate>
    <description>${escapeXml(s.summary)}</description>
  </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="${encoding}"?>
<rss version="2.0"><channel><title>${escapeXml(title)}</title><link>${base}/</link>
<description>Demo source</description>
${items}
</channel></rss>
`;
}

function atom(base: string, title: string, stories: SampleStory[]): string {
  const entries = stories
    .map(
      (s) => `  <entry>
    <id>tag:demo.invalid,2021:${s.slug}</id>
    <title>${escapeXml(s.title)}</title>
    <link rel="alternate" type="text/html" href="articles/${s.slug}"/>
    <updated>${iso(s)}</updated>
    <summary>${escapeXml(s.summary)}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="${base}/">
  <title>${escapeXml(title)}</title>
  <id>tag:demo.invalid,2021:dhsc</id>
  <updated>2021-11-28T00:00:00Z</updated>
${entries}
</feed>
`;
}

function rdf(base: string, title: string, stories: SampleStory[]): string {
  const items = stories
    .map(
      (s) => `<item rdf:about="${base}/articles/${s.slug}">
  <title>${escapeXml(s.title)}</title>
  <link>${base}/articles/${s.slug}</link>
  <description>${escapeXml(s.summary)}</description>
  <dc:date>${iso(s)}</dc:date>
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="${base}/"><title>${escapeXml(title)}</title><link>${base}/</link><description>Demo</description></channel>
${items}
</rdf:RDF>
`;
}

function listingPage(title: string, stories: SampleStory[]): string {
  const items = stories
    .map(
      (s) => `<article class="listing-item">
  <h3><a href="/insight/${s.slug}">${escapeXml(s.title)}</a></h3>
  <time datetime="${iso(s)}">${s.date.slice(0, 10)}</time>
  <p>${escapeXml(s.summary)}</p>
</article>`,
    )
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeXml(title)}</title>
<script>window.tracking = "not a story";</script></head>
<body><nav><a href="/">Home</a></nav><main><h1>Insight and analysis</h1>
${items}
</main></body></html>
`;
}

interface Document {
  body: Buffer;
  contentType: string;
  gzip: boolean;
}

function buildDocuments(base: string): Map<string, Document> {
  const docs = new Map<string, Document>();
  docs.set('/nhse/feed.xml', {
    body: Buffer.from(rss(base, 'NHS England news (demo)', storiesOf('nhse'))),
    contentType: 'application/rss+xml; charset=utf-8',
    gzip: true,
  });
  docs.set('/dhsc/feed.atom', {
    body: Buffer.from(atom(base, 'DHSC announcements (demo)', storiesOf('dhsc'))),
    contentType: 'application/atom+xml; charset=utf-8',
    gzip: false,
  });
  // Older CMSs still serve windows-1252: the curly quotes in the sample text exercise it.
  docs.set('/trade/rss', {
    body: iconv.encode(
      rss(base, 'Health trade weekly (demo)', storiesOf('trade'), 'windows-1252'),
      'windows-1252',
    ),
    contentType: 'text/xml',
    gzip: false,
  });
  docs.set('/providers/rss.rdf', {
    body: Buffer.from(rdf(base, 'Providers’ network news (demo)', storiesOf('providers'))),
    contentType: 'application/rdf+xml',
    gzip: false,
  });
  docs.set('/thinktank/insight', {
    body: Buffer.from(listingPage('Think tank insight (demo)', storiesOf('thinktank'))),
    contentType: 'text/html; charset=utf-8',
    gzip: false,
  });
  return docs;
}

export interface SampleServer {
  baseUrl: string;
  sources: Source[];
  close(): Promise<void>;
}

export async function startSampleServer(): Promise<SampleServer> {
  let docs = new Map<string, Document>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const doc = docs.get(path);
    if (!doc) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const etag = `"${createHash('sha1').update(doc.body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const headers: Record<string, string> = { 'content-type': doc.contentType, etag };
    if (doc.gzip && acceptsGzip) {
      headers['content-encoding'] = 'gzip';
      res.writeHead(200, headers).end(gzipSync(doc.body));
    } else res.writeHead(200, headers).end(doc.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  docs = buildDocuments(baseUrl);
  const sources = demoSources(baseUrl);
  return {
    baseUrl,
    sources,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The demo's sources, all on this server: four feeds (one paywalled) and one HTML listing. */
function demoSources(baseUrl: string): Source[] {
  const common = { pollIntervalMinutes: 30, enabled: true, verified: true } as const;
  return [
    {
      ...common,
      id: 'demo-nhse',
      name: 'NHS England (demo)',
      kind: 'feed',
      url: `${baseUrl}/nhse/feed.xml`,
      paywalled: false,
      authority: 0.9,
    },
    {
      ...common,
      id: 'demo-dhsc',
      name: 'DHSC (demo)',
      kind: 'feed',
      url: `${baseUrl}/dhsc/feed.atom`,
      paywalled: false,
      authority: 0.9,
    },
    {
      ...common,
      id: 'demo-trade',
      name: 'Health trade weekly (demo)',
      kind: 'feed',
      url: `${baseUrl}/trade/rss`,
      paywalled: true,
      authority: 0.8,
    },
    {
      ...common,
      id: 'demo-providers',
      name: 'Providers’ network (demo)',
      kind: 'feed',
      url: `${baseUrl}/providers/rss.rdf`,
      paywalled: false,
      authority: 0.65,
    },
    {
      ...common,
      id: 'demo-thinktank',
      name: 'Think tank insight (demo)',
      kind: 'html',
      url: `${baseUrl}/thinktank/insight`,
      paywalled: false,
      authority: 0.75,
      selectors: {
        item: 'article.listing-item',
        title: 'h3',
        link: 'h3 a',
        date: 'time',
        dateAttr: 'datetime',
        summary: 'p',
      },
    },
  ];
}
