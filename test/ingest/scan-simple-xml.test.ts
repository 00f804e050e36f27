// The fast XML reader (scan-simple-xml.ts) against xml2js over sax, rss-parser's own XML layer
// with the options rss-parser gives it: wherever the reader answers, its tree must be the very
// one xml2js builds (same values, same prototype-less objects, same key order); where the
// document leaves the subset it must answer null, so xml2js reads (or rejects) it as before.
// Crafted documents probe each rule; then every document the parse guard knows (fixtures, real
// feeds, the public parser suites when present, the bench's generated feeds), as decoded and as
// repaired for parsing.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import Parser from 'rss-parser';
import { decodeFeedBytes } from '../../src/ingest/decode.js';
import { repairXmlText } from '../../src/ingest/repair-xml.js';
import { readSimpleXml } from '../../src/ingest/scan-simple-xml.js';
import { inlineXhtmlConstructs } from '../../src/ingest/xhtml-constructs.js';
import { collectGuardDocuments } from '../bench/parse-guard.js';

type Callback = (error: unknown, result: unknown) => void;

/** What rss-parser's own xml2js Parser hands back first (it may call back again later). */
function readWithXml2js(text: string): unknown {
  let first: unknown;
  let called = false;
  // rss-parser builds one with its xml2js options (lib/parser.js); its typings do not show it.
  const { xmlParser } = new Parser({ xml2js: { strict: true } }) as unknown as {
    xmlParser: { parseString(text: string, callback: Callback): void };
  };
  try {
    xmlParser.parseString(text, (error: unknown, result: unknown) => {
      if (called) return;
      called = true;
      first = error ? { error: String(error) } : result;
    });
  } catch (error) {
    if (!called) return { threw: String(error) };
  }
  return first;
}

function expectSameTree(text: string): void {
  const fast = readSimpleXml(text);
  expect(fast, 'the reader gave up').not.toBeNull();
  const slow = readWithXml2js(text);
  expect(isDeepStrictEqual(fast, slow), JSON.stringify(slow)).toBe(true);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(slow)); // key order too
}

const rss = (inner: string) =>
  `<?xml version="1.0"?>\n<rss version="2.0"><channel>${inner}</channel></rss>`;

const SAME: [string, string][] = [
  [
    'whitespace between elements',
    rss('\n  <title>T</title>\n  <item>\n <title>a</title>\n</item>\n'),
  ],
  [
    'repeated children, in order',
    rss('<item><title>a</title></item><item><title>b</title></item>'),
  ],
  ['attributes, both quotes, > inside', `<feed a="1" b='x>y' c = "z"><link href="/a"/></feed>`],
  ['first of a repeated attribute kept', '<rss v="1" v="2"><x a="1" a="2">t</x></rss>'],
  ['attributes and white text', '<rss><guid isPermaLink="false">  </guid></rss>'],
  ['attributes and text', '<rss><guid isPermaLink="false">g1</guid></rss>'],
  ['empty and blank elements', '<rss><a></a><b/><c>  \n </c><d><![CDATA[]]></d></rss>'],
  ['CDATA of white space is kept', '<rss><a><![CDATA[ ]]></a><b x="1"><![CDATA[\n]]></b></rss>'],
  [
    'CDATA beside text and comments',
    '<rss><a>one <![CDATA[<p>two</p>]]> <!-- c --> three</a></rss>',
  ],
  ['CDATA ending in brackets', '<rss><a><![CDATA[x]]]></a><b><![CDATA[]]]]></b></rss>'],
  ['mixed text and children', '<rss><title>New <b>policy</b> out</title></rss>'],
  [
    'XML entities and references',
    '<rss><a>&amp;&lt;&gt;&quot;&apos; &#233;&#x00E9;&#0065;&#x1F600;</a></rss>',
  ],
  ['white space inside attribute values', '<rss><a t="x\n\ty\r z" u=\'\'>1</a></rss>'],
  ['references in attributes', '<rss><a t="&amp;x&#65;&quot;">1</a></rss>'],
  [
    'comments and PIs before the root',
    '<?xml version="1.0"?><!-- a --><?style x?>\n<rss><a>1</a></rss>',
  ],
  ['anything after the root is not read', '<rss><a>1</a></rss>\n<!-- -- --> junk & <more'],
  ['self-closing root', '<rss version="2.0"/>'],
  [
    'namespaced names',
    '<rdf:RDF xmlns:rdf="u"><item rdf:about="x"><dc:date>d</dc:date></item></rdf:RDF>',
  ],
  ['carriage returns kept', '<rss>\r\n<a>x\r\ny</a>\r\n</rss>'],
  ['text of other white space', '<rss><a>\u00a0</a><b>\u2003x</b></rss>'],
  ['close tag with white space', '<rss><a>1</a  ><b>2</b\n></rss>'],
];

