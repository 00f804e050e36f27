// One scan of a story for theme terms and organisation names together (issue 18): the theme
// patterns and the gazetteer's names are folded into one word trie, so each field is split into
// words, lower-cased and walked once, not once per matcher. The hits are then dealt back out:
// each list keeps the order its own index's scan would give (by start, longer first, then compile
// order; theme patterns are compiled before names), so tags and entities are the same as from two
// scans. The folded index is compiled once per (themes, gazetteer) pair and cached. Pure.
import type { TextField } from '../domain.js';
import { FIELDS, type CompiledThemes, type MatchPayload } from './compile-themes.js';
import type { RuleHit } from './organisation-rule-hits.js';
import type { ContextHits } from './field-hits.js';
import type { Gazetteer, NamePayload } from './organisations.js';
import { screenTable, type DeadlineScreen } from './deadline-screen.js';
import {
  compilePhraseIndex,
  scanPhrases,
  type PhraseHit,
  type PhraseIndex,
  type PhrasePattern,
} from './phrase-index.js';
import { scanTableInto, type HitSink } from './scan-table.js';
import { tableWords } from './word-table.js';
import { noteTidy } from './snippet.js';

/** The scan's result is shared: every list in it is refilled by the next scan, so read it first. */
export interface StoryScan {
  /**
   * Per field (FIELDS order): theme-index hits, as scanPhrases(text, compiled.index) gives,
   * less the context terms (in `contextHits`) and the rule terms (in `ruleHits`).
   */
  phraseHits: (readonly PhraseHit<MatchPayload>[])[];
  /** Per theme: the rule-term hits, as tagStory reads them (shared: read before the next scan). */
  ruleHits: RuleHit[][];
  /** Per field: gazetteer hits, as scanPhrases(text, gazetteer.index) gives. */
  nameHits: (readonly PhraseHit<NamePayload>[])[];
  /** Where context terms matched, as tagStory reads them (shared: read before the next scan). */
  contextHits: ContextHits;
  /**
   * Per field: true when the scan read its words from the word table and none holds a code unit
   * outside ASCII, so a regex's needed words (regex-needs.ts) are found exactly (shared).
   */
  asciiWords: boolean[];
}

/**
 * What the folded index holds for a pattern: its own payload, and for a context term its set's
 * index, so a context match becomes three numbers, not a hit object (issue 18).
 */
interface Folded {
  payload: MatchPayload | NamePayload;
  /** The context set's index (compiled.contextSetIndex); -1 for other theme terms and names. */
  set: number;
  name: boolean;
  /** A rule term's configured weight (RuleHit.weight); 0 for the rest. */
  weight: number;
}

const folded = new WeakMap<CompiledThemes, WeakMap<Gazetteer, PhraseIndex<Folded>>>();
/**
 * The pair asked last and its index: polling asks with one pair for every story, and two WeakMap
 * lookups per story cost ~2% of the whole step (issue 18, tag4 profile).
 */
let lastCompiled: CompiledThemes | null = null;
let lastGazetteer: Gazetteer | null = null;
let lastIndex: PhraseIndex<Folded> | null = null;

function foldedIndex(compiled: CompiledThemes, gazetteer: Gazetteer): PhraseIndex<Folded> {
  if (compiled === lastCompiled && gazetteer === lastGazetteer) return lastIndex!;
  const index = compileFolded(compiled, gazetteer);
  lastCompiled = compiled;
  lastGazetteer = gazetteer;
  lastIndex = index;
  return index;
}

function compileFolded(compiled: CompiledThemes, gazetteer: Gazetteer): PhraseIndex<Folded> {
  let byGazetteer = folded.get(compiled);
  if (byGazetteer === undefined) folded.set(compiled, (byGazetteer = new WeakMap()));
  let index = byGazetteer.get(gazetteer);
  if (index === undefined) {
    const themes = [...compiled.patterns, ...compiled.needPatterns].map(
      (p): PhrasePattern<Folded> => {
        const m = p.payload;
        const set = m.kind === 'context' ? (compiled.contextSetIndex.get(m.set) ?? -1) : -1;
        const weight = m.kind === 'rule' ? compiled.themes[m.theme]!.rules[m.rule]!.weight : 0;
        return { ...p, payload: { payload: m, set, name: false, weight } };
      },
    );
    const names = gazetteer.patterns.map((p): PhrasePattern<Folded> => ({
      ...p,
      payload: { payload: p.payload, set: -1, name: true, weight: 0 },
    }));
    index = compilePhraseIndex<Folded>([...themes, ...names]);
    byGazetteer.set(gazetteer, index);
  }
  return index;
}

