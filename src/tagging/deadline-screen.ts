// A cheap "no closing date here" for find-deadlines.ts, from the word table the story's one scan
// builds anyway (scan-story.ts, issue 18): a field none of whose words starts a trigger phrase
// cannot match find-deadlines.ts's trigger pattern, so its regex pass is skipped. Exact: the
// trigger pattern is case-insensitive ASCII between word boundaries (\b), so a match is a whole
// word of the table unless a letter outside ASCII touches it; a table with such letters, or none
// (text the fast path leaves to the slow one), says "maybe". Pure.
import { hashWord, type WordTable } from './word-table.js';

/**
 * The first word of every trigger phrase of find-deadlines.ts (TRIGGERS), lower case: "closing
 * date", "deadline", "closes", "closing", "close", "end(s)", "until", "by", "before", "no later
 * than". Keep the two lists together (test/tagging/deadline-screen.test.ts checks them).
 */
export const TRIGGER_FIRST_WORDS = [
  'closing',
  'deadline',
  'closes',
  'close',
  'end',
  'ends',
  'until',
  'by',
  'before',
  'no',
] as const;

const HASHES = new Set<number>(TRIGGER_FIRST_WORDS.map(hashWord));
/** Low bits of HASHES: most words miss here before the set is asked. */
const FILTER = new Uint8Array(1 << 12);
for (const hash of HASHES) FILTER[hash & 0xfff] = 1;

/** Per field (FIELDS order): false when the field surely holds no trigger phrase. */
export interface DeadlineScreen {
  mayHoldTrigger: boolean[];
  /** Per field: false when it surely holds no duration ("runs for eight weeks"); see below. */
  mayHoldDuration?: boolean[];
}

/**
 * Every duration pattern of find-deadlines.ts (DURATIONS) has "week" or "weeks" after "-" or a
 * space and before a word boundary (\b, ASCII) or a space: a whole word of the table unless a
 * letter outside ASCII touches it. Replaces a case-insensitive /week/ pass over every field.
 */
const WEEK_HASHES = [hashWord('week'), hashWord('weeks')] as const;

/** Whether the text the table was built from may hold a duration (null: not known). */
export function mayHoldDuration(table: WordTable | null): boolean {
  const screen: DeadlineScreen = { mayHoldTrigger: [false], mayHoldDuration: [false] };
  screenTable(table, screen, 0);
  return screen.mayHoldDuration![0]!;
}

/** Whether the text the table was built from may hold a trigger phrase (null: not known). */
export function mayHoldTrigger(table: WordTable | null): boolean {
  const screen: DeadlineScreen = { mayHoldTrigger: [false] };
  screenTable(table, screen, 0);
  return screen.mayHoldTrigger[0]!;
}

/**
 * Both answers above for field `order` in one pass over the words (scan-story.ts asks for both
 * of every field: two passes were two loops over every word of the story; issue 18, tag4). The
 * one place the screen is worked out: the single answers above ask it for one field, and
 * test/tagging/deadline-screen.test.ts checks that asking for both answers the same.
 */
export function screenTable(table: WordTable | null, screen: DeadlineScreen, order: number): void {
  const durations = screen.mayHoldDuration;
  if (table === null || table.nonAscii) {
    screen.mayHoldTrigger[order] = true;
    if (durations) durations[order] = true;
    return;
  }
  const lower = table.lower;
  const [week, weeks] = WEEK_HASHES;
  let trigger = false;
  // A screen without durations never looks for one: as if one were found already.
  let duration = durations === undefined;
  for (let i = 0; i < table.count && !(trigger && duration); i++) {
    const hash = lower[i]!;
    if (!trigger && FILTER[hash & 0xfff] === 1 && HASHES.has(hash)) trigger = true;
    if (!duration && (hash === week || hash === weeks)) duration = true;
  }
  screen.mayHoldTrigger[order] = trigger;
  if (durations) durations[order] = duration;
}
