// What a sum is, from its own sentence: the head noun phrase after it ("£5bn savings target",
// "£78m contract", "£20m-a-year contract") or, when nothing follows, the noun it measures before
// it ("a deficit of £1.2bn" -> "£1.2bn deficit", "a contract worth £78m" -> "£78m contract").
// Short (at most six words with the sum), never across a sentence end, letters only: markup,
// digits, dashes and quotes end the phrase, so hostile text cannot ride along. Pure.

const MAX_NOUN_WORDS = 4;
const MAX_WORDS = 6;
const MAX_WORD_CHARS = 30;
/** How far either side of the sum to look; a sentence longer than this is cut, not crossed. */
const WINDOW = 120;

// Words that cannot be part of the noun phrase: articles, prepositions, conjunctions, pronouns,
// auxiliaries, frequent verbs and adverbs. A small closed list; nouns are the open class.
const STOP = new Set(
  (
    'a an the this that these those its their his her our your my some any each every no ' +
    'of to for in on at by with from into onto over under after before about against between ' +
    'through during without within across towards toward per via as than up down off out ' +
    'and or but nor so yet if while because although though whereas plus ' +
    'it they he she we you i which who whom whose what where when how ' +
    'is are was were be been being am will would shall should can could may might must ' +
    'has have had do does did follows follow goes go went comes come came rises rise rose ' +
    'falls fall fell remains remain stays stay needs need takes take took makes make made ' +
    'gives give gave says say said shows show means mean covers cover gets get got ' +
    'more less also only just even still already now then again too very much not never ' +
    'further extra additional another other same such'
  ).split(' '),
);

/** Before "of", these say how much of the sum, not what it is ("part of £5bn"). */
const NOT_A_HEAD = new Set(
  'part one some most all much lot lots half rest share total sum amount'.split(' '),
);

const WORD = /^[\p{L}][\p{L}'’-]*$/u;
// Ends a sentence: . ! ? ; : or a line break, when followed by space or the end (not "1.2").
// The lookbehind lets a run of marks start a match only where the run starts (linear time).
const SENTENCE_END = /(?<![.!?;:])[.!?;:]+(?=\s|$)|\n/u;
const SENTENCE_ENDS = new RegExp(SENTENCE_END.source, 'gu');
// The word linking a noun to the sum after it: "deficit of £1.2bn", "contract worth £78m".
const LEFT_LINK = /\s(?:of|worth|totalling|totaling|costing|valued at|priced at)\s*$/iu;
/** Adverbs that follow sums ("£2m annually"); -ly alone would also drop "supply". */
const ADVERBS = new Set(
  'annually yearly monthly weekly daily recently nearly roughly approximately respectively initially previously largely mainly partly currently overall instead'.split(
    ' ',
  ),
);

// The patterns below are made once, not at every call (a regex literal is a new object each time
// it is evaluated); none is global or sticky, so sharing them keeps no state between calls.
/** "£20m-a-year contract": a hyphenated rate belongs to the sum. */
const RATE = /^-(?:a|per)-(?:year|month|week|day)\b/iu;
const SPACES = /\s+/;
const SPACES_U = /\s+/u;
/** A word of nounAfter's window (global: shared, lastIndex reset before each use). */
const NON_SPACE = /\S+/gu;
const LEADING_SPACE = /^\s/u;
/** Closing marks after a word; a run only where the run starts (linear time). */
const TRAILING_MARKS = /(?<![,)\]"”’])[,)\]"”’]+$/u;
/** A word cut after a hyphen or apostrophe. */
const CUT_WORD = /[-'’]$/u;
const POSSESSIVE = /['’]s$/iu;

/** The context phrase for the sum at [start, end) of `text`, or undefined when none is clear. */
export function describeSumContext(text: string, start: number, end: number): string | undefined {
  let sum = text.slice(start, end).trim();
  let after = sentenceAfter(text, end);
  // "£20m-a-year contract": a hyphenated rate belongs to the sum.
  const rate = RATE.exec(after);
  if (rate) {
    sum += rate[0];
    after = after.slice(rate[0].length);
  }
  const budget = MAX_WORDS - sum.split(SPACES).length;
  if (budget <= 0) return undefined;
  const following = nounAfter(after, Math.min(budget, MAX_NOUN_WORDS));
  if (following.length > 0) return `${sum} ${following.join(' ')}`;
  const preceding = nounBefore(sentenceBefore(text, start), Math.min(budget, MAX_NOUN_WORDS));
  return preceding.length > 0 ? `${sum} ${preceding.join(' ')}` : undefined;
}

function sentenceAfter(text: string, end: number): string {
  const rest = text.slice(end, end + WINDOW);
  const stop = SENTENCE_END.exec(rest);
  return stop ? rest.slice(0, stop.index) : rest;
}

function sentenceBefore(text: string, start: number): string {
  const from = Math.max(0, start - WINDOW);
  const before = text.slice(from, start);
  let cut = 0;
  // One shared global copy, not a new RegExp per sum (matches are never empty).
  SENTENCE_ENDS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_ENDS.exec(before)) !== null) cut = m.index + m[0].length;
  return before.slice(cut);
}

/** Leading noun words of `after` ("savings target would fall" -> ["savings", "target"]). */
function nounAfter(after: string, limit: number): string[] {
  if (!LEADING_SPACE.test(after)) return [];
  const words: string[] = [];
  // The words one by one (runs of non-space, as `trim().split(/\s+/u)` gives them, trim and \s
  // meaning the same spaces), not the whole window split first: at most `limit` are read.
  NON_SPACE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NON_SPACE.exec(after)) !== null) {
    const raw = m[0];
    // "loan," or "grant)" ends the phrase with its word; other punctuation ends it before.
    const token = raw.replace(TRAILING_MARKS, '');
    if (words.length >= limit || !isNounWord(token)) break;
    words.push(token);
    if (token !== raw) break;
  }
  // A phrase ending in a hyphen or apostrophe is cut mid-word: drop it.
  return words.length > 0 && CUT_WORD.test(words.at(-1)!) ? [] : words;
}

/** The noun a sum measures from before it: "the trust's deficit of" -> ["deficit"]. */
function nounBefore(before: string, limit: number): string[] {
  const link = LEFT_LINK.exec(before);
  if (!link) return [];
  const words: string[] = [];
  for (const token of before.slice(0, link.index).trim().split(SPACES_U).reverse()) {
    if (words.length >= limit || !isNounWord(token) || POSSESSIVE.test(token)) break;
    words.unshift(token);
  }
  if (words.length > 0 && NOT_A_HEAD.has(words.at(-1)!.toLowerCase())) return [];
  return words;
}

function isNounWord(token: string): boolean {
  if (token.length > MAX_WORD_CHARS || !WORD.test(token)) return false;
  const lower = token.toLowerCase();
  // Past participles and adverbs follow sums as verbs ("£5bn needed", "£2m annually"); short
  // words ending "ed" are nouns ("bed", "shed").
  if (STOP.has(lower) || ADVERBS.has(lower)) return false;
  return !(lower.length > 4 && lower.endsWith('ed'));
}
