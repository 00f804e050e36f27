// The needs screen of theme regexes (regex-needs.ts, issue 18, tag5): it names a character or a
// word only when every match needs one of them, so skipping a field without any never loses a
// match. Checked against the regex engine itself, over texts with and without the needed words,
// and through the tagger: a field the screen skips gets the same hits as one it lets through.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfigOrThrow } from '../../src/config/load.js';
import { annotateStory } from '../../src/tagging/annotate-story.js';
import { compileThemes } from '../../src/tagging/compile-themes.js';
import { compileGazetteer } from '../../src/tagging/organisations.js';
import { findStoryOrganisations } from '../../src/tagging/story-organisations.js';
import { tagStory } from '../../src/tagging/tag-story.js';
import { neededWords, regexNeeds } from '../../src/tagging/regex-needs.js';
import { tableWords, hashWord } from '../../src/tagging/word-table.js';

const TEXTS = [
  'Millions of pounds were spent; £40m more; the POUNDS sterling',
  'millions of poundsx and xpounds and pounds_ and of  pounds',
  'billions of pounds\nand millions of pound',
  'no money here at all, only 40m and 5bn',
  'ſtate of pounds and K of pounds',
  "the trust's pounds, the board’s pounds; 'pounds' (pounds)",
  'Carter said; Mr John Carter; dr carter',
  'poundage and pound-wise; millionaires and billionaire; millionss',
];

/** Every match of `source` over `text`, as the tagger runs it (global, empty matches skipped). */
function matchesOf(source: string, flags: string, text: string): string[] {
  const regex = new RegExp(source, `${flags}g`);
  return [...text.matchAll(regex)].map((m) => `${m.index}:${m[0]}`).filter((m) => !m.endsWith(':'));
}

/** Whether the screen lets `text` through: a needed character, or a needed word as a word. */
function passes(source: string, flags: string, text: string): boolean {
  const needs = regexNeeds(source, flags);
  if (needs === null) return true;
  if (needs.chars.some((c) => text.includes(c))) return true;
  const table = tableWords(text);
  if (table === null || table.nonAscii) return true;
  const words = new Set(needs.words.map(hashWord));
  for (let i = 0; i < table.count; i++) if (words.has(table.lower[i]!)) return true;
  return false;
}

describe('regexNeeds', () => {
  it('names a character or a word per branch', () => {
    expect(
      regexNeeds(
        '£\\d[\\d,.]*\\s?(?:bn|billion|m|million)\\b|\\b(?:millions|billions) of pounds\\b',
        'i',
      ),
    ).toEqual({ chars: ['£'], words: ['pounds'] });
    expect(regexNeeds('\\bintegrated care partnerships? \\(ICPs?\\)', 'i')).toEqual({
      chars: [],
      words: ['integrated'],
    });
    expect(regexNeeds('£\\d|\\$\\d', '')).toEqual({ chars: ['£', '$'], words: [] });
  });

  it('gives up where a word could be cut, optional, inside a group or not a whole word', () => {
    for (const source of [
      'pounds',
      '\\bpounds',
      'pounds\\b',
      '\\bpounds?\\b',
      '(?:\\bpounds\\b)?',
      ' pounds\\w*',
      'x pounds\\b|\\d',
      '\\bs\\b',
      ' a ',
      '\\b[a-z]ounds\\b',
      '\\bp{2}ounds\\b',
      '\\b?pounds\\b',
      ' {1,2}pounds\\b',
    ]) {
      const needs = regexNeeds(source, 'i');
      expect(needs === null || needs.words.length === 0, source).toBe(true);
    }
    expect(regexNeeds('\\bpounds\\b', 'iy')).toBeNull();
    expect(regexNeeds('\\bpounds\\b', 'v')).toBeNull();
    expect(regexNeeds('\\bpounds\\b', 'iu')).toEqual({ chars: [], words: ['pounds'] });
  });

  it('picks the longest whole word of a branch', () => {
    expect(neededWords('\\b(?:millions|billions) of pounds\\b')).toEqual(['pounds']);
    expect(neededWords('\\bnhs\\b')).toEqual(['nhs']);
    expect(neededWords('\\b\\w+ nhs\\b')).toEqual(['nhs']);
    // Too common to screen by.
    expect(neededWords('\\b\\w+ of\\b')).toBeNull();
    expect(neededWords('\\bMr (?:[A-Z][a-z]+ )?Carter\\b')).toEqual(['mr']);
  });

  it('takes the first words of a group between word edges', () => {
    expect(neededWords('\\b(?:millions|billions)\\b')).toEqual(['millions', 'billions']);
    expect(neededWords('\\b(?:pounds)\\b')).toEqual(['pounds']);
    expect(
      neededWords(
        '\\b(?:chief executive|chief exec|chair|boss)\\b[^.;:]{0,40}\\b(?:resign\\w*|quits?)\\b',
      ),
    ).toEqual(['chief', 'chair', 'boss']);
    expect(neededWords('\\b(?:contracts?|deals?) for\\b')).toEqual([
      'contract',
      'contracts',
      'deal',
      'deals',
    ]);
    expect(neededWords('\\b(?:contracts?|deals?)\\b')).toEqual([
      'contract',
      'contracts',
      'deal',
      'deals',
    ]);
    for (const source of [
      '\\b(?:contracts*|deals?)\\b',
      '\\b(?:contract ?s|deals?)\\b',
      '\\b(?:resign\\w*|quits?)\\b',
      '(?:pounds)\\b',
      '\\b(?:pounds)',
      '\\b(?:pounds)?\\b',
      '\\b(?=pounds)\\b',
      '\\b(?:a|pounds)\\b',
      '\\b(?:pounds|[a-z]+)\\b',
    ]) {
      expect(neededWords(source), source).toBeNull();
    }
  });

  it('never screens out a field the regex matches', () => {
    const sources: [string, string][] = [
      ['£\\d[\\d,.]*\\s?(?:bn|billion|m|million)\\b|\\b(?:millions|billions) of pounds\\b', 'i'],
      ['£\\d[\\d,.]*\\s?(?:bn|billion|m|million)\\b|\\b(?:millions|billions) of pounds\\b', 'iu'],
      ['\\bof pounds\\b', ''],
      ['\\bMr (?:[A-Z][a-z]+ )?Carter\\b', ''],
      [' pounds ', 'i'],
      ['\\b\\w+ of\\b', 'i'],
      ['\\b(?:millions|billions|pound)s?\\b', 'i'],
      ['\\b(?:pounds?|ſtate)\\b', 'iu'],
    ];
    let screened = 0;
    for (const [source, flags] of sources) {
      for (const text of TEXTS) {
        const matches = matchesOf(source, flags, text);
        if (!passes(source, flags, text)) {
          screened++;
          expect(matches, `${source} on ${text}`).toEqual([]);
        }
      }
    }
    expect(screened).toBeGreaterThan(0);
  });
});