const GIVES_UP: [string, string][] = [
  ['a DOCTYPE', '<!DOCTYPE rss [<!ENTITY x "y">]><rss><a>&x;</a></rss>'],
  ['an HTML entity', '<rss><a>&nbsp;</a></rss>'],
  ['a bare ampersand', '<rss><a>a & b</a></rss>'],
  ['a reference to U+0000', '<rss><a>&#0;</a></rss>'],
  ['a reference to a control character', '<rss><a>&#27;</a></rss>'],
  ['an upper-case hex reference', '<rss><a>&#X41;</a></rss>'],
  ['an unescaped <', '<rss><a>a < b</a></rss>'],
  ['a mismatched close tag', '<rss><a>1</b></rss>'],
  ['an unclosed root', '<rss><a>1</a>'],
  ['an unquoted attribute', '<rss><a x=1>1</a></rss>'],
  ['an attribute without a value', '<rss><a x>1</a></rss>'],
  ['attributes without white space between', '<rss><a x="1"y="2">1</a></rss>'],
  ['"--" inside a comment', '<rss><a>1<!-- a -- b --></a></rss>'],
  ['a comment ending in "--->"', '<rss><a>1<!-- a ---></a></rss>'],
  ['a PI inside the root', '<rss><?php x ?><a>1</a></rss>'],
  ['lower-case cdata', '<rss><a><![cdata[x]]></a></rss>'],
  ['a child named cdata', '<rss><a><cdata>1</cdata></a></rss>'],
  ['a child named _', '<rss><_>1</_></rss>'],
  ['an attribute named like an Object method', '<rss><a constructor="x">1</a></rss>'],
  ['text before the root', 'junk<rss><a>1</a></rss>'],
  ['a non-ASCII name', '<rss><café>1</café></rss>'],
  ['"/" not followed by ">"', '<rss><a / >1</a></rss>'],
  ['an empty document', '   '],
];

describe('readSimpleXml', () => {
  it.each(SAME)('builds the tree xml2js builds: %s', (_name, text) => {
    expectSameTree(text);
  });

  it.each(GIVES_UP)('leaves %s to xml2js', (_name, text) => {
    expect(readSimpleXml(text)).toBeNull();
  });

  it('builds the tree xml2js builds for every document it reads, and reads the bench feeds', () => {
    let read = 0;
    let bench = 0;
    for (const doc of collectGuardDocuments()) {
      const decoded = decodeFeedBytes(doc.bytes, doc.contentType).text;
      for (const text of new Set([decoded, inlineXhtmlConstructs(repairXmlText(decoded))])) {
        const fast = readSimpleXml(text);
        if (fast === null) continue;
        read++;
        if (doc.name.startsWith('bench/')) bench++;
        const slow = readWithXml2js(text);
        if (!isDeepStrictEqual(fast, slow) || JSON.stringify(fast) !== JSON.stringify(slow)) {
          expect.fail(`${doc.name}: the fast tree differs from xml2js's`);
        }
      }
    }
    expect(bench).toBe(120); // every generated bench feed takes the fast path
    expect(read).toBeGreaterThan(bench);
  }, 180_000);
});
