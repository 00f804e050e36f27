// The documents for content-constructs.test.ts: one whole feed per construct (Atom text, html and
// xhtml; RSS description, CDATA, entity-encoded HTML, content:encoded; RDF), each holding inline
// markup, mixed text and markup, blocks, <br>, removed elements before punctuation, or plain text
// with angle brackets, and the title, summary and content a reader must store for it.

const XHTML = 'xmlns="http://www.w3.org/1999/xhtml"';
const PAY = 'Full briefing on the public sector pay cap and its effect on retention.';

/** An Atom document with one entry made of `entry` (its fields). */
const atom = (entry: string): string =>
  '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">' +
  '<title>Wire</title><id>urn:wire</id><updated>2026-12-01T09:00:00Z</updated>' +
  `<entry><id>urn:wire:1</id><link href="https://wire.example.org/1"/>` +
  `<updated>2026-12-01T09:00:00Z</updated>${entry}</entry></feed>`;

/** An RSS 2.0 document with one item made of `item`. */
const rss = (item: string): string =>
  '<?xml version="1.0" encoding="utf-8"?>' +
  '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">' +
  '<channel><title>Wire</title><link>https://wire.example.org/</link>' +
  `<item><link>https://wire.example.org/1</link><guid>urn:wire:1</guid>` +
  `<pubDate>Tue, 01 Dec 2026 09:00:00 GMT</pubDate>${item}</item></channel></rss>`;

/** An RSS 1.0 (RDF) document with one item made of `item`. */
const rdf = (item: string): string =>
  '<?xml version="1.0" encoding="utf-8"?>' +
  '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"' +
  ' xmlns:content="http://purl.org/rss/1.0/modules/content/">' +
  '<channel rdf:about="https://wire.example.org/"><title>Wire</title>' +
  '<link>https://wire.example.org/</link></channel>' +
  `<item rdf:about="https://wire.example.org/1"><link>https://wire.example.org/1</link>${item}</item>` +
  '</rdf:RDF>';

/** Makes a well-formed document ill-formed (a stray closing tag) so the tolerant reader runs. */
export const broken = (doc: string): string =>
  doc.replace('<title>Wire</title>', '<title>Wire</title></bogus>');

export type Field = 'title' | 'summary' | 'content';
export interface Case {
  name: string;
  doc: string;
  want: Partial<Record<Field, string>>;
}

