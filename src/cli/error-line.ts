// A chat command's error (commands/command-error.ts) as the one stderr line the CLI prints: the
// same message Slack and Discord show, then what would work, so a mistake gets one answer.
import type { CommandError } from '../commands/command-error.js';

export function errorLine(error: Pick<CommandError, 'message' | 'hint'>): string {
  if (error.hint === null) return error.message;
  return `${error.message}${/[.?!]$/.test(error.message) ? '' : '.'} ${error.hint}`;
}
