// The expected-failure value every command and the parser return: a message saying what went
// wrong and a hint saying what would work. Platforms render it; nothing here throws.
import { didYouMean } from '../text/suggest-closest.js';
import type { CommandResult } from './types.js';

export type CommandError = Extract<CommandResult, { kind: 'error' }>;

export function commandError(message: string, hint: string | null = null): CommandError {
  return { kind: 'error', message, hint };
}

/** Quotes user text for an error message: trimmed to a readable length, never multi-line. */
export function quoteInput(text: string, max = 40): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const cut = oneLine.length > max ? `${Array.from(oneLine).slice(0, max).join('')}…` : oneLine;
  return `'${cut}'`;
}

/**
 * "unknown theme 'cartr' — did you mean 'carter'? Themes: a, b." (or "unknown theme 'x'. Themes:
 * ..."): one wording for a word outside a known list, wherever it was typed.
 */
export function unknownChoice(kind: string, word: string, known: readonly string[]): string {
  const suggestion = didYouMean(word, known) || '.';
  const label = `${kind.charAt(0).toUpperCase()}${kind.slice(1)}s`;
  return `unknown ${kind} ${quoteInput(word)}${suggestion} ${label}: ${known.join(', ')}.`;
}
