// Every content construct a feed can carry text in, read through readDocument as a poll reads
// it: the stored title, summary and content must hold the text in document order, with a space
// where a block element or <br> separates words, none before punctuation that follows a removed
// element, and angle brackets kept as characters in fields that are plain text (Atom
// type="text", the Atom default per RFC 4287 §3.1.1, and titles that carry no tags).
// Each row is one whole document; `broken` rows add a stray unclosed tag so the tolerant reader
// (read-tolerant.ts) reads them instead of rss-parser, and both readers must agree.
import { describe, expect, it } from 'vitest';
import type { Source, Story } from '../../src/domain.js';
import { testSource } from '../helpers/poll-fixtures.js';
import { readDocument } from '../../src/ingest/read-document.js';
import { broken, CASES, type Case, type Field } from './content-constructs-cases.js';

const NOW = new Date('2026-12-03T10:00:00Z');
const SOURCE: Source = testSource('https://wire.example.org/feed.xml');

async function readOne(doc: string): Promise<{ story: Story; parser: string }> {
  const read = await readDocument(SOURCE, new TextEncoder().encode(doc), {
    contentType: 'application/xml',
    finalUrl: SOURCE.url,
    now: NOW,
  });
  if (!read.ok) throw new Error(read.reason);
  expect(read.stories).toHaveLength(1);
  return { story: read.stories[0]!, parser: read.feed.parser };
}

function fieldsOf(story: Story, want: Case['want']): Case['want'] {
  const got: Case['want'] = {};
  for (const field of Object.keys(want) as Field[]) got[field] = story[field];
  return got;
}

describe('content constructs read through readDocument', () => {
  it.each(CASES)('$name (rss-parser)', async ({ doc, want }) => {
    const { story, parser } = await readOne(doc);
    expect(parser).toBe('rss-parser');
    expect(fieldsOf(story, want)).toEqual(want);
  });

  it.each(CASES)('$name (tolerant reader)', async ({ doc, want }) => {
    const { story, parser } = await readOne(broken(doc));
    expect(parser).toBe('tolerant');
    expect(fieldsOf(story, want)).toEqual(want);
  });
});
