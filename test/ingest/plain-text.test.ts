// Plain text from feed HTML, sentence splitting and cutting.
import { describe, expect, it } from 'vitest';
import {
  fieldToPlainText,
  hasHtmlTags,
  htmlToPlainText,
  splitSentences,
  summariseText,
  truncateAtWord,
} from '../../src/ingest/plain-text.js';

describe('htmlToPlainText', () => {
  it.each([
    ['<p>One</p><p>Two</p>', 'One Two'],
    ['Save &pound;5bn&nbsp;now &amp; later', 'Save £5bn now & later'],
    ['<script>alert(1)</script><style>p{}</style>Kept', 'Kept'],
    ['Pay rise < inflation', 'Pay rise < inflation'],
    ['  lots \n\t of   space ', 'lots of space'],
    ['NH\u0000S\u0007 E\u200bng\u200dland\u2066', 'NHS England'],
    ['A<br>B<br/>C', 'A B C'],
    ['the review <script>x()</script>. Next', 'the review. Next'],
    [
      'a plan <img src="x.png">, then <style>p{}</style>; done <video></video>!',
      'a plan, then; done!',
    ],
    ['kept <b>bold</b> .', 'kept bold .'],
    ['before <script>x</script> after', 'before after'],
    ['', ''],
  ])('%j -> %j', (html, text) => {
    expect(htmlToPlainText(html)).toBe(text);
  });
});

describe('fieldToPlainText (titles: markup only when they hold tags)', () => {
  it.each([
    ['Trusts told: <!channel> alerts banned', 'Trusts told: <!channel> alerts banned'],
    ['a < b > c', 'a < b > c'],
    ['<NHS England> <@U123> <https://x.example|y>', '<NHS England> <@U123> <https://x.example|y>'],
    ['Tom &amp; Jerry &lt;3', 'Tom & Jerry <3'],
    ['The <b>pay cap</b> review', 'The pay cap review'],
    ['Line<br/>two <!channel>', 'Line two'],
    [null, ''],
  ])('%j -> %j', (title, text) => {
    expect(fieldToPlainText(title)).toBe(text);
  });

  it.each([
    ['<p>x</p>', true],
    ['</B>', true],
    ['a<br/>b', true],
    ['<span class="x">', true],
    ['<!channel>', false],
    ['a < b > c', false],
    ['<NHS England>', false],
    ['<https://x|y>', false],
    ['<bold>', false],
  ])('hasHtmlTags(%j) is %s', (text, tags) => {
    expect(hasHtmlTags(text)).toBe(tags);
  });
});

describe('sentences and cutting', () => {
  it('splits sentences without breaking on abbreviations or initials', () => {
    expect(
      splitSentences(
        'Dr. Smith met Mr. Jones at St. Thomas’. The NHS Confed met J. R. Hartley. Done!',
      ),
    ).toEqual([
      'Dr. Smith met Mr. Jones at St. Thomas’.',
      'The NHS Confed met J. R. Hartley.',
      'Done!',
    ]);
  });

  it('keeps at most three sentences and 400 characters', () => {
    const text = 'First sentence. Second one. Third one. Fourth one.';
    expect(summariseText(text)).toBe('First sentence. Second one. Third one.');
    const long = `${'word '.repeat(100)}end. Next sentence.`;
    const summary = summariseText(long, 400);
    expect(summary.length).toBeLessThanOrEqual(400);
    expect(summary.endsWith('…')).toBe(true);
    expect(summariseText(`${'a'.repeat(300)}. B${'b'.repeat(200)}.`)).toBe(`${'a'.repeat(300)}.`);
  });

  it('truncates at a word boundary with an ellipsis', () => {
    expect(truncateAtWord('The quick brown fox jumps', 16)).toBe('The quick brown…');
    expect(truncateAtWord('short', 16)).toBe('short');
  });
});

describe('htmlToPlainText on hostile nesting', () => {
  it('handles 20,000 nested elements without overflowing the stack', () => {
    const html = `${'<div><b>'.repeat(10_000)}deep${'</b></div>'.repeat(10_000)}`;
    expect(htmlToPlainText(html)).toBe('deep');
  });

  it('cuts inputs beyond 200,000 characters without leaving half a tag', () => {
    const html = `<p>start</p>${'<i>x</i>'.repeat(30_000)}<p>end</p>`;
    const text = htmlToPlainText(html);
    expect(text.startsWith('start x')).toBe(true);
    expect(text).not.toMatch(/<|end/);
  });
});