/** A field without such hits shares this list; frozen, so a stray push throws, not leaks. */
const NO_HITS = Object.freeze([]) as unknown as PhraseHit<never>[];

/** Deals one field's hits out as they come: rule hits per theme, names, context as numbers. */
class StorySink implements HitSink<Folded> {
  order = 0;
  field: TextField = 'title';
  text = '';
  /** Per theme: its rule hits (field-hits.ts adds organisations' and regexes'). */
  readonly ruleHits: RuleHit[][] = [];
  /** The field's other theme hits: the `requires` words that open regexes (few fields have any). */
  themes: PhraseHit<MatchPayload>[] = NO_HITS;
  names: PhraseHit<NamePayload>[] = NO_HITS;
  readonly context: ContextHits = { count: 0, data: [] };

  add(start: number, end: number, f: Folded): void {
    if (f.set >= 0) {
      this.context.data.push(f.set, this.order, start);
      return;
    }
    if (f.name) {
      if (this.names === NO_HITS) this.names = [];
      this.names.push({ start, end, payload: f.payload as NamePayload });
      return;
    }
    const p = f.payload as MatchPayload;
    if (p.kind !== 'rule') {
      if (this.themes === NO_HITS) this.themes = [];
      this.themes.push({ start, end, payload: p });
      return;
    }
    const { order, field, text } = this;
    const rule = p.rule;
    this.ruleHits[p.theme]!.push({
      field,
      order,
      text,
      rule,
      weight: f.weight,
      term: p.term,
      start,
      end,
    });
  }

  /** Empties the buffers for a story of `compiled` (whose themes size `ruleHits`). */
  reset(compiled: CompiledThemes): void {
    // A used list is swapped for a new one, not emptied: setting `length` is a runtime call, and
    // it was ~3% of the whole step where a fresh empty array costs an inline allocation (issue 18,
    // tag4). Nothing keeps a list past the story (tagStory and findDeadlines read them at once).
    for (let t = 0; t < compiled.themes.length; t++) {
      if (t >= this.ruleHits.length) this.ruleHits.push([]);
      else if (this.ruleHits[t]!.length !== 0) this.ruleHits[t] = [];
    }
    if (this.context.data.length !== 0) this.context.data = [];
  }
}

const sink = new StorySink();
const ASCII_WORDS = [false, false, false];
const PHRASE_HITS: PhraseHit<MatchPayload>[][] = [NO_HITS, NO_HITS, NO_HITS];
const NAME_HITS: PhraseHit<NamePayload>[][] = [NO_HITS, NO_HITS, NO_HITS];
/** Every scan's result: one object of shared lists, refilled by each scan (issue 18, tag5). */
const SCAN: StoryScan = {
  phraseHits: PHRASE_HITS,
  nameHits: NAME_HITS,
  contextHits: sink.context,
  ruleHits: sink.ruleHits,
  asciiWords: ASCII_WORDS,
};

/** `screen`, when given, learns per field whether a closing-date trigger may appear in it. */
export function scanStory(
  story: { title: string; summary: string; content?: string },
  compiled: CompiledThemes,
  gazetteer: Gazetteer,
  screen?: DeadlineScreen,
): StoryScan {
  const index = foldedIndex(compiled, gazetteer);
  sink.reset(compiled);
  for (let order = 0; order < FIELDS.length; order++) {
    const text = order === 0 ? story.title : order === 1 ? story.summary : (story.content ?? '');
    sink.order = order;
    sink.field = FIELDS[order]!;
    sink.text = text;
    sink.themes = NO_HITS;
    sink.names = NO_HITS;
    ASCII_WORDS[order] = false;
    if (screen !== undefined) {
      screen.mayHoldTrigger[order] = false;
      if (screen.mayHoldDuration) screen.mayHoldDuration[order] = false;
    }
    if (text) {
      // The word table scanPhrases would build, kept in hand for the deadline screen.
      const table = tableWords(text);
      if (screen !== undefined) screenTable(table, screen, order);
      noteTidy(order, text, table !== null && !table.messy);
      ASCII_WORDS[order] = table !== null && !table.nonAscii;
      if (table !== null) scanTableInto(text, table, index, sink);
      else for (const hit of scanPhrases(text, index)) sink.add(hit.start, hit.end, hit.payload);
    }
    PHRASE_HITS[order] = sink.themes;
    NAME_HITS[order] = sink.names;
  }
  sink.context.count = sink.context.data.length / 3;
  return SCAN;
}
