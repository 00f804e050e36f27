// What clustering compares: each story reduced to normalised word sets and distinctive numbers.
// Rules: lower-case, accents and punctuation dropped, common English and newsroom words removed,
// a light plural/verb-ending stem so "launches"/"launched"/"launch" meet; numbers that identify an
// announcement (sums, counts, percentages) kept separately, years and small numbers not.

const STOPWORDS = new Set(
  (
    'a about after again against all also an and any are as at be been before being but by can ' +
    'could did do does for from further had has have he her his how i if in into is it its more ' +
    'most new no not now of on or our out over own says said say she should so some such than ' +
    'that the their them then there these they this those through to too under up us very was ' +
    'we were what when where which while who why will with would you your year years week weeks ' +
    'day days today yesterday latest news update updates report reports announces announced ' +
    'announce warns warn set sets plan plans one two three first last next per cent'
  ).split(' '),
);

/** Whether clustering ignores a (lower-case) word as too common to tell stories apart. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  million: 1e6,
  mn: 1e6,
  bn: 1e9,
  billion: 1e9,
  tn: 1e12,
  trillion: 1e12,
};

// `(?<!\d)`: a number starts where its digits start. Without it a long digit run followed by a
// letter was retried from each of its digits (quadratic; issue 12); the matches are the same.
export const NUMBER_PATTERN =
  /(£|\$|€)?\s?(?<!\d)(\d+(?:,\d{3})*(?:\.\d+)?)\s?(k|thousand|mn|m|million|bn|billion|tn|trillion|%|per cent)?(?![a-z0-9])/gi;

export interface StoryFeatures {
  /** Content-word stems of the title. */
  title: Set<string>;
  /** Content-word stems of the title and summary. */
  body: Set<string>;
  /** Distinctive numbers, normalised ("£1.2bn" and "£1,200m" are both "£1200000000"). */
  numbers: Set<string>;
  /** The sums among `numbers`. */
  sums: Set<string>;
  /** Ids of local organisations named (trusts, ICBs, others; not national bodies). */
  organisations: Set<string>;
  /** URL without scheme, `www.`, query or trailing slash; null when none. */
  url: string | null;
}

/** "scrapp" -> "scrap", "plann" -> "plan" (after cutting -ed/-ing); keeps "staff", "bill". */
function undouble(word: string): string {
  const n = word.length;
  return n > 1 && word[n - 1] === word[n - 2] && 'bdgmnprt'.includes(word[n - 1]!)
    ? word.slice(0, -1)
    : word;
}