export const CASES: Case[] = [
  // Atom text constructs.
  {
    name: 'Atom xhtml content, inline markup',
    doc: atom(
      `<title>Pay cap</title><content type="xhtml"><div ${XHTML}><p>Full briefing on the ` +
        '<b>public sector pay cap</b> and its effect on retention.</p></div></content>',
    ),
    want: { content: PAY },
  },
  {
    name: 'Atom xhtml content, mixed text, markup, blocks and <br/>',
    doc: atom(
      `<title>Pay cap</title><content type="xhtml"><div ${XHTML}>Lead text <em>with</em> ` +
        '<a href="/x">a link</a>, then<p>First <i>para</i>.</p><p>Second<br/>line &amp; more.</p>' +
        '<ul><li>one</li><li>two</li></ul>tail</div></content>',
    ),
    want: { content: 'Lead text with a link, then First para. Second line & more. one two tail' },
  },
  {
    name: 'Atom xhtml summary and title',
    doc: atom(
      `<title type="xhtml"><div ${XHTML}>The <b>pay cap</b> review</div></title>` +
        `<summary type="xhtml"><div ${XHTML}><p>The <b>pay</b> cap <i>ends</i> in <b>April</b>.</p></div></summary>`,
    ),
    want: { title: 'The pay cap review', summary: 'The pay cap ends in April.' },
  },
  {
    name: 'Atom xhtml content with a prefixed xhtml namespace',
    doc: atom(
      '<title>Pay cap</title><content type="xhtml"><xhtml:div xmlns:xhtml="http://www.w3.org/1999/xhtml">' +
        '<xhtml:p>Full briefing on the <xhtml:b>public sector pay cap</xhtml:b> and its effect on ' +
        'retention.</xhtml:p></xhtml:div></content>',
    ),
    want: { content: PAY },
  },
  {
    name: 'Atom html content, entity-encoded, inline markup and blocks',
    doc: atom(
      '<title>Pay cap</title><content type="html">&lt;p&gt;Full briefing on the &lt;b&gt;public ' +
        'sector pay cap&lt;/b&gt; and its effect on retention.&lt;/p&gt;&lt;p&gt;Next&lt;br&gt;line.&lt;/p&gt;</content>',
    ),
    want: { content: `${PAY} Next line.` },
  },
  {
    name: 'Atom html content in CDATA, a removed element before punctuation',
    doc: atom(
      '<title>Pay cap</title><content type="html"><![CDATA[<p>Read the <b>review</b> ' +
        '<script>track()</script>. Then the <i>plan</i> <style>p{}</style>, and more.</p>]]></content>',
    ),
    want: { content: 'Read the review. Then the plan, and more.' },
  },
  {
    name: 'Atom text content keeps angle brackets',
    doc: atom(
      '<title>Maths</title><content type="text">a &lt; b &gt; c, and &lt;b&gt; is kept</content>',
    ),
    want: { content: 'a < b > c, and <b> is kept' },
  },
  {
    name: 'Atom title (type text by default) keeps <!channel>',
    doc: atom('<title>Trusts told: &lt;!channel&gt; alerts banned</title>'),
    want: { title: 'Trusts told: <!channel> alerts banned' },
  },
  {
    name: 'Atom title type="text" keeps a < b > c',
    doc: atom('<title type="text">a &lt; b &gt; c</title>'),
    want: { title: 'a < b > c' },
  },
  {
    name: 'Atom title type="html" drops its tags',
    doc: atom('<title type="html">The &lt;b&gt;pay cap&lt;/b&gt; review</title>'),
    want: { title: 'The pay cap review' },
  },
  {
    name: 'Atom summary and content without a type (text by default) keep angle brackets',
    doc: atom(
      '<title>Alerts</title><summary>Trusts told: &lt;!channel&gt; alerts banned</summary>' +
        '<content>Rule: a &lt; b &gt; c holds.</content>',
    ),
    want: { summary: 'Trusts told: <!channel> alerts banned', content: 'Rule: a < b > c holds.' },
  },
  {
    name: 'Atom summary without a type that holds tags is read as markup',
    doc: atom('<title>Pay</title><summary>The &lt;b&gt;pay&lt;/b&gt; cap ends.</summary>'),
    want: { summary: 'The pay cap ends.' },
  },
  {
    name: 'Atom xhtml content holding a CDATA section and an entity',
    doc: atom(
      `<title>Pay</title><content type="xhtml"><div ${XHTML}><p>Tom &amp; <b>Jerry</b> ` +
        '<![CDATA[say <!channel>]]> and <i>more</i>.</p></div></content>',
    ),
    want: { content: 'Tom & Jerry say <!channel> and more.' },
  },
  // RSS 2.0.
  {
    name: 'RSS description, entity-encoded HTML, removed element before punctuation',
    doc: rss(
      '<title>Pay cap</title><description>&lt;p&gt;Read the &lt;b&gt;review&lt;/b&gt; ' +
        '&lt;script&gt;x()&lt;/script&gt;.&lt;/p&gt;&lt;p&gt;Second&lt;br/&gt;line.&lt;/p&gt;</description>',
    ),
    want: { summary: 'Read the review. Second line.' },
  },
  {
    name: 'RSS description in CDATA, mixed text and markup',
    doc: rss(
      '<title>Pay cap</title><description><![CDATA[Full briefing on the <b>public sector ' +
        'pay cap</b> and its effect on <a href="/r">retention</a>.]]></description>',
    ),
    want: { summary: PAY },
  },
  {
    name: 'RSS content:encoded with blocks and <br>',
    doc: rss(
      '<title>Pay cap</title><content:encoded><![CDATA[<h2>Summary</h2><p>The <b>pay</b> cap' +
        '<br>ends.</p><div>Next<img src="x.png">, then <em>more</em>.</div>]]></content:encoded>',
    ),
    want: { content: 'Summary The pay cap ends. Next, then more.' },
  },
  {
    name: 'RSS title keeps <!channel> (plain text: no tags)',
    doc: rss('<title>Trusts told: &lt;!channel&gt; alerts banned</title>'),
    want: { title: 'Trusts told: <!channel> alerts banned' },
  },
  {
    name: 'RSS title in CDATA keeps <!channel>',
    doc: rss('<title><![CDATA[Trusts told: <!channel> alerts banned]]></title>'),
    want: { title: 'Trusts told: <!channel> alerts banned' },
  },
  {
    name: 'RSS title keeps a < b > c',
    doc: rss('<title>a &lt; b &gt; c</title>'),
    want: { title: 'a < b > c' },
  },
  {
    name: 'RSS title with real tags is markup',
    doc: rss('<title>The &lt;b&gt;pay cap&lt;/b&gt; review &amp;amp; more</title>'),
    want: { title: 'The pay cap review & more' },
  },
  // RSS 1.0 (RDF).
  {
    name: 'RDF description and content:encoded with inline markup',
    doc: rdf(
      '<title>Trusts told: &lt;!channel&gt; alerts banned</title>' +
        '<description>&lt;p&gt;The &lt;b&gt;pay&lt;/b&gt; cap ends.&lt;/p&gt;</description>' +
        `<content:encoded><![CDATA[<p>Full briefing on the <b>public sector pay cap</b> and its effect on retention.</p>]]></content:encoded>`,
    ),
    want: {
      title: 'Trusts told: <!channel> alerts banned',
      summary: 'The pay cap ends.',
      content: PAY,
    },
  },
];
