// The pace of Slack delivery. Defaults: 1 message per second per channel (Slack's documented
// chat.postMessage limit) and 5 per second in all; Slack publishes only "several hundred per
// minute" per workspace, so 5/s (300 a minute) stays inside it. Slack counts per app per
// workspace, so with many workspaces (OAuth mode) each gets its own pacer and one workspace's
// fan-out or 429 never slows another's.
import { createPacer, createPacerPerKey, type PaceClock, type Pacer } from '../../delivery/pace.js';

export const DEFAULT_SLACK_PACE = { perChannelIntervalMs: 1000, globalPerSecond: 5 } as const;

/** The pacer of each workspace: the given one for all, one per workspace, or one in all. */
export function choosePacers(options: {
  pacer?: Pacer;
  paceClock?: PaceClock;
  perWorkspace: boolean;
}): (workspaceId: string) => Pacer {
  const given = options.pacer;
  if (given) return () => given;
  if (options.perWorkspace) return createPacerPerKey(DEFAULT_SLACK_PACE, options.paceClock);
  const one = createPacer(DEFAULT_SLACK_PACE, options.paceClock);
  return () => one;
}