describe('regex needs in the tagger', () => {
  const config = loadConfigOrThrow(fileURLToPath(new URL('../../config/', import.meta.url)));
  const compiled = compileThemes(config.themes);
  const gazetteer = compileGazetteer(config.organisations);

  it('screens a shipped regex by a needed word', () => {
    expect(compiled.regexes.some((r) => r.needs !== null)).toBe(true);
    expect(compiled.needPatterns.map((p) => p.text)).toContain('pounds');
  });

  it('gives the same tags as running every regex on every field', () => {
    const sentences = [
      'Trusts spent millions of pounds on agency staff, NHS England said.',
      'The STP plan will cost billions of pounds; the ICS disagrees.',
      'Café owners near the hospital lost millions of pounds in the STP rows.',
      'Integrated care systems and STPs plan £40m of savings in Zoë ward.',
      'Junior doctors strike again; the STP says nothing about money.',
    ];
    for (const title of sentences) {
      for (const summary of sentences) {
        const story = { title, summary, content: `${summary} ${title}` };
        const scanned = annotateStory(story, compiled, gazetteer);
        const organisations = findStoryOrganisations(story, gazetteer);
        const bare = tagStory(story, compiled, organisations);
        expect(scanned.tags, `${title} / ${summary}`).toEqual(bare.tags);
        expect(scanned.nearMisses, `${title} / ${summary}`).toEqual(bare.nearMisses);
      }
    }
  });
});

describe('regex needs from spellings and gates (issue 18, tag7)', () => {
  const CUTS = '\\b(?:cut(?:s|ting)?|axe[sd]?|los(?:e|es|ing))\\b[^.;:]{0,25}\\b(?:jobs|staff)\\b';
  const SPELT = [
    'The trust cuts staff; it axed jobs, then cutting staff and losing jobs.',
    'Cut staff. Axe jobs! Shortcuts to staff, cutter jobs, axes: staff',
    'It lost jobs and loss of staff; the axe fell; closing jobs; ax jobs',
    'Staff and jobs, with nothing done to them',
    'Café cuts staff',
  ];

  it('reads a word of a few spellings as those words', () => {
    expect(neededWords('\\b(?:cut(?:s|ting)?|axe[sd]?|axing)\\b')).toEqual([
      'cut',
      'cuts',
      'cutting',
      'axe',
      'axes',
      'axed',
      'axing',
    ]);
    expect(neededWords('\\b(?:los(?:e|es|ing))\\b')).toEqual(['lose', 'loses', 'losing']);
    for (const source of [
      '\\b(?:cut(?:s|ting)*|axing)\\b',
      '\\b(?:cut\\w*|axing)\\b',
      '\\b(?:cut[a-z]+|axing)\\b',
      '\\b(?:cut(?:s|t\\w)?|axing)\\b',
      '\\b(?:cut(?:s|ting)? out|axing)s\\b',
      '\\b(?:a(?:x)?|axing)\\b',
    ]) {
      expect(neededWords(source), source).toBeNull();
    }
  });

  it('prefers words other than the gate words of a gated regex', () => {
    expect(regexNeeds(CUTS, 'i')?.words).toEqual(['jobs', 'staff']);
    expect(regexNeeds(CUTS, 'i', ['jobs', 'staff'])?.words).toEqual([
      'cut',
      'cuts',
      'cutting',
      'axe',
      'axes',
      'axed',
      'lose',
      'loses',
      'losing',
    ]);
    // With nothing else to screen by, the gate words still do.
    expect(regexNeeds('\\b(?:jobs|staff)\\b', 'i', ['jobs', 'staff'])?.words).toEqual([
      'jobs',
      'staff',
    ]);
  });

  it('never screens out a field the regex matches', () => {
    let screened = 0;
    for (const flags of ['i', '', 'iu']) {
      for (const text of [...SPELT, ...TEXTS]) {
        const needs = regexNeeds(CUTS, flags, ['jobs', 'staff']);
        const words = new Set(needs!.words.map(hashWord));
        const table = tableWords(text);
        let through = table === null || table.nonAscii;
        for (let i = 0; table !== null && i < table.count; i++) {
          if (words.has(table.lower[i]!)) through = true;
        }
        if (!through) {
          screened++;
          expect(matchesOf(CUTS, flags, text), `${flags} ${text}`).toEqual([]);
        }
      }
    }
    expect(screened).toBeGreaterThan(0);
  });
});
