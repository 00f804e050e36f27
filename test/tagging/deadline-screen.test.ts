// The closing-date screen (deadline-screen.ts, issue 18): a field it clears must hold no trigger
// phrase of find-deadlines.ts, so polling's deadlines are the same with and without it.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfigOrThrow } from '../../src/config/load.js';
import { annotateStory } from '../../src/tagging/annotate-story.js';
import { compileThemes } from '../../src/tagging/compile-themes.js';
import {
  mayHoldDuration,
  mayHoldTrigger,
  screenTable,
  type DeadlineScreen,
} from '../../src/tagging/deadline-screen.js';
import { ANY_TRIGGER, findDeadlines } from '../../src/tagging/find-deadlines.js';
import { compileGazetteer } from '../../src/tagging/organisations.js';
import { tableWords } from '../../src/tagging/word-table.js';
import { loadDevSet } from '../eval/eval-tagging.js';

const CONFIG = fileURLToPath(new URL('../../config/', import.meta.url));
const ZONE = 'Europe/London';

/** Every phrase the trigger pattern names, read off its source ("ends?" gives end and ends). */
function triggerPhrases(): string[] {
  const bare = ANY_TRIGGER.source.replace(/\\b|\(\?:|\)/g, '');
  return bare
    .split('|')
    .flatMap((p) => (p.endsWith('s?') ? [p.slice(0, -2), `${p.slice(0, -2)}s`] : [p]));
}

const TEXTS = [
  'The consultation closes on 3 March 2024.',
  'Responses are invited BY 12 May.',
  'The tender Deadline is Friday 7 June at 5pm.',
  'Applications are open until 31 July 2025 at midnight.',
  'Bids no later than 4 April; the closing date is 9 April.',
  'Submissions éby 3 March to the consultation.',
  'Submissions by_ 3 March to the consultation, café until 3 May.',
  'The consultation’s deadline’s 3 March',
  'Nothing closes here: a ward shuts and a bed is opened.',
  'ΣΑΣ consultation closes 3 March',
  // Durations (the duration screen): any case, hyphens, plurals, a letter outside ASCII.
  'The consultation RUNS FOR EIGHT WEEKS.',
  'An eight-week consultation opens; a 12-Week public consultation too.',
  'The survey is open for the next six weeksé on responses.',
  'Bids: a two-week engagement and a week’s delay.',
  '',
];
/** Text with "week" only inside longer words, which no duration pattern can match. */
const NO_DURATION = 'Weekly responses to the consultation ran for weekends.';

describe('deadline screen', () => {
  it('lets through every trigger phrase find-deadlines knows, in any case', () => {
    const phrases = triggerPhrases();
    expect(phrases.length).toBeGreaterThan(8);
    for (const phrase of phrases) {
      for (const text of [`Say ${phrase} 3 March.`, `SAY ${phrase.toUpperCase()}, 3 MARCH`]) {
        expect(ANY_TRIGGER.test(text), text).toBe(true);
        expect(mayHoldTrigger(tableWords(text)), text).toBe(true);
      }
    }
  });

  it('clears text without one', () => {
    expect(mayHoldTrigger(tableWords('Trust leaders warn about waiting lists.'))).toBe(false);
    expect(mayHoldTrigger(tableWords('Bypass the endless backlog beforehand.'))).toBe(false);
  });

  it('lets through every duration, clears text without the word "week"', () => {
    for (const text of TEXTS.filter((t) => /week/i.test(t))) {
      expect(mayHoldDuration(tableWords(text)), text).toBe(true);
    }
    expect(mayHoldDuration(tableWords(NO_DURATION))).toBe(false);
    expect(mayHoldDuration(tableWords('Trust leaders warn about waiting lists.'))).toBe(false);
  });

  it('never changes the deadlines found', () => {
    const config = loadConfigOrThrow(CONFIG);
    const compiled = compileThemes(config.themes);
    const gazetteer = compileGazetteer(config.organisations);
    const screen: DeadlineScreen = {
      mayHoldTrigger: [true, true, true],
      mayHoldDuration: [true, true, true],
    };
    const stories = [
      { title: NO_DURATION, summary: 'It runs for 8 weeks.', publishedAt: '2024-02-01T09:00:00Z' },
      ...TEXTS.map((summary, i) => ({
        title: TEXTS[(i + 3) % TEXTS.length]!,
        summary,
        content: TEXTS[(i + 5) % TEXTS.length]!,
        publishedAt: '2024-02-01T09:00:00Z',
      })),
      ...loadDevSet().map((s) => ({ ...s, publishedAt: '2024-02-01T09:00:00Z' })),
    ];
    let cleared = 0;
    for (const story of stories) {
      annotateStory(story, compiled, gazetteer, 'tags-only', screen);
      cleared += screen.mayHoldTrigger.filter((may) => !may).length;
      cleared += screen.mayHoldDuration!.filter((may) => !may).length;
      expect(findDeadlines(story, ZONE, screen)).toEqual(findDeadlines(story, ZONE));
    }
    for (const text of TEXTS) {
      if (ANY_TRIGGER.test(text)) expect(mayHoldTrigger(tableWords(text)), text).toBe(true);
    }
    expect(cleared).toBeGreaterThan(0);
  });

  it('screens a field in one pass exactly as the two screens do (issue 18, tag4)', () => {
    const texts = [
      ...TEXTS,
      NO_DURATION,
      'It runs for 8 weeks until 3 May.',
      'A week by week plan',
      ...loadDevSet().flatMap((s) => [s.title, s.summary]),
    ];
    for (const text of texts) {
      const table = tableWords(text);
      const trigger = mayHoldTrigger(table);
      const duration = mayHoldDuration(table);
      const both: DeadlineScreen = { mayHoldTrigger: [], mayHoldDuration: [] };
      screenTable(tableWords(text), both, 1);
      expect([both.mayHoldTrigger[1], both.mayHoldDuration![1]], text).toEqual([trigger, duration]);
      const triggerOnly: DeadlineScreen = { mayHoldTrigger: [] };
      screenTable(tableWords(text), triggerOnly, 2);
      expect(triggerOnly.mayHoldTrigger[2], text).toBe(trigger);
      expect(triggerOnly.mayHoldDuration, text).toBeUndefined();
    }
    const unknown: DeadlineScreen = { mayHoldTrigger: [false], mayHoldDuration: [false] };
    screenTable(null, unknown, 0);
    expect(unknown).toEqual({ mayHoldTrigger: [true], mayHoldDuration: [true] });
  });
});
