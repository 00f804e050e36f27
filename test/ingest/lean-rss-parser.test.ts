// LeanRssParser (lean-rss-parser.ts) against rss-parser itself, with the options our reader uses:
// on every fixture and real feed, and on documents shaped to make rss-parser's own item code
// throw or build XML, the two must reject with the same error or give the same raw fields.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { decodeFeedBytes } from '../../src/ingest/decode.js';
import { LeanRssParser } from '../../src/ingest/lean-rss-parser.js';
import { PARSER_OPTIONS } from '../../src/ingest/read-with-rss-parser.js';

type Outcome = { error: string } | { items: unknown[]; feed: unknown[] };

async function outcome(parser: Parser, text: string): Promise<Outcome> {
  try {
    const out = (await parser.parseString(text)) as Record<string, unknown>;
    const pick = (o: Record<string, unknown>) =>
      Object.entries(o).filter(([key]) => key.startsWith('x_') || key === 'rdf:about');
    const items = (out.items ?? []) as Record<string, unknown>[];
    return { feed: pick(out), items: items.map(pick) };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

const atom = (entry: string) =>
  `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry>${entry}</entry></feed>`;
const rss = (item: string) =>
  `<rss version="2.0"><channel><title>t</title><item>${item}</item></channel></rss>`;

const CRAFTED: [string, string][] = [
  ['atom link without attributes', atom('<title>a</title><link>https://x.example/a</link>')],
  ['atom invalid published date', atom('<title>a</title><published>not a date</published>')],
  ['atom invalid updated date', atom('<updated>31/02/2026 25:00</updated>')],
  ['atom date with attributes', atom('<published a="b">nonsense</published>')],
  ['atom xhtml-like content', atom('<content type="xhtml"><div><p>x</p></div></content>')],
  ['atom plain entry', atom('<title>a</title><link href="/a"/><content>b</content>')],
  ['rss description with elements', rss('<title>a</title><description><p>x</p></description>')],
  ['rss text item', '<rss version="2.0"><channel><item>just text</item></channel></rss>'],
  ['rss empty item', '<rss version="2.0"><channel><item/></channel></rss>'],
  ['rss rdf:about', rss('<title>a</title>').replace('<item>', '<item rdf:about="https://x/a">')],
  ['rss without channel', '<rss version="2.0"></rss>'],
  // The XML layer: read by the fast reader (scan-simple-xml.ts), or left to xml2js.
  ['junk after the root', `${rss('<title>a</title>')}\n<p>junk & more`],
  ['a DOCTYPE (xml2js reads it)', `<!DOCTYPE rss>${rss('<title>a &amp; b</title>')}`],
  ['a mismatched tag (xml2js rejects it)', rss('<title>a</titel>')],
  ['an unclosed root (xml2js rejects it)', '<rss version="2.0"><channel><item>'],
  ['text before the root', `junk ${rss('<title>a</title>')}`],
];

function fixtureDocuments(): [string, string][] {
  return ['test/fixtures/feeds', 'test/fixtures/real-feeds'].flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => !/(LICENSE|README|\.md$)/.test(name))
      .map((name): [string, string] => [
        name,
        decodeFeedBytes(readFileSync(join(dir, name)), null).text,
      ]),
  );
}

describe('LeanRssParser', () => {
  it.each([...CRAFTED, ...fixtureDocuments()])('matches rss-parser on %s', async (_, text) => {
    const lean = await outcome(new LeanRssParser(PARSER_OPTIONS), text);
    const full = await outcome(new Parser(PARSER_OPTIONS), text);
    expect(lean).toEqual(full);
  });

  it('does not build the snippets the reader never reads', async () => {
    const out = await new LeanRssParser(PARSER_OPTIONS).parseString(
      rss('<title>a</title><description>&lt;p&gt;body&lt;/p&gt;</description>'),
    );
    expect(out.items[0]).not.toHaveProperty('contentSnippet');
  });

  it('gives the XML error of xml2js for a document outside the fast subset', async () => {
    await expect(
      new LeanRssParser(PARSER_OPTIONS).parseString('<rss><a></b></rss>'),
    ).rejects.toThrow(/Unexpected close tag/);
  });
});
