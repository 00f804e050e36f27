// Whether a text holds one of some phrases as a run of words, matched as snippets match words
// (snippet.ts: folded, and a shared stem of at least four letters as the porter stemmer would
// roughly give). Search ranks literal matches holding a phrase the vocabulary knows first; this
// checks the headline and standfirst already read for ranking, where an FTS5 phrase query over
// the candidates walked the position lists of every common word in the phrase (44 ms for
// "health education england" among the newest 250 matches at 1M stories, a third of all search
// time in the storage bench).
import { foldedWords, mayHoldAll, stemOf } from './snippet.js';

const WORD = /[\p{L}\p{N}]+/gu;

function sameWord(word: string, stem: string): boolean {
  return word === stem || (stem.length >= 4 && word.startsWith(stem));
}

/** A test for texts holding any of `phrases` (each of two or more words) as a run of words. */
export function phraseMatcher(phrases: readonly string[]): (text: string) => boolean {
  const runs = phrases
    .map((p) => [...p.matchAll(WORD)].map((m) => stemOf(m[0])))
    .filter((run) => run.length > 0);
  return (text) => {
    // Only the runs whose every stem the text could hold (snippet.ts mayHoldAll).
    const possible = runs.filter((run) => mayHoldAll(text, run));
    if (possible.length === 0) return false;
    const words = foldedWords(text);
    return possible.some((run) => {
      for (let i = 0; i + run.length <= words.length; i++) {
        if (run.every((stem, j) => sameWord(words[i + j]!, stem))) return true;
      }
      return false;
    });
  };
}
