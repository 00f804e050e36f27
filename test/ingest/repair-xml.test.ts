// repairXmlText: HTML entities, bare ampersands, illegal references, leading junk.
import { describe, expect, it } from 'vitest';
import { repairXmlText } from '../../src/ingest/repair-xml.js';

describe('repairXmlText', () => {
  it.each([
    ['<t>A &nbsp; B</t>', '<t>A &#160; B</t>'],
    ['<t>&pound;5 &mdash; &hellip;</t>', '<t>&#163;5 &#8212; &#8230;</t>'],
    ['<t>R&D & more</t>', '<t>R&amp;D &amp; more</t>'],
    ['<t>&amp; &lt; &#38; &#x26;</t>', '<t>&amp; &lt; &#38; &#x26;</t>'],
    ['<t>&bogus;</t>', '<t>&amp;bogus;</t>'],
    ['<t>&#0;&#x1B;ok</t>', '<t>ok</t>'],
    ['<t><![CDATA[a & b &nbsp;]]></t>', '<t><![CDATA[a & b &nbsp;]]></t>'],
    ['junk\n  <rss/>', '<rss/>'],
  ])('%j -> %j', (input, output) => {
    expect(repairXmlText(input)).toBe(output);
  });
});
