// Ill-formed feeds (issue 12): what a lenient parser recovers, readDocument recovers, rather than
// rejecting the document. Each case breaks one rule the way real feeds do; the table says the
// stories (title, canonical link) a reader should get. The closing line counts recovered vs
// rejected cases (README "Feeds we read").
import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/domain.js';
import { readDocument } from '../../src/ingest/read-document.js';

const SOURCE: Source = {
  id: 'ill',
  name: 'Ill',
  kind: 'feed',
  url: 'https://x.org/feed',
  pollIntervalMinutes: 30,
  paywalled: false,
  authority: 0.5,
  enabled: true,
  verified: true,
};
const HEAD = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>F</title>';
const TAIL = '</channel></rss>';
const ATOM = '<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>';
const item = (title: string, link = 'https://x.org/1') =>
  `<item><title>${title}</title><link>${link}</link></item>`;
const utf8 = (text: string) => new TextEncoder().encode(text);
/** One byte per character: Latin-1 / windows-1252 bytes for the test's characters. */
const singleByte = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0) & 0xff));
const A = ['A', 'https://x.org/1'];
const B = ['B', 'https://x.org/2'];

const CASES: [string, Uint8Array, string[][]][] = [
  [
    'unclosed description',
    utf8(
      `${HEAD}<item><title>A</title><link>https://x.org/1</link><description>t</item>${item('B', 'https://x.org/2')}${TAIL}`,
    ),
    [A, B],
  ],
  [
    'truncated document',
    utf8(`${HEAD}${item('A')}<item><title>B</title><link>https://x.org/2`),
    [A, B],
  ],
  [
    'unclosed title swallowing the link',
    utf8(
      `${HEAD}<item><title>A<link>https://x.org/1</link></item>${item('B', 'https://x.org/2')}${TAIL}`,
    ),
    [A, B],
  ],
  [
    'misspelt end tag',
    utf8(
      `${HEAD}<item><title>A</titel><link>https://x.org/1</link></item>${item('B', 'https://x.org/2')}${TAIL}`,
    ),
    [A, B],
  ],
  [
    'unclosed Atom link',
    utf8(
      `${ATOM}<entry><title>A</title><link rel="alternate" href="https://x.org/1"><id>1</id></entry></feed>`,
    ),
    [A],
  ],
  [
    'HTML entities XML does not define',
    utf8(`${HEAD}${item('A&nbsp;&eacute;&pound;5')}${TAIL}`),
    [['A é£5', 'https://x.org/1']],
  ],
  [
    'an undefined entity',
    utf8(`${HEAD}${item('A &bogus; B')}${TAIL}`),
    [['A &bogus; B', 'https://x.org/1']],
  ],
  [
    'entities from the internal DTD subset',
    utf8(
      `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY nhs "National Health Service">]><rss version="2.0"><channel><title>F</title>${item('The &nhs; plan')}${TAIL}`,
    ),
    [['The National Health Service plan', 'https://x.org/1']],
  ],
  [
    'undeclared namespace prefixes',
    utf8(
      `${HEAD}<item><title>A</title><link>https://x.org/1</link><media:content url="x"/><dc:creator>Me</dc:creator></item>${TAIL}`,
    ),
    [A],
  ],
  [
    'unterminated CDATA',
    utf8(
      `${HEAD}<item><title>A</title><link>https://x.org/1</link><description><![CDATA[text</description></item>${TAIL}`,
    ),
    [A],
  ],
  [
    'CDATA in lower case',
    utf8(`${HEAD}<item><title><![cdata[A]]></title><link>https://x.org/1</link></item>${TAIL}`),
    [A],
  ],
  [
    'bare ampersand in a link',
    utf8(`${HEAD}${item('A', 'https://x.org/?a=1&b=2')}${TAIL}`),
    [['A', 'https://x.org/?a=1&b=2']],
  ],
  [
    'double-escaped ampersand in a link',
    utf8(`${HEAD}${item('A', 'https://x.org/?a=1&amp;amp;b=2')}${TAIL}`),
    [['A', 'https://x.org/?a=1&b=2']],
  ],
  [
    'entity-like parameters in a link',
    utf8(`${HEAD}${item('A', 'https://x.org/?a=1&copy=2&sect=3')}${TAIL}`),
    [['A', 'https://x.org/?a=1&copy=2&sect=3']],
  ],
  [
    'declared UTF-8, bytes windows-1252',
    singleByte(`${HEAD}${item('Caf\u00e9 \x93q\x94')}${TAIL}`),
    [['Café “q”', 'https://x.org/1']],
  ],
  [
    'declared Latin-1, bytes UTF-8',
    utf8(`${HEAD.replace('utf-8', 'ISO-8859-1')}${item('Café “q”')}${TAIL}`),
    [['Café “q”', 'https://x.org/1']],
  ],
  [
    'no declaration, Latin-1 bytes',
    singleByte(`<rss version="2.0"><channel><title>F</title>${item('Caf\u00e9')}${TAIL}`),
    [['Café', 'https://x.org/1']],
  ],
  [
    'an unknown encoding label',
    utf8(`${HEAD.replace('utf-8', 'x-made-up')}${item('Café')}${TAIL}`),
    [['Café', 'https://x.org/1']],
  ],
  [
    'UTF-16 declared on single-byte text',
    utf8(`${HEAD.replace('utf-8', 'UTF-16')}${item('A')}${TAIL}`),
    [A],
  ],
  [
    'a stray less-than sign',
    utf8(`${HEAD}${item('A < B')}${TAIL}`),
    [['A < B', 'https://x.org/1']],
  ],
  [
    'raw inline HTML in a title',
    utf8(`${HEAD}${item('New <b>policy</b> out')}${TAIL}`),
    [['New policy out', 'https://x.org/1']],
  ],
  [
    'an unquoted attribute',
    utf8(`${ATOM}<entry><title>A</title><link href=https://x.org/1 /></entry></feed>`),
    [A],
  ],
  [
    'a duplicate attribute',
    utf8(
      `${ATOM}<entry><title>A</title><link href="https://x.org/1" href="https://x.org/2"/></entry></feed>`,
    ),
    [A],
  ],
  ['junk after the root', utf8(`${HEAD}${item('A')}${TAIL}<rss>more</rss> junk`), [A]],
  [
    'text before the prolog',
    utf8(`\n  Notice: undefined index in feed.php\n${HEAD}${item('A')}${TAIL}`),
    [A],
  ],
  [
    'control characters',
    utf8(`${HEAD}${item('A\u0001B\u000b')}${TAIL}`),
    [['AB', 'https://x.org/1']],
  ],
  [
    'upper-case element names',
    utf8(
      '<RSS version="2.0"><CHANNEL><TITLE>F</TITLE><ITEM><TITLE>A</TITLE><LINK>https://x.org/1</LINK></ITEM></CHANNEL></RSS>',
    ),
    [A],
  ],
  ['items without a channel', utf8(`<rss version="2.0">${item('A')}</rss>`), [A]],
  [
    'a comment before the XML declaration',
    utf8(
      `<!-- c --><?xml version="1.0"?><rss version="2.0"><channel><title>F</title>${item('A')}${TAIL}`,
    ),
    [A],
  ],
  [
    'an RSS 0.94 item with an impossible date',
    utf8(
      `<rss version="0.94"><channel><title>F</title><item><title>A</title><link>https://x.org/1</link><pubDate>Mon, 32 Jul 2003 99:00:00 GMT</pubDate></item>${TAIL}`,
    ),
    [A],
  ],
];

describe('ill-formed feeds are recovered, not rejected', () => {
  const outcomes: boolean[] = [];
  it.each(CASES)('%s', async (_name, bytes, expected) => {
    const read = await readDocument(SOURCE, bytes, {
      contentType: null,
      finalUrl: SOURCE.url,
      now: new Date('2026-12-01T09:00:00Z'),
    });
    outcomes.push(read.ok);
    expect(read.ok ? read.stories.map((s) => [s.title, s.url]) : read.reason).toEqual(expected);
  });

  it('counts recovered vs rejected', () => {
    const recovered = outcomes.filter(Boolean).length;
    console.log(
      `ill-formed feeds: ${recovered} recovered, ${outcomes.length - recovered} rejected`,
    );
    expect(recovered).toBe(CASES.length);
  });
});
