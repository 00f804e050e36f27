// The fast HTML-to-text scan (scan-simple-html.ts) against htmlparser2's Parser on the same
// collector: whatever markup the scan accepts, it must give exactly the Parser's text, so both
// the hand-picked cases and a seeded stream of generated fragments are compared; markup outside
// its subset must be left to the Parser (the scan answers false).
import { describe, expect, it } from 'vitest';
import { htmlToPlainText } from '../../src/ingest/plain-text.js';
import { scanSimpleHtml } from '../../src/ingest/scan-simple-html.js';
import { collectWithParser, createVisibleTextCollector } from '../../src/ingest/visible-text.js';

function byScan(html: string): string | null {
  const out = createVisibleTextCollector();
  return scanSimpleHtml(html, out) ? out.result() : null;
}

function byParser(html: string): string {
  const out = createVisibleTextCollector();
  collectWithParser(html, out);
  return out.result();
}

/** Pieces whose combinations exercise implied end tags, references, comments and odd tags. */
const PIECES = [
  '<p>',
  '</p>',
  '<P class="a">',
  '<div>',
  '</div>',
  '<li>',
  '</li>',
  '<ul>',
  '</ul>',
  '<br>',
  '</br>',
  '<br/>',
  '<img src=x>',
  '<img src=/a/b/>',
  '<img src="a>b">',
  "<a href='q'>",
  '</a>',
  '<b>',
  '</b>',
  '<figure>',
  '</figure>',
  '<address>',
  '<h1>',
  '</h2>',
  '<table>',
  '<tr>',
  '<td>',
  '</td>',
  '<iframe>',
  '</iframe>',
  '<noscript>',
  '<script>',
  '</script>',
  '<svg/>',
  '</svg>',
  '<!-- c -->',
  '<!-->',
  '<!--->',
  '<!---->',
  '-->',
  '<!x>',
  '<?x?>',
  '&amp;',
  '&lt;',
  '&nbsp;',
  '&pound;',
  '&copy',
  '&notit;',
  '&#39;',
  '&#x2019;',
  '&#0;',
  '&#128;',
  '&',
  '& ',
  '&#',
  '<',
  '< ',
  '<3',
  '>',
  ' ',
  '\n',
  '\t',
  '.',
  ',',
  '…',
  'word',
  '’',
  '\u200b',
  '<a href=x"y>',
  '<p/class="x">',
  '<a b c=d e="f"/>',
  '<a x=a/b="c>d">',
  '</p foo>',
  '</ p>',
  '</>',
  '<a-b>',
  '<title>',
  '<textarea>',
  '<math>',
  '<video>',
  '</video>',
  '<option>',
  '<select>',
  '<dd>',
  '<dt>',
  '<tbody>',
  '<form>',
  '<input>',
  '</img>',
  '<hr>',
  '"',
  '=',
  '<section  >',
  '<p\n>',
];

describe('scanSimpleHtml', () => {
  it.each([
    ['<p>One</p><p>Two</p>', ' One  Two '],
    ['<p>a<figure>b', ' a b'], // <figure> closes the open <p>: a block boundary
    ['a</p>b', 'a  b'], // "</p>" with no <p> is an empty paragraph
    ['a</br>b', 'a  b'],
    ['Unions & staff &amp; &pound;5 &#x2019;', 'Unions & staff & £5 ’'],
    ['x <!-- a -- b --> y', 'x  y'],
    ['a < b', 'a < b'],
    ['the review <img src="x.png" alt="">.', 'the review.'],
    ['<iframe><p>hidden</p></iframe>seen', '  seen'], // block spaces still count,
  ])('%j -> %j, as the Parser reads it', (html, text) => {
    expect(byScan(html)).toBe(text);
    expect(byParser(html)).toBe(text);
  });

  it.each([
    '<script>x</script>',
    '<style>p{}</style>',
    '<title>a</title>',
    '<svg><p/>x</svg>',
    '<!DOCTYPE html>',
    '<!-->',
    'a &copy b',
    '<a href=x"y>',
    'ends with <',
  ])('leaves %j to the Parser', (html) => {
    expect(byScan(html)).toBeNull();
  });

  it('gives the Parser’s text for every generated fragment it accepts', () => {
    let seed = 20261203;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      let html = '';
      for (let j = 1 + next(12); j > 0; j--) html += PIECES[next(PIECES.length)];
      const scanned = byScan(html);
      if (scanned === null) continue;
      accepted++;
      expect(scanned, JSON.stringify(html)).toBe(byParser(html));
    }
    expect(accepted).toBeGreaterThan(5_000); // the comparison is not vacuous
  });

  it('is what htmlToPlainText uses, and the result is cleaned', () => {
    expect(htmlToPlainText('<p>Save &pound;5bn</p>\n<p>now</p>')).toBe('Save £5bn now');
  });
});
