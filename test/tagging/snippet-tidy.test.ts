// Snippets of tidy fields (issue 18, tag5): the word table notes, in its one pass, whether a text
// holds space snippet.ts would tidy, and snippets of a field the scan found tidy skip the test on
// their slice. The note must be exactly snippet.ts's test, and a messy field is still tidied.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfigOrThrow } from '../../src/config/load.js';
import { annotateStory } from '../../src/tagging/annotate-story.js';
import { compileThemes } from '../../src/tagging/compile-themes.js';
import { compileGazetteer } from '../../src/tagging/organisations.js';
import { snippet } from '../../src/tagging/snippet.js';
import { tableWords } from '../../src/tagging/word-table.js';

// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const MESSY_SPACE = /[\x00-\x1f\xa0\u2028\u2029]| {2}/;

const TEXTS = [
  'Plain text with single spaces.',
  'Two  spaces',
  'Tab\there',
  'Line\nbreak',
  'No\u00a0break space',
  'Line\u2028separator and paragraph\u2029separator',
  ' leading and trailing ',
  'trailing double  ',
  '  ',
  ' ',
  '',
  'A&E  and R&D',
  "Lord Carter's  review",
  "Lord Carter's review",
  'Thin\u2009space and em\u2003space',
  'ÉCOLE école\u00a0Zoë',
  '\u0000\u001f',
  'x\u007fy',
];

describe('the word table notes messy space', () => {
  it('exactly as snippet.ts tests for it', () => {
    for (const text of TEXTS) {
      const table = tableWords(text);
      expect(table, text).not.toBeNull();
      expect(table!.messy, JSON.stringify(text)).toBe(MESSY_SPACE.test(text));
    }
  });
});

describe('snippets after a scan', () => {
  const config = loadConfigOrThrow(fileURLToPath(new URL('../../config/', import.meta.url)));
  const compiled = compileThemes(config.themes);
  const gazetteer = compileGazetteer(config.organisations);

  it('still tidy a messy field and leave a tidy one as it is', () => {
    const messy = 'Trusts  say the STP\tplan and the sustainability and transformation plan\nfail.';
    const tidy = 'Trusts say the sustainability and transformation plan is late.';
    const result = annotateStory({ title: tidy, summary: messy }, compiled, gazetteer);
    const contexts = result.tags.flatMap((t) => t.evidence.map((e) => [e.field, e.context]));
    expect(contexts.length).toBeGreaterThan(0);
    for (const [field, context] of contexts) {
      const text = field === 'title' ? tidy : messy;
      expect(context, field).not.toMatch(MESSY_SPACE);
      const start = text.indexOf('sustainability');
      expect(snippet(text, start, start + 14)).not.toMatch(MESSY_SPACE);
    }
    expect(contexts.some(([field]) => field === 'summary')).toBe(true);
  });
});
