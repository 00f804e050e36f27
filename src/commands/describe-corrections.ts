// The words every surface uses for corrections (Slack, Discord, the CLI): plain text out, each
// renderer escapes it for its own markup. User ids are shown as ids, never as mentions.
import { formatDay } from '../text/format-dates.js';
import { storyRef } from '../text/story-ref.js';
import type { CommandResult, ThemeCorrection } from './types.js';

type Corrected = Extract<CommandResult, { kind: 'corrected' }>;

/** "+procurement -carter" */
export function describeChanges(added: readonly string[], removed: readonly string[]): string {
  return [...added.map((t) => `+${t}`), ...removed.map((t) => `-${t}`)].join(' ');
}

/** "corrected by U0MEMBER1 on 3 Dec 2026: +procurement" (one stored row). */
export function describeCorrection(correction: ThemeCorrection, timeZone: string): string {
  const change = correction.action === 'add' ? `+${correction.theme}` : `-${correction.theme}`;
  const when = formatDay(correction.createdAt, timeZone, true) || correction.createdAt;
  const note = correction.note === null ? '' : ` ("${correction.note}")`;
  return `corrected by ${correction.userId} on ${when}: ${change}${note}`;
}

/** The confirmation: what changed, what was already so, and the themes now. */
export function describeCorrected(result: Corrected): string[] {
  const lines = [
    `Corrected ${storyRef(result.story.id)} for this workspace: ${describeChanges(result.added, result.removed)}.`,
    `Its themes here now: ${result.themes.join(', ') || 'none (Other news)'}.`,
  ];
  if (result.unchanged.length > 0) {
    lines.push(`Already so, not changed: ${result.unchanged.join(' ')}.`);
  }
  lines.push(
    "This workspace's searches and future digests follow it; other workspaces and the rules do not change.",
  );
  return lines;
}
