// The matches tagStory scores, field by field: phrase-index hits (rule terms, context terms and
// the `requires` words that open a regex), then the regexes themselves, sorted into rule hits per
// theme and context hits per named set. Phrase hits come from the caller's one scan of the story
// when it has one (scan-story.ts scans for themes and organisations together), else from a scan
// of the theme index here. Pure.
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
 * Where one context set's terms matched, as flat pairs (field order in FIELDS, start): a
 * story has dozens of context hits, and pairs of numbers cost no object each.
 */
export type ContextPairs = number[];

export interface FieldHits {
  /** Per theme (index of compiled.themes), its rule hits in no particular order. */
  ruleHits: RuleHit[][];
  /**
   * Per context set name, where its terms matched. Built on first `get` (issue 18): only a rule
   * bound to a context asks, and most stories have none, while context terms ("trust", "NHS")
   * are most of a story's hits.
   */
  contextHits: LazyContextHits;
}

/** The context hits of a story's fields by set name, indexed on the first `get`. */
export class LazyContextHits {
  private index: Map<string, ContextPairs> | null = null;
  constructor(private readonly found: readonly (readonly PhraseHit<MatchPayload>[])[]) {}

  get(): Map<string, ContextPairs> {
    return (this.index ??= indexContextHits(this.found));
  }
}

/** The context hits of `found[order]` (FIELDS order) by set name. */
function indexContextHits(found: readonly (readonly PhraseHit<MatchPayload>[])[]) {
  const contextHits = new Map<string, ContextPairs>();
  for (let order = 0; order < found.length; order++) {
    for (const hit of found[order]!) {
      const p = hit.payload;
      if (p.kind !== 'context') continue;
      const list = contextHits.get(p.set);
      if (list === undefined) contextHits.set(p.set, [order, hit.start]);
      else list.push(order, hit.start);
    }
  }
  return contextHits;
}

/** `phraseHits[order]`: the theme-index hits of FIELDS[order], when the caller scanned already. */
export function collectFieldHits(
  story: FieldSource,
  compiled: CompiledThemes,
  organisations: readonly StoryOrganisation[],
  phraseHits?: readonly PhraseHit<MatchPayload>[][],
): FieldHits {
  const ruleHits: RuleHit[][] = [];
  for (let t = 0; t < compiled.themes.length; t++) ruleHits.push([]);
  const fieldsFound: PhraseHit<MatchPayload>[][] = [];
  addOrganisationHits(story, compiled, organisations, ruleHits);

  for (let order = 0; order < FIELDS.length; order++) {
    const field = FIELDS[order]!;
    const text = field === 'content' ? (story.content ?? '') : story[field];
    const found: PhraseHit<MatchPayload>[] = text
      ? (phraseHits?.[order] ?? scanPhrases(text, compiled.index))
      : [];
    fieldsFound.push(found);
    if (!text) continue;
    let open: Set<number> | null = null;
    for (const hit of found) {
      if (hit.payload.kind === 'gate') (open ??= new Set()).add(hit.payload.regex);
    }
    for (let r = 0; r < compiled.regexes.length; r++) {
      const { regex, gated, payload } = compiled.regexes[r]!;
      if (gated && (open === null || !open.has(r))) continue;
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
      }
    }
  }
  return { ruleHits, contextHits: new LazyContextHits(fieldsFound) };
}
