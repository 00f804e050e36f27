// One or two sentences of summary for a digest entry, cut at a sentence boundary.
// Rules: the first sentence always; the second only while the total stays within maxChars; a first
// sentence longer than maxChars is cut at a word boundary with an ellipsis. Abbreviations ("Dr.",
// "e.g.", initials) and decimals ("£1.2bn") do not end a sentence.

const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'sir',
  'st',
  'no',
  'vs',
  'etc',
  'eg',
  'ie',
  'e.g',
  'i.e',
  'inc',
  'ltd',
  'co',
  'rt',
  'hon',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

/** Splits plain text into sentences (keeping their end punctuation). */
export function splitSentences(text: string): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return [];
  const sentences: string[] = [];
  let start = 0;
  const boundary = /[.!?…]+["'\u2019\u201d)]*\s+(?=["'\u2018\u201c(£$]?[A-Z0-9])/g;
  for (const match of clean.matchAll(boundary)) {
    const end = match.index + match[0].trimEnd().length;
    const before = clean.slice(start, match.index);
    const lastWord = (/([A-Za-z.]+)$/.exec(before)?.[1] ?? '').toLowerCase();
    const isInitial = /^[A-Z]$/.test(before.slice(-1)) && /(^|\s)[A-Z]$/.test(before.slice(-2));
    if (match[0].startsWith('.') && (ABBREVIATIONS.has(lastWord) || isInitial)) continue;
    sentences.push(clean.slice(start, end));
    start = match.index + match[0].length;
  }
  if (start < clean.length) sentences.push(clean.slice(start));
  return sentences;
}

function cutAtWord(text: string, maxChars: number): string {
  const cut = text.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  const base = space > maxChars / 2 ? cut.slice(0, space) : cut;
  return `${base.replace(/[\s,;:.\-–—]+$/, '')}…`;
}

/** The first one or two sentences within `maxChars` (default 280). */
export function summarise(text: string, maxChars = 280): string {
  const sentences = splitSentences(text);
  if (sentences.length === 0) return '';
  const first = sentences[0]!;
  if (first.length > maxChars) return cutAtWord(first, maxChars);
  const second = sentences[1];
  if (second !== undefined && first.length + 1 + second.length <= maxChars) {
    return `${first} ${second}`;
  }
  return first;
}
