// What every match of a theme regex needs in its field, when the pattern says so plainly, so a
// field without it skips the regex (issue 18, tag5: "£\d...|\b(?:millions|billions) of pounds\b"
// ran on every field of every story and matched in under a third). Per top-level branch: the
// branch's first character (regex-first-char.ts), else a whole word the branch spells out
// between word edges ("... of pounds\b" needs the word "pounds"), else the first words of a
// group between word edges whose every alternative starts with a whole word ("\b(?:chief
// executive|chair|boss)\b" needs "chief", "chair" or "boss"). Very common words are never used.
// The field is asked for a character with indexOf and for the words through the story's one
// word scan (scan-story.ts's folded index holds them). A pattern with a branch that names none
// gets null: it always runs.
//
// Why the word test is exact: the word is ASCII letters, at depth 0 of its branch (or leading an
// alternative of such a group), with no quantifier but a plural "s?" that is listed as a second
// word, preceded by `\b` or a literal space and followed by `\b` or a literal space. In a field
// whose words are all ASCII (the caller runs the regex anyway otherwise: the scan's `nonAscii`),
// such a match is a whole word of the word scan: ASCII letters and digits are word characters to
// both, anything else in ASCII to neither, and a code unit outside ASCII next to it is either
// part of a word (so the field's words are not all ASCII) or not a word character to either.
// Case: without `i` the word must match as written, a subset of the scan's case-insensitive
// test; with `i` (and no `u`) ASCII letters fold only to ASCII letters; with `u` too, "ſ" and the
// Kelvin sign fold to "s" and "k", but they are letters outside ASCII. Words of one letter are
// left out ("'s" is dropped by the scan). Pure.
import { branchesOf, firstLiteralChar } from './regex-first-char.js';

export interface RegexNeeds {
  /** Per branch that starts with a literal: that character (indexOf finds it). */
  chars: string[];
  /** Per other branch: words it needs one of, lower case (the phrase index finds them). */
  words: string[];
}

/**
 * A token of a branch at depth 0: a literal character, a word edge, or anything else (groups,
 * classes, other escapes, anchors, the dot), and whether a quantifier follows it.
 */
interface Token {
  kind: 'char' | 'edge' | 'other';
  char: string;
  quantified: boolean;
  /** For a group: its source, parentheses included. */
  group?: string;
}

/** Escapes that stand for one literal character (the rest are classes, edges or references). */
const LITERAL_ESCAPES = '^$\\.*+?()[]{}|/- ';

function tokensOf(branch: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < branch.length) {
    const c = branch[i]!;
    let token: Token;
    if (c === '\\') {
      const e = branch[i + 1];
      if (e === undefined) return null;
      token =
        e === 'b'
          ? { kind: 'edge', char: '', quantified: false }
          : LITERAL_ESCAPES.includes(e)
            ? { kind: 'char', char: e, quantified: false }
            : { kind: 'other', char: '', quantified: false };
      i += 2;
    } else if (c === '(' || c === '[') {
      // Skip the whole group or class.
      let depth = 0;
      let inClass = false;
      let j = i;
      for (; j < branch.length; j++) {
        const d = branch[j];
        if (d === '\\') j++;
        else if (inClass) {
          if (d === ']') {
            inClass = false;
            if (depth === 0) break;
          }
        } else if (d === '[') inClass = true;
        else if (d === '(') depth++;
        else if (d === ')' && --depth === 0) break;
      }
      if (j >= branch.length) return null;
      token = { kind: 'other', char: '', quantified: false };
      if (c === '(') token.group = branch.slice(i, j + 1);
      i = j + 1;
    } else if ('?*+{'.includes(c)) {
      const last = tokens[tokens.length - 1];
      if (last === undefined) return null;
      last.quantified = true;
      if (c === '{') {
        const close = branch.indexOf('}', i);
        if (close < 0) return null;
        i = close + 1;
      } else {
        i++;
      }
      // A lazy quantifier's "?" belongs to it.
      if (branch[i] === '?') i++;
      continue;
    } else if ('^$.)]}|'.includes(c)) {
      token = { kind: 'other', char: '', quantified: false };
      i++;
    } else {
      token = { kind: 'char', char: c, quantified: false };
      i++;
    }
    tokens.push(token);
  }
  return tokens;
}

const ASCII_LETTER = /^[A-Za-z]$/;

/** A plain edge around a word: `\b` or a literal space, not quantified. */
function isEdge(token: Token | undefined): boolean {
  if (token === undefined || token.quantified) return false;
  return token.kind === 'edge' || (token.kind === 'char' && token.char === ' ');
}

/**
 * An alternative that starts with a whole word: ASCII letters, then the end of the alternative,
 * or a plural "s?" (then the end or a space), or a space no quantifier makes optional.
 */
