// The one-pass cleaner (clean-feed-text.ts) against its definition written as regular
// expressions (what it replaced): remove control, zero-width, bidi and BOM characters, then make
// every whitespace run one space and trim. Every UTF-16 code unit is tried alone and between
// letters and spaces, then a seeded stream of mixed strings.
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/ingest/clean-feed-text.js';

const UNWANTED =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

function byDefinition(text: string): string {
  return text.replace(UNWANTED, '').replace(/\s+/g, ' ').trim();
}

describe('cleanText', () => {
  it.each([
    ['  lots \n\t of   space ', 'lots of space'],
    ['NH\u0000S\u0007 E\u200bng\u200dland\u2066', 'NHS England'],
    ['a \u200b b', 'a b'],
    ['\u00a0a\u3000b\u2028', 'a b'],
    ['', ''],
  ])('%j -> %j', (text, clean) => {
    expect(cleanText(text)).toBe(clean);
  });

  it('agrees with the definition for every code unit', () => {
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      for (const text of [ch, `a${ch}b`, ` ${ch} `, `a ${ch}`, `${ch}${ch}x${ch}`]) {
        if (cleanText(text) !== byDefinition(text)) {
          expect(cleanText(text), `U+${code.toString(16)} in ${JSON.stringify(text)}`).toBe(
            byDefinition(text),
          );
        }
      }
    }
  });

  it('agrees with the definition on generated mixtures', () => {
    const alphabet = [...'ab é’.<', ' ', ' ', '\n', '\t', '\r', '\u000b', '\u00a0', '\u0085'];
    alphabet.push('\u00ad', '\u2000', '\u200b', '\u2028', '\u202a', '\u202f', '\u2060', '\ufeff');
    alphabet.push('\u0000', '\u009f', '\u3000', '\ud83d\ude00', '\ud800');
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      for (let j = next(14); j > 0; j--) text += alphabet[next(alphabet.length)];
      expect(cleanText(text), JSON.stringify(text)).toBe(byDefinition(text));
    }
  });
});
