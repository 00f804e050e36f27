// The matches tagStory scores, field by field: phrase-index hits (rule terms, context terms and
// the `requires` words that open a regex), then the regexes themselves, sorted into rule hits per
// theme and context hits per named set. Phrase hits come from the caller's one scan of the story
// when it has one (scan-story.ts scans for themes and organisations together), else from a scan
// of the theme index here. Pure apart from the reused buffers its result lives in.
import type { TextField } from '../domain.js';
import { FIELDS, type CompiledThemes, type MatchPayload } from './compile-themes.js';
import { scanPhrases, type PhraseHit } from './phrase-index.js';
import { addOrganisationHits, type RuleHit } from './organisation-rule-hits.js';
import type { StoryOrganisation } from './story-organisations.js';

export interface FieldSource {
  title: string;
  summary: string;
  content?: string;
}

/**
 * Where context terms matched, as flat triples (set index in compiled.contextSetIndex, field
 * order in FIELDS, start): a story has dozens of context hits ("trust", "NHS"), and numbers in
 * one reused array cost no object, map or list each (issue 18).
 */
export interface ContextHits {
  /** Triples in `data`. */
  count: number;
  data: number[];
}

export interface FieldHits {
  /** Per theme (index of compiled.themes), its rule hits in no particular order. */
  ruleHits: RuleHit[][];
  contextHits: ContextHits;
}

// Reused by every call (tagging is synchronous, and tagStory reads a result before the next
// call): the per-theme hit lists, the context triples and the regex gates.
const RULE_HITS: RuleHit[][] = [];
const CONTEXT: ContextHits = { count: 0, data: [] };
let gates = new Uint8Array(32);
/** Per regex: 1 when one of its needed words (regex-needs.ts) matched in the field. */
let needs = new Uint8Array(32);

/** `phraseHits[order]`: the theme-index hits of FIELDS[order], when the caller scanned already. */
/**
 * `phraseHits[order]`: the theme-index hits of FIELDS[order], when the caller scanned already;
 * `contextHits` and `scannedRuleHits`: that scan's context and rule-term hits, when it kept them
 * apart (scan-story.ts; the regexes' and organisations' are added to them). The result is
 * shared: read it before the next call.
 */
export function collectFieldHits(
  story: FieldSource,
  compiled: CompiledThemes,
  organisations: readonly StoryOrganisation[],
  phraseHits?: readonly (readonly PhraseHit<MatchPayload>[])[],
  contextHits?: ContextHits,
  scannedRuleHits?: RuleHit[][],
  asciiWords?: readonly boolean[],
): FieldHits {
  const ruleHits = scannedRuleHits ?? RULE_HITS;
  for (let t = 0; t < compiled.themes.length && scannedRuleHits === undefined; t++) {
    if (t < RULE_HITS.length) RULE_HITS[t]!.length = 0;
    else RULE_HITS.push([]);
  }
  const context = contextHits ?? CONTEXT;
  if (contextHits === undefined) CONTEXT.data.length = 0;
  if (gates.length < compiled.regexes.length) {
    gates = new Uint8Array(compiled.regexes.length);
    needs = new Uint8Array(compiled.regexes.length);
  }
  addOrganisationHits(story, compiled, organisations, ruleHits);

  for (let order = 0; order < FIELDS.length; order++) {
    const field = FIELDS[order]!;
    const text = field === 'content' ? (story.content ?? '') : story[field];
    if (!text) continue;
    const into: Into = { compiled, ruleHits, context, field, order, text };
    const scanned = phraseHits?.[order];
    const found = scanned ?? scanPhrases(text, compiled.index);
    for (const hit of found) addHit(into, hit.start, hit.end, hit.payload);
    // Whether needed words were looked for and can be trusted (regex-needs.ts): only the
    // caller's scan of the folded index finds them, and says when the field's words allow it.
    const needsKnown = scanned !== undefined && asciiWords?.[order] === true;
    addRegexHits(into, found, needsKnown);
  }
  context.count = context.data.length / 3;
  return { ruleHits, contextHits: context };
}

