// The linear rewrites of issue 12 match exactly what the old patterns matched. Each pair is run
// on thousands of short random strings over the characters that matter to it (short, so the
// old patterns are safe to run here); a deterministic generator keeps failures reproducible.
import { describe, expect, it } from 'vitest';
import { EDGE_PUNCTUATION } from '../../src/commands/parse-search-query.js';
import { joinLines } from '../../src/text/clean-text.js';
import { NUMBER_PATTERN } from '../../src/digest/story-features.js';
import { EMAIL_WITH_NAME, nameFromEmailAuthor } from '../../src/ingest/feed-fields.js';
import { skipCommentsAndSpaces, skipXmlPreamble } from '../../src/ingest/skip-preamble.js';
import { BOUNDARY, LAST_WORD } from '../../src/text/sentences.js';
import { DANGLING } from '../../src/text/truncate.js';

const OLD = {
  preamble: /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)*/i,
  comments: /^\s*(?:<!--[\s\S]*?-->\s*)*/,
  boundary: /[.!?…]+["'”’)\]]*\s+(?=["'“‘(£$€]?[A-Z0-9])/g,
  lastWord: /([A-Za-z.]+)$/,
  dangling: /[\s,;:.\-–—]+$/,
  number:
    /(£|\$|€)?\s?(\d+(?:,\d{3})*(?:\.\d+)?)\s?(k|thousand|mn|m|million|bn|billion|tn|trillion|%|per cent)?(?![a-z0-9])/gi,
  edge: /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu,
  lines: /\s*\n\s*/g,
};

/** Deterministic strings of up to `max` pieces drawn from `pieces` (mulberry32). */
function* samples(pieces: string[], count = 4000, max = 14): Generator<string> {
  let seed = 0x12c0ffee;
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = 0; i < count; i++) {
    const length = Math.floor(next() * (max + 1));
    yield Array.from({ length }, () => pieces[Math.floor(next() * pieces.length)]!).join('');
  }
}

function matches(re: RegExp, text: string): string[][] {
  const copy = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  return [...text.matchAll(copy)].map((m) => [String(m.index), ...m.map((g) => g ?? '-')]);
}

function prefixLength(re: RegExp, text: string): number {
  return re.exec(text)?.[0].length ?? 0;
}

describe('linear rewrites match what the old patterns matched', () => {
  it('feed preamble scan', () => {
    const pieces = [
      '<?',
      '?>',
      '<!--',
      '-->',
      '<!DOCTYPE',
      '<!doctype',
      '[',
      ']',
      '>',
      ' ',
      '\n',
      'x',
      '-',
      '<',
    ];
    for (const s of samples(pieces))
      expect([s, skipXmlPreamble(s)]).toEqual([s, prefixLength(OLD.preamble, s)]);
  });

  it('HTML head comment scan', () => {
    const pieces = ['<!--', '-->', '--', '-', '>', ' ', '\t', 'x', '<', '!'];
    for (const s of samples(pieces)) {
      expect([s, skipCommentsAndSpaces(s)]).toEqual([s, prefixLength(OLD.comments, s)]);
    }
  });

  it('sentence boundaries and the abbreviation tail', () => {
    const pieces = ['.', '!', '?', '…', '"', ')', ']', '”', ' ', 'A', 'a', '1', '£', '“', 'e.g'];
    for (const s of samples(pieces)) {
      expect([s, matches(BOUNDARY, s)]).toEqual([s, matches(OLD.boundary, s)]);
      expect([s, LAST_WORD.exec(s)?.[0]]).toEqual([s, OLD.lastWord.exec(s)?.[1]]);
    }
  });

  it('dangling punctuation', () => {
    const pieces = [' ', ',', ';', ':', '.', '-', '–', '—', 'x', '\n'];
    for (const s of samples(pieces))
      expect([s, s.replace(DANGLING, '')]).toEqual([s, s.replace(OLD.dangling, '')]);
  });

  it('distinctive numbers', () => {
    const pieces = [
      '1',
      '0',
      '12',
      ',',
      ',000',
      '.',
      '£',
      '$',
      ' ',
      'k',
      'm',
      'bn',
      '%',
      'x',
      ' per cent',
      'A',
    ];
    for (const s of samples(pieces)) {
      expect([s, matches(NUMBER_PATTERN, s)]).toEqual([s, matches(OLD.number, s)]);
    }
  });

  it('search word edge punctuation', () => {
    const pieces = ['-', '.', '*', '"', 'a', '1', 'é', '—', '_'];
    for (const s of samples(pieces))
      expect([s, s.replace(EDGE_PUNCTUATION, '')]).toEqual([s, s.replace(OLD.edge, '')]);
  });

  it('one-line error messages', () => {
    const pieces = [' ', '\n', '\t', '\r', 'a', '\u00a0'];
    for (const s of samples(pieces))
      expect([s, joinLines(s)]).toEqual([s, s.replace(OLD.lines, ' ')]);
  });
});

describe('RSS "email (Name)" authors', () => {
  it.each([
    ['jo@nhs.test (Jo Bloggs)', 'Jo Bloggs'],
    ['jo@nhs.test(Jo)  ', 'Jo'],
    ['a@b@c (Name (NHS))', 'Name (NHS)'],
    ['Jo Bloggs', null],
    ['jo@nhs.test', null],
    ['@nhs.test (Jo)', null],
    ['jo@ (Jo)', null],
    ['jo@nhs.test (Jo', null],
  ])('%s -> %s', (text, name) => {
    expect(nameFromEmailAuthor(text)).toBe(name);
    expect(EMAIL_WITH_NAME.flags).toBe('');
  });
});
