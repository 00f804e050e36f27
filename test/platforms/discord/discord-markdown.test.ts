import { describe, expect, it } from 'vitest';
import {
  escapeMarkdown,
  fitMarkdown,
  formatCode,
  formatLink,
  toSafeUrl,
} from '../../../src/platforms/discord/discord-markdown.js';

const Z = '\u200b';

describe('escapeMarkdown', () => {
  it.each([
    ['@everyone look', `@${Z}everyone look`],
    ['@HERE now', `@${Z}HERE now`],
    ['<@123456789012345678>', `<${Z}@123456789012345678\\>`],
    ['<@&987>', `<${Z}@&987\\>`],
    ['<#111>', `<${Z}\\#111\\>`],
    ['</briefing:1>', `<${Z}/briefing:1\\>`],
    ['[NHS England](https://evil.example)', `\\[NHS England\\](https:${Z}//evil.example)`],
    [
      '**bold** _it_ ~~s~~ ||sp|| `c`',
      '\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\|\\|sp\\|\\| \\`c\\`',
    ],
    ['# heading > quote', '\\# heading \\> quote'],
    ['- list item', '\\- list item'],
    ['1. numbered', '1\\. numbered'],
    ['back\\slash', 'back\\\\slash'],
    ['\u202eevil\u202c mixed مستشفى', 'evil mixed مستشفى'],
    ['tab\tand\nnewline\u0000nul', 'tab and newline nul'],
    ['£1.2bn for 2017/18', '£1.2bn for 2017/18'],
  ])('%j -> %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});

describe('fitMarkdown', () => {
  it('never exceeds the limit, even when escapes grow the text', () => {
    for (const max of [1, 2, 5, 17, 100, 1000]) {
      expect(fitMarkdown('*_'.repeat(5000), max).length).toBeLessThanOrEqual(max);
      expect(fitMarkdown('a'.repeat(10_000), max).length).toBeLessThanOrEqual(max);
    }
  });
  it('does not split surrogate pairs', () => {
    const out = fitMarkdown('🏥'.repeat(100), 21);
    expect(out).toMatch(/^(🏥)+…$/u);
  });
});

describe('toSafeUrl and formatLink', () => {
  it.each([
    ['https://www.england.nhs.uk/news/', 'https://www.england.nhs.uk/news/'],
    ['http://example.org/a b', 'http://example.org/a%20b'],
    ['https://example.org/x)y(z', 'https://example.org/x%29y%28z'],
    ['javascript:alert(1)', null],
    ['data:text/html,hi', null],
    ['ftp://example.org/', null],
    ['https://user:pass@example.org/', null],
    ['not a url', null],
    ['', null],
  ])('%j -> %j', (input, expected) => {
    expect(toSafeUrl(input)).toBe(expected);
  });
  it('drops the link but keeps the escaped label when the URL is unsafe', () => {
    expect(formatLink('javascript:alert(1)', '[x](https://evil)', 50)).toBe(
      `\\[x\\](https:${Z}//evil)`,
    );
    expect(formatLink('https://ok.example/', '@everyone', 50)).toBe(
      `[@${Z}everyone](https://ok.example/)`,
    );
  });
});

describe('formatCode', () => {
  it('keeps commands as code without backticks or mentions inside', () => {
    expect(formatCode('/briefing search `x` <@1> @everyone', 100)).toBe(
      `\`/briefing search 'x' <${Z}@1> @${Z}everyone\``,
    );
  });
});