/** Where one field's hits go, and what each records. */
interface Into {
  compiled: CompiledThemes;
  ruleHits: RuleHit[][];
  context: ContextHits;
  field: TextField;
  order: number;
  text: string;
}

/** One match as a rule hit of its theme or a context triple (gates only open regexes). */
function addHit(into: Into, start: number, end: number, p: MatchPayload): void {
  const { compiled, field, order, text } = into;
  if (p.kind === 'rule') {
    const weight = compiled.themes[p.theme]!.rules[p.rule]!.weight;
    into.ruleHits[p.theme]!.push({
      field,
      order,
      text,
      rule: p.rule,
      weight,
      term: p.term,
      start,
      end,
    });
  } else if (p.kind === 'context') {
    const set = compiled.contextSetIndex.get(p.set);
    if (set !== undefined) into.context.data.push(set, order, start);
  }
}

/**
 * Runs the field's regexes: the gated ones only where a `requires` word matched in `found`, and
 * those with needs (regex-needs.ts) only where a needed character is in the field or a needed
 * word matched; `needsKnown` false (no such scan, or words outside ASCII) runs them regardless.
 */
function addRegexHits(
  into: Into,
  found: readonly PhraseHit<MatchPayload>[],
  needsKnown: boolean,
): void {
  const { compiled, text } = into;
  memoChar = '';
  let anyGate = false;
  let anyNeed = false;
  for (const hit of found) {
    const p = hit.payload;
    if (p.kind === 'gate') {
      gates[p.regex] = 1;
      anyGate = true;
    } else if (p.kind === 'need') {
      needs[p.regex] = 1;
      anyNeed = true;
    }
  }
  for (let r = 0; r < compiled.regexes.length; r++) {
    const { regex, gated, firstChar, payload } = compiled.regexes[r]!;
    if (gated && (!anyGate || gates[r] === 0)) continue;
    const needed = compiled.regexes[r]!.needs;
    if (needsKnown && needed !== null && needs[r] === 0 && !hasAny(text, needed.chars)) continue;
    // "£\d" cannot match a field without "£" (regex-first-char.ts), nor start anywhere but at
    // a "£": the regex starts at each "£" in turn, found by indexOf, rather than trying every
    // position on its way (about 2x faster for "£\d" on a standfirst with one sum, in a micro
    // benchmark; issue 18, tag3). Exact: a lookbehind still sees the text before lastIndex, and
    // such a match is never empty.
    // Where no needed word is in the field, only the branches that start with a needed
    // character can match (regex-needs.ts): with one such character, every match starts at it,
    // as with a first character ("£\d...|\b(?:millions|billions) of pounds\b" on a field
    // with "£" and neither word; issue 18, tag7).
    const startChar =
      firstChar ??
      (needsKnown && needed !== null && needs[r] === 0 && needed.chars.length === 1
        ? needed.chars[0]!
        : null);
    const from = startChar === null ? 0 : firstIndexOf(text, startChar);
    if (from < 0) continue;
    regex.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = regex.exec(text)) !== null) {
      if (m[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      addHit(into, m.index, m.index + m[0].length, payload);
      if (startChar !== null) {
        const next = text.indexOf(startChar, regex.lastIndex);
        if (next < 0) break;
        regex.lastIndex = next;
      }
    }
  }
  if (anyGate) gates.fill(0);
  if (anyNeed) needs.fill(0);
}

function hasAny(text: string, chars: readonly string[]): boolean {
  for (let k = 0; k < chars.length; k++) if (firstIndexOf(text, chars[k]!) >= 0) return true;
  return false;
}

/**
 * The last character addRegexHits looked for in its field, and where it first is: "£" screens
 * three regexes, and one indexOf per field does for all of them (reset for each field).
 */
let memoChar = '';
let memoAt = -1;

function firstIndexOf(text: string, char: string): number {
  if (char !== memoChar) {
    memoChar = char;
    memoAt = text.indexOf(char);
  }
  return memoAt;
}