const LEADING_WORD = /^([A-Za-z]{2,})(s\?)?(?:$| (?![?*+{]))/;

/**
 * An alternative that is one word of a few spellings: ASCII letters, then at most one
 * non-capturing group of letter endings or one class of letters, optional or not
 * ("cut(?:s|ting)?", "axe[sd]?", "los(?:e|es|ing)"). Between word edges, its match is one of
 * those words whole (issue 18, tag7).
 */
const FINITE_WORD = /^([A-Za-z]+)(?:\(\?:([A-Za-z|]*)\)(\?)?|\[([A-Za-z]+)\](\?)?)?$/;
/** More spellings than this and the group is left alone (each is a pattern in the scan). */
const MAX_SPELLINGS = 24;

/** The words a FINITE_WORD alternative spells, lower case, or null. */
function spellings(alternative: string): string[] | null {
  const m = FINITE_WORD.exec(alternative);
  if (m === null) return null;
  let endings = [''];
  if (m[2] !== undefined) endings = m[3] === undefined ? m[2].split('|') : ['', ...m[2].split('|')];
  else if (m[4] !== undefined) endings = m[5] === undefined ? [...m[4]] : ['', ...m[4]];
  const words = endings.map((e) => `${m[1]!}${e}`.toLowerCase());
  return words.every((w) => w.length > 1) ? words : null;
}

/**
 * For a group whose every alternative starts with a whole word ("(?:chief executive|chair|
 * boss)") or is one word of a few spellings ("(?:cut(?:s|ting)?|axing)"), to be read between
 * word edges: those words (one is in every match), or null.
 */
function groupWords(group: string): string[] | null {
  let inner: string;
  if (group.startsWith('(?:')) inner = group.slice(3, -1);
  else if (group.startsWith('(') && !group.startsWith('(?')) inner = group.slice(1, -1);
  else return null;
  const words = new Set<string>();
  for (const alternative of branchesOf(inner)) {
    const m = LEADING_WORD.exec(alternative);
    if (m === null) {
      const spelt = spellings(alternative);
      if (spelt === null) return null;
      for (const word of spelt) words.add(word);
      continue;
    }
    words.add(m[1]!.toLowerCase());
    if (m[2] !== undefined) words.add(`${m[1]!.toLowerCase()}s`);
  }
  return words.size > MAX_SPELLINGS ? null : [...words];
}

/**
 * Words too common to screen by: nearly every field has one, so the regex would run anyway, and
 * each would cost a walk and a hit per occurrence ("the" started a fifth of all walks).
 */
const COMMON = new Set(
  'the a an and or of to in on at by for with from as is are was be it that this not'.split(' '),
);

/**
 * Whether `words` is a better screen than `best`: none common, then not all in `avoid` (a gated
 * regex's `requires` words: they screen it already, so a group of other words adds a screen;
 * issue 18, tag7), then fewer words, then a longer shortest word.
 */
function better(
  words: readonly string[],
  best: readonly string[] | null,
  avoid: ReadonlySet<string>,
): boolean {
  if (words.some((w) => COMMON.has(w))) return false;
  if (best === null) return true;
  const redundant = words.every((w) => avoid.has(w));
  if (redundant !== best.every((w) => avoid.has(w))) return !redundant;
  if (words.length !== best.length) return words.length < best.length;
  return Math.min(...words.map((w) => w.length)) > Math.min(...best.map((w) => w.length));
}

/**
 * The words a branch needs one of (see the header), lower case, or null: a whole word it
 * spells out, else the first words of a group between word edges ("(?:chief executive|chair)").
 */
export function neededWords(
  branch: string,
  avoid: ReadonlySet<string> = new Set(),
): string[] | null {
  const tokens = tokensOf(branch);
  if (tokens === null) return null;
  const word = neededWord(tokens);
  if (word !== null) return [word];
  let best: string[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.group === undefined || token.quantified) continue;
    if (!isEdge(tokens[i - 1]) || !isEdge(tokens[i + 1])) continue;
    const words = groupWords(token.group);
    if (words !== null && better(words, best, avoid)) best = words;
  }
  return best;
}

/** The longest whole word the branch spells out (see the header), lower case, or null. */
function neededWord(tokens: readonly Token[]): string | null {
  let best: string | null = null;
  for (let i = 0; i < tokens.length;) {
    if (tokens[i]!.kind !== 'char' || !ASCII_LETTER.test(tokens[i]!.char)) {
      i++;
      continue;
    }
    let j = i;
    let word = '';
    let quantified = false;
    while (j < tokens.length && tokens[j]!.kind === 'char' && ASCII_LETTER.test(tokens[j]!.char)) {
      quantified ||= tokens[j]!.quantified;
      word += tokens[j]!.char;
      j++;
    }
    const usable = !quantified && word.length > 1 && !COMMON.has(word.toLowerCase());
    if (usable && isEdge(tokens[i - 1]) && isEdge(tokens[j])) {
      if (best === null || word.length > best.length) best = word.toLowerCase();
    }
    i = j;
  }
  return best;
}

/**
 * What every match of `source` needs (see the header), or null when a branch names nothing.
 * `avoid`: words that screen the regex already (its `requires`), chosen only when nothing else is.
 */
export function regexNeeds(
  source: string,
  flags: string,
  avoid: readonly string[] = [],
): RegexNeeds | null {
  const avoided = new Set(avoid.map((w) => w.toLowerCase()));
  // Sticky matching, `v` (nested classes, which this reading does not follow) and flags it does
  // not know about: always run.
  if (!/^[dgimsu]*$/.test(flags)) return null;
  const needs: RegexNeeds = { chars: [], words: [] };
  for (const branch of branchesOf(source)) {
    const char = firstLiteralChar(branch);
    if (char !== null) {
      needs.chars.push(char);
      continue;
    }
    const words = neededWords(branch, avoided);
    if (words === null) return null;
    needs.words.push(...words);
  }
  return needs;
}
