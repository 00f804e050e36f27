// One scan of a story for theme terms and organisation names together (issue 18): the theme
// patterns and the gazetteer's names are folded into one word trie, so each field is split into
// words, lower-cased and walked once, not once per matcher. The hits are then dealt back out:
// each list keeps the order its own index's scan would give (by start, longer first, then compile
// order; theme patterns are compiled before names), so tags and entities are the same as from two
// scans. The folded index is compiled once per (themes, gazetteer) pair and cached. Pure.
import type { CompiledThemes, MatchPayload } from './compile-themes.js';
import type { Gazetteer, NamePayload } from './organisations.js';
import { mayHoldTrigger, type DeadlineScreen } from './deadline-screen.js';
import {
  compilePhraseIndex,
  scanPhrases,
  type PhraseHit,
  type PhraseIndex,
} from './phrase-index.js';
import { scanTable } from './scan-table.js';
import { tableWords } from './word-table.js';

export interface StoryScan {
  /** Per field (FIELDS order): theme-index hits, as scanPhrases(text, compiled.index) gives. */
  phraseHits: PhraseHit<MatchPayload>[][];
  /** Per field: gazetteer hits, as scanPhrases(text, gazetteer.index) gives. */
  nameHits: PhraseHit<NamePayload>[][];
}

type FoldedPayload = MatchPayload | NamePayload;

const folded = new WeakMap<CompiledThemes, WeakMap<Gazetteer, PhraseIndex<FoldedPayload>>>();

function foldedIndex(compiled: CompiledThemes, gazetteer: Gazetteer): PhraseIndex<FoldedPayload> {
  let byGazetteer = folded.get(compiled);
  if (byGazetteer === undefined) folded.set(compiled, (byGazetteer = new WeakMap()));
  let index = byGazetteer.get(gazetteer);
  if (index === undefined) {
    index = compilePhraseIndex<FoldedPayload>([...compiled.patterns, ...gazetteer.patterns]);
    byGazetteer.set(gazetteer, index);
  }
  return index;
}

function isThemePayload(payload: FoldedPayload): payload is MatchPayload {
  return 'kind' in payload;
}

/** `screen`, when given, learns per field whether a closing-date trigger may appear in it. */
export function scanStory(
  story: { title: string; summary: string; content?: string },
  compiled: CompiledThemes,
  gazetteer: Gazetteer,
  screen?: DeadlineScreen,
): StoryScan {
  const index = foldedIndex(compiled, gazetteer);
  const phraseHits: PhraseHit<MatchPayload>[][] = [];
  const nameHits: PhraseHit<NamePayload>[][] = [];
  const texts = [story.title, story.summary, story.content ?? ''];
  for (let order = 0; order < texts.length; order++) {
    const text = texts[order]!;
    const themes: PhraseHit<MatchPayload>[] = [];
    const names: PhraseHit<NamePayload>[] = [];
    if (screen !== undefined) screen.mayHoldTrigger[order] = false;
    if (text) {
      // The word table scanPhrases would build, kept in hand for the deadline screen.
      const table = tableWords(text);
      if (screen !== undefined) screen.mayHoldTrigger[order] = mayHoldTrigger(table);
      const hits = table !== null ? scanTable(text, table, index) : scanPhrases(text, index);
      for (const hit of hits) {
        if (isThemePayload(hit.payload)) themes.push(hit as PhraseHit<MatchPayload>);
        else names.push(hit as PhraseHit<NamePayload>);
      }
    }
    phraseHits.push(themes);
    nameHits.push(names);
  }
  return { phraseHits, nameHits };
}
