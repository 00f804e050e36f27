// Builds a `correct` request. Slack's text (`correct g_3fa9c1d2 -carter +procurement note:why`) and
// Discord's typed options (story, themes, note) both end in buildCorrect, so equal input gives an
// identical request or an identical error. Theme words go through the configured ids (id or
// label, any case) with a did-you-mean; the note is cleaned text of bounded length, stored and
// shown as plain text (every renderer escapes it), so it cannot mention anyone or carry markup.
import { failed, parsed, unwrapSlackLink, type ParsedRequest } from './build-request.js';
import { quoteInput, unknownChoice } from './command-error.js';
import { listThemeIds, resolveThemeWord, type CommandVocabulary } from './vocabulary.js';

export const MAX_NOTE_CHARS = 200;

export interface CorrectInput {
  target: string;
  /** Theme changes as typed: `-carter +procurement` (spaces or commas between). */
  changes: string;
  note: string | null;
}

const CORRECT_HINT =
  'Try `correct g_3fa9c1d2 -carter +procurement`: the story reference from search results or a digest, then +theme to add and -theme to remove.';

/** Slack text after `correct`: the target, +/- theme words, and `note:` to the end of the line. */
export function correctInputFromText(text: string): CorrectInput {
  const noteAt = text.search(/(^|\s)note:/i);
  const head = noteAt === -1 ? text : text.slice(0, noteAt);
  const rawNote = noteAt === -1 ? null : text.slice(noteAt).replace(/^\s*note:/i, '');
  const note = rawNote === null ? null : rawNote.trim().replace(/^"(.*)"$/s, '$1');
  const words = head.split(/\s+/).filter((w) => w !== '');
  const isChange = (w: string) => /^[+\-\u2212]/.test(w);
  return {
    target: words.filter((w) => !isChange(w)).join(' '),
    changes: words.filter(isChange).join(' '),
    note,
  };
}

export function buildCorrect(input: CorrectInput, vocabulary: CommandVocabulary): ParsedRequest {
  const target = unwrapSlackLink(input.target);
  if (target === '') return failed('correct needs a story', CORRECT_HINT);
  if (/\s/.test(target)) {
    // `correct REF procurement`: a theme without its sign.
    const theme = target
      .split(/\s+/)
      .slice(1)
      .find((w) => resolveThemeWord(w, vocabulary));
    if (theme !== undefined) return failed(signNeeded(theme), CORRECT_HINT);
    return failed(
      `${quoteInput(target)} is not one story reference or link`,
      'Give one reference, then the themes: `correct g_3fa9c1d2 +procurement`.',
    );
  }
  const add: string[] = [];
  const remove: string[] = [];
  for (const word of input.changes.split(/[\s,]+/).filter((w) => w !== '')) {
    const sign = word.charAt(0);
    const name = word.slice(1);
    if (sign !== '+' && sign !== '-' && sign !== '\u2212') {
      return failed(signNeeded(word), CORRECT_HINT);
    }
    const id = resolveThemeWord(name, vocabulary);
    if (id === null) {
      return failed(
        unknownChoice('theme', name, listThemeIds(vocabulary)),
        '`themes` shows what each covers.',
      );
    }
    const list = sign === '+' ? add : remove;
    if (!list.includes(id)) list.push(id);
  }
  const both = add.find((id) => remove.includes(id));
  if (both !== undefined) {
    return failed(`${quoteInput(both)} is both added and removed`, 'Say one or the other.');
  }
  if (add.length + remove.length === 0) {
    return failed('say which themes to add (+theme) or remove (-theme)', CORRECT_HINT);
  }
  const note = input.note === null ? null : input.note.trim();
  if (note !== null && note.length > MAX_NOTE_CHARS) {
    return failed(
      `that note is ${note.length} characters long; the limit is ${MAX_NOTE_CHARS}`,
      'A few words saying why are enough.',
    );
  }
  return parsed({
    command: 'correct',
    target,
    add,
    remove,
    note: note === null || note === '' ? null : note,
  });
}

function signNeeded(word: string): string {
  return `say ${quoteInput(`+${word}`)} to add a theme or ${quoteInput(`-${word}`)} to remove it`;
}