function stem(word: string): string {
  if (word.length <= 4) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 6) return undouble(word.slice(0, -3));
  if (word.endsWith('ed') && word.length > 5) return undouble(word.slice(0, -2));
  if (word.endsWith('es') && /(ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

// NHS terms written out or abbreviated: both forms become the acronym so headlines meet.
// Matched on word sequences (the last word may take a plural "s").
const EXPANSIONS: [string[], string][] = [
  [['cost', 'improvement', 'plan'], 'cip'],
  [['cost', 'improvement', 'programme'], 'cip'],
  [['cips'], 'cip'],
  [['integrated', 'care', 'board'], 'icb'],
  [['icbs'], 'icb'],
  [['integrated', 'care', 'system'], 'ics'],
  [['sustainability', 'and', 'transformation', 'plan'], 'stp'],
  [['sustainability', 'and', 'transformation', 'partnership'], 'stp'],
  [['stps'], 'stp'],
  [['multispecialty', 'community', 'provider'], 'mcp'],
  [['multi', 'specialty', 'community', 'provider'], 'mcp'],
  [['mcps'], 'mcp'],
  [['accountable', 'care', 'organisation'], 'aco'],
  [['acos'], 'aco'],
  [['accident', 'and', 'emergency'], 'ae'],
  [['a', 'e'], 'ae'],
  [['coronavirus'], 'covid'],
  [['pandemic'], 'covid'],
  [['covid', '19'], 'covid'],
];
const EXPANSIONS_BY_FIRST = new Map<string, [string[], string][]>();
for (const expansion of EXPANSIONS) {
  const first = expansion[0][0]!;
  EXPANSIONS_BY_FIRST.set(first, [...(EXPANSIONS_BY_FIRST.get(first) ?? []), expansion]);
}

function matchExpansion(words: string[], at: number): [length: number, acronym: string] | null {
  const candidates = EXPANSIONS_BY_FIRST.get(words[at]!);
  if (candidates === undefined) return null;
  for (const [phrase, acronym] of candidates) {
    const matches = phrase.every((part, k) => {
      const word = words[at + k];
      return word === part || (k === phrase.length - 1 && word === `${part}s`);
    });
    if (matches) return [phrase.length, acronym];
  }
  return null;
}

function isDigits(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** A word that may begin a written-out term (EXPANSIONS): matched against its neighbours. */
const MAY_EXPAND = '\u0000';
/**
 * What each lower-case word becomes on its own: its stem, '' when dropped (stopword, number,
 * one letter), or MAY_EXPAND. A week's stories share a vocabulary of a few thousand words, so
 * looking a word up once replaces the stopword, digit and stem checks (issue 18: describing a
 * 2,400-story week). A memo only: the same result as computing it; cleared when it grows large.
 */
const WORD_CACHE = new Map<string, string>();
const WORD_CACHE_LIMIT = 50_000;

function wordAlone(word: string): string {
  return word.length < 2 || STOPWORDS.has(word) || isDigits(word) ? '' : stem(word);
}

function lookUpWord(word: string): string {
  let known = WORD_CACHE.get(word);
  if (known === undefined) {
    if (WORD_CACHE.size >= WORD_CACHE_LIMIT) WORD_CACHE.clear();
    known = EXPANSIONS_BY_FIRST.has(word) ? MAY_EXPAND : wordAlone(word);
    WORD_CACHE.set(word, known);
  }
  return known;
}

/**
 * Text that NFKD folding could change into other letters or digits: anything outside ASCII except
 * the punctuation news text is full of (£ € ‘ ’ “ ” – — have no decomposition; no-break space
 * and … decompose to spaces and dots). Those are word breaks either way, so text holding only them
 * splits into the same words unfolded, and skips normalize(), which cost more than the rest of
 * contentWords on a headline with a sum in it (issue 18: search groups 30 hits per query).
 */
// eslint-disable-next-line no-control-regex
const MAY_FOLD = /[^\x00-\x7f£€‘’“”–—\u00a0…]/;

/** Content-word stems of a text. */
export function contentWords(text: string): string[] {
  const folded = MAY_FOLD.test(text)
    ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    : text;
  const words = folded.toLowerCase().split(/[^a-z0-9]+/);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    let known = lookUpWord(word);
    if (known === MAY_EXPAND) {
      const expansion = matchExpansion(words, i);
      if (expansion) {
        out.push(expansion[1]);
        i += expansion[0] - 1;
        continue;
      }
      known = wordAlone(word);
    }
    if (known !== '') out.push(known);
  }
  return out;
}

/** NUMBER_PATTERN's own copy for distinctiveNumbers' exec loop (a global regex keeps state). */
const NUMBER_SCAN = new RegExp(NUMBER_PATTERN.source, NUMBER_PATTERN.flags);

/** Numbers worth matching on: sums of money, percentages, counts of 10 or more; not years. */
export function distinctiveNumbers(text: string): string[] {
  const out: string[] = [];
  if (!/\d/.test(text)) return out;
  NUMBER_SCAN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = NUMBER_SCAN.exec(text)) !== null) {
    const currency = match[1] ?? '';
    const digits = match[2]!;
    const raw = Number(digits.includes(',') ? digits.replace(/,/g, '') : digits);
    const unit = match[3] === undefined ? '' : match[3].toLowerCase();
    if (!Number.isFinite(raw)) continue;
    if (unit === '%' || unit === 'per cent') {
      out.push(`${raw}%`);
      continue;
    }
    const value = raw * (MULTIPLIERS[unit] ?? 1);
    const looksLikeYear = !currency && !unit && Number.isInteger(raw) && raw >= 1900 && raw <= 2100;
    if (looksLikeYear || (!currency && value < 10)) continue;
    out.push(`${currency}${Math.round(value * 100) / 100}`);
  }
  return out;
}

export function normaliseUrl(url: string | null): string | null {
  if (!url) return null;
  const cut = url.replace(/^https?:\/\//i, '').replace(/^www\./i, '');
  // Index scans, not `/[?#].*$/` and `/\/+$/`: both rescanned long runs from every position.
  const query = cut.search(/[?#]/);
  let end = query < 0 ? cut.length : query;
  while (end > 0 && cut[end - 1] === '/') end--;
  return cut.slice(0, end).toLowerCase() || null;
}

export function describeStory(story: {
  title: string;
  summary: string;
  url: string | null;
  entities?: { organisations: readonly { id: string; kind: string }[] };
}): StoryFeatures {
  const title = new Set(contentWords(story.title));
  const body = new Set(title);
  const summaryWords = contentWords(story.summary);
  for (let i = 0; i < summaryWords.length; i++) body.add(summaryWords[i]!);
  const numbers = new Set(distinctiveNumbers(`${story.title} ${story.summary}`));
  const sums = new Set<string>();
  for (const n of numbers) {
    const c = n.charCodeAt(0);
    if (c === 0xa3 || c === 0x24 || c === 0x20ac) sums.add(n); // £ $ €
  }
  const organisations = new Set<string>();
  for (const o of story.entities?.organisations ?? [])
    if (o.kind !== 'national') organisations.add(o.id);
  return { title, body, numbers, sums, organisations, url: normaliseUrl(story.url) };
}
