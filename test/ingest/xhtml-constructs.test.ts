// Atom xhtml text constructs rewritten as html ones before parsing (xhtml-constructs.ts): the
// markup is kept in document order, in one CDATA section, and nothing else changes.
import { describe, expect, it } from 'vitest';
import { inlineXhtmlConstructs } from '../../src/ingest/xhtml-constructs.js';

const DIV = '<div xmlns="http://www.w3.org/1999/xhtml">';

describe('inlineXhtmlConstructs', () => {
  it('rewrites content, summary and title, keeping their other attributes', () => {
    const doc =
      `<entry><title type='xhtml'>${DIV}A <b>b</b> c</div></title>` +
      `<summary xml:lang="en" type="xhtml">${DIV}<p>S</p></div></summary>` +
      `<content type="xhtml">${DIV}x</div></content></entry>`;
    expect(inlineXhtmlConstructs(doc)).toBe(
      `<entry><title type="html"><![CDATA[${DIV}A <b>b</b> c</div>]]></title>` +
        `<summary xml:lang="en" type="html"><![CDATA[${DIV}<p>S</p></div>]]></summary>` +
        `<content type="html"><![CDATA[${DIV}x</div>]]></content></entry>`,
    );
  });

  it('drops namespace prefixes on elements and handles prefixed constructs', () => {
    const doc =
      '<atom:content type="xhtml"><xhtml:div xmlns:xhtml="http://www.w3.org/1999/xhtml">' +
      '<xhtml:p>P</xhtml:p></xhtml:div></atom:content>';
    expect(inlineXhtmlConstructs(doc)).toBe(
      '<atom:content type="html"><![CDATA[<div xmlns:xhtml="http://www.w3.org/1999/xhtml">' +
        '<p>P</p></div>]]></atom:content>',
    );
  });

  it('turns an inner CDATA section into escaped text and splits a "]]>" in the markup', () => {
    const doc = `<content type="xhtml">${DIV}<![CDATA[a <b> & c]]> d ]]&gt; e]]></div></content>`;
    expect(inlineXhtmlConstructs(doc)).toBe(
      `<content type="html"><![CDATA[${DIV}a &lt;b&gt; &amp; c d ]]&gt; e]]]]><![CDATA[></div>]]></content>`,
    );
  });

  it('leaves documents without xhtml constructs, empty ones and unclosed ones alone', () => {
    const plain = '<content type="html">&lt;p&gt;x&lt;/p&gt;</content>';
    expect(inlineXhtmlConstructs(plain)).toBe(plain);
    const empty = '<content type="xhtml"/><title>t</title>';
    expect(inlineXhtmlConstructs(empty)).toBe(empty);
    const unclosed = `<content type="xhtml">${DIV}x`;
    expect(inlineXhtmlConstructs(unclosed)).toBe(unclosed);
  });
});
