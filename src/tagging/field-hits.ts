// The matches tagStory scores, field by field: phrase-index hits (rule terms, context terms and
// the `requires` words that open a regex), then the regexes themselves, sorted into rule hits per
// theme and context hits per named set. Phrase hits come from the caller's one scan of the story
// when it has one (scan-story.ts scans for themes and organisations together), else from a scan
// of the theme index here. Pure apart from the reused buffers its result lives in.
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
  phraseHits?: readonly PhraseHit<MatchPayload>[][],
  contextHits?: ContextHits,
  scannedRuleHits?: RuleHit[][],
): FieldHits {
  const ruleHits = scannedRuleHits ?? RULE_HITS;
  for (let t = 0; t < compiled.themes.length && scannedRuleHits === undefined; t++) {
    if (t < RULE_HITS.length) RULE_HITS[t]!.length = 0;
    else RULE_HITS.push([]);
  }
  const context = contextHits ?? CONTEXT;
  if (contextHits === undefined) CONTEXT.data.length = 0;
  if (gates.length < compiled.regexes.length) gates = new Uint8Array(compiled.regexes.length);
  addOrganisationHits(story, compiled, organisations, ruleHits);

  for (let order = 0; order < FIELDS.length; order++) {
    const field = FIELDS[order]!;
    const text = field === 'content' ? (story.content ?? '') : story[field];
    if (!text) continue;
    const found: PhraseHit<MatchPayload>[] =
      phraseHits?.[order] ?? scanPhrases(text, compiled.index);
    addRegexHits(text, compiled, found);
    for (const hit of found) {
      const p = hit.payload;
      if (p.kind === 'rule') {
        ruleHits[p.theme]!.push({
          field,
          order,
          text,
          rule: p.rule,
          weight: compiled.themes[p.theme]!.rules[p.rule]!.weight,
          term: p.term,
          start: hit.start,
          end: hit.end,
        });
      } else if (p.kind === 'context') {
        const set = compiled.contextSetIndex.get(p.set);
        if (set !== undefined) context.data.push(set, order, hit.start);
      }
    }
  }
  context.count = context.data.length / 3;
  return { ruleHits, contextHits: context };
}

/** Runs the field's regexes (the gated ones only where a `requires` word matched) into `found`. */
function addRegexHits(text: string, compiled: CompiledThemes, found: PhraseHit<MatchPayload>[]) {
  let anyGate = false;
  for (const hit of found) {
    if (hit.payload.kind === 'gate') {
      gates[hit.payload.regex] = 1;
      anyGate = true;
    }
  }
  for (let r = 0; r < compiled.regexes.length; r++) {
    const { regex, gated, firstChar, payload } = compiled.regexes[r]!;
    if (gated && (!anyGate || gates[r] === 0)) continue;
    // "£\d" cannot match a field without "£" (regex-first-char.ts).
    if (firstChar !== null && !text.includes(firstChar)) continue;
    regex.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = regex.exec(text)) !== null) {
      if (m[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      found.push({ start: m.index, end: m.index + m[0].length, payload });
    }
  }
  if (anyGate) gates.fill(0);
}
