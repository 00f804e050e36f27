// One plain-text line per digest part marked in flight, worded once for Slack, Discord and the CLI
// (each escapes it for its own markup): which part, who claimed it, whether that process is alive,
// and when the part will be tried again. Pure; times come formatted by the caller's `formatTime`.
import type { InFlightPart } from './types.js';

const CLAIMANT: Record<InFlightPart['claimant'], string> = {
  alive: 'alive',
  dead: 'dead',
  unknown: 'not known',
};

export function describeInFlightPart(
  part: InFlightPart,
  formatTime: (iso: string) => string,
): string {
  const which = `${part.week} part ${part.index + 1} of ${part.total}`;
  const who = part.claimedBy
    ? `claimed by instance ${part.claimedBy.instanceId}`
    : 'claimed by an unrecorded process';
  const state = `${CLAIMANT[part.claimant]} (${part.claimantReason})`;
  const retry =
    part.retry === 'next-pass'
      ? 'retried at the next delivery pass, after checking the platform for it'
      : `retried from ${formatTime(part.retryAt)} unless it finishes first`;
  return `${which}: ${who}, ${state}; ${retry}`;
}
