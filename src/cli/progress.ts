// Human progress lines for poll runs: one line per source, then a summary.
import type { Writable } from 'node:stream';
import type { Source } from '../domain.js';
import { REFUSED_NOTE } from '../ingest/address-policy.js';
import type { PollOutcome } from '../pipeline/poll-source.js';

export function formatOutcomeLine(outcome: PollOutcome, source: Source): string {
  const secs = (outcome.durationMs / 1000).toFixed(1);
  switch (outcome.status) {
    case 'ok': {
      const dropped = outcome.itemsDropped ? `, ${outcome.itemsDropped} items dropped (cap)` : '';
      return `  ok       ${source.id.padEnd(20)} ${outcome.items} items, ${outcome.newStories} new, ${outcome.updatedStories} updated${dropped} (${secs}s)`;
    }
    case 'not-modified':
      return `  same     ${source.id.padEnd(20)} not modified since last poll (${secs}s)`;
    case 'failed':
      return `  FAILED   ${source.id.padEnd(20)} ${outcome.reason ?? 'unknown reason'}`;
  }
}

export function writeSummary(
  out: Writable,
  outcomes: readonly PollOutcome[],
  wallMs: number,
): void {
  const ok = outcomes.filter((o) => o.status === 'ok').length;
  const same = outcomes.filter((o) => o.status === 'not-modified').length;
  const failed = outcomes.filter((o) => o.status === 'failed');
  const fresh = outcomes.reduce((n, o) => n + o.newStories, 0);
  const updated = outcomes.reduce((n, o) => n + o.updatedStories, 0);
  out.write(
    `Polled ${outcomes.length} source(s) in ${(wallMs / 1000).toFixed(1)}s: ${ok} ok, ${same} not modified, ${failed.length} failed; ${fresh} new stories, ${updated} updated.\n`,
  );
  if (everySourceFailed(outcomes)) out.write(`${everyFailedAdvice(outcomes)}\n`);
}

/**
 * What to check when nothing was fetched: a refusal of a private or loopback address is the
 * settings' guard (poll.allowPrivateAddresses), not the network, so those point there.
 */
function everyFailedAdvice(outcomes: readonly PollOutcome[]): string {
  const refused = outcomes.filter((o) => o.reason?.includes(REFUSED_NOTE) === true).length;
  if (refused === outcomes.length) {
    return 'Every source failed: refused as private or loopback addresses. If they are meant to be fetched (an intranet feed, a local test server), set poll.allowPrivateAddresses: true in settings.yaml.';
  }
  const network =
    'Every source failed: check the network or proxy settings (HTTPS_PROXY / NO_PROXY)';
  if (refused === 0) return `${network}.`;
  return `${network}; ${refused} refused as private or loopback addresses (poll.allowPrivateAddresses in settings.yaml).`;
}

/** True when at least one source was polled and none succeeded (not even "not modified"). */
export function everySourceFailed(outcomes: readonly PollOutcome[]): boolean {
  return outcomes.length > 0 && outcomes.every((o) => o.status === 'failed');
}
