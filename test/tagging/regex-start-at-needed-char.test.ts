// A regex whose branches each start with a character or need a word ("£\d...|\b(?:millions|
// billions) of pounds\b") starts at each occurrence of its one character when the story's scan
// found none of the words in the field (field-hits.ts, issue 18, tag7): only the character's
// branch can match there. The matches must be exactly those a scan from every position finds:
// with and without the words, the words before the first "£", and fields with words outside
// ASCII (where the scan's word check cannot be trusted and the regex runs from the start).
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseThemes } from '../../src/config/themes.js';
import { compileThemes } from '../../src/tagging/compile-themes.js';
import { collectFieldHits } from '../../src/tagging/field-hits.js';
import { compileGazetteer } from '../../src/tagging/organisations.js';
import { scanStory } from '../../src/tagging/scan-story.js';
import { oneRegexThemes } from '../helpers/one-regex-themes.js';

const THEMES = oneRegexThemes('£\\d+m?(?=[ ,.]|$)|\\b(?:millions|billions) of pounds\\b');

const TEXTS = [
  'The £ sign, then £5m, £ and £7m.',
  '££5m£6m £ 7m £8',
  'Millions of pounds were spent, then £9m more and billions of pounds.',
  'Spent billions of pounds',
  'Nothing here £ at all £x',
  'A café spent £4m and millions of pounds',
  'Über £3m, then billions of pounds',
  'millions of euros, £2m.',
  '',
];

const parsed = parseThemes('themes.yaml', parse(THEMES));
if (!parsed.ok) throw new Error('test themes invalid');
const compiled = compileThemes(parsed.value);
const gazetteer = compileGazetteer([]);

describe('starting a regex at its one needed character', () => {
  it('needs "£" or a word, with no first character', () => {
    expect(compiled.regexes[0]!.firstChar).toBeNull();
    expect(compiled.regexes[0]!.needs).toEqual({ chars: ['£'] });
  });

  it('finds every match a scan from every position finds', () => {
    const everyPosition = new RegExp(compiled.regexes[0]!.regex.source, 'gi');
    for (const text of TEXTS) {
      const story = { title: text, summary: `${text} ${text}` };
      const scan = scanStory(story, compiled, gazetteer);
      const { ruleHits } = collectFieldHits(
        story,
        compiled,
        [],
        scan.phraseHits,
        scan.contextHits,
        scan.ruleHits,
        scan.asciiWords,
      );
      const found = ruleHits[0]!.map((h) => [h.order, h.start, h.end]);
      const expected = [story.title, story.summary].flatMap((field, order) =>
        [...field.matchAll(everyPosition)].map((m) => [order, m.index, m.index + m[0].length]),
      );
      expect(found, text).toEqual(expected);
    }
  });
});
