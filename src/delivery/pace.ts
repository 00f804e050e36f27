// Pacing for outbound chat messages, so a fan-out to many channels stays inside the platform's
// rate limits instead of provoking 429s and waiting out Retry-After.
//
// Two limits, both optional:
// - per channel: at least `perChannelIntervalMs` between two messages to one channel (Slack:
//   "1 message per second per channel", https://api.slack.com/methods/chat.postMessage#rate_limiting);
// - global: at most `globalPerSecond` messages per second across all channels of one token,
//   as evenly spaced slots (1000 / globalPerSecond ms apart).
// `acquire(channel)` reserves the earliest moment both allow and resolves then; callers acquire
// before every send, call `release(channel)` when the send has finished (the per-channel interval
// counts from then: the platform saw the message at some point before we got its answer, never
// after, so network and queueing delays cannot squeeze two messages closer than the interval),
// and handle one channel's parts in order. `backOff` pushes a channel (or, with null, everything)
// back after a 429 so the pacer and the platform agree again.
// Discord needs no pacer of ours: @discordjs/rest queues by the bucket headers Discord sends and
// keeps its own 50 requests/s global limit.
// The clock is injected (tests drive it without sleeping).

export interface PaceLimits {
  /** Minimum milliseconds between two messages to the same channel; 0 for none. */
  perChannelIntervalMs: number;
  /** Messages per second across all channels; null for no global limit. */
  globalPerSecond: number | null;
}

export interface PaceClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface Pacer {
  /** Resolves at the earliest moment a message to `channelKey` may be sent (reserving it). */
  acquire(channelKey: string): Promise<void>;
  /** The send that followed acquire(channelKey) has finished, whatever its outcome. */
  release(channelKey: string): void;
  /** After a 429: nothing to `channelKey` (or to any channel, when null) for `ms`. */
  backOff(channelKey: string | null, ms: number): void;
}

export const systemPaceClock: PaceClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** How often a late waiter may trade its slot for a fresh one. */
const MAX_LATE_RETRIES = 3;
/** Lateness beyond which a waiter re-queues instead of joining a burst (see acquire). */
export const LATE_TOLERANCE_MS = 250;

/** Slot reservations older than this many slots behind "now" are forgotten. */
const PRUNE_EVERY = 1024;

export function createPacer(limits: PaceLimits, clock: PaceClock = systemPaceClock): Pacer {
  if (limits.globalPerSecond !== null && !(limits.globalPerSecond > 0)) {
    throw new Error(`delivery: globalPerSecond must be positive, got ${limits.globalPerSecond}`);
  }
  const spacing = limits.globalPerSecond === null ? 0 : 1000 / limits.globalPerSecond;
  const channelNext = new Map<string, number>();
  const taken = new Set<number>();
  let blockedUntil = 0;
  let reservations = 0;

  const reserveGlobalSlot = (earliest: number): number => {
    if (spacing === 0) return earliest;
    let slot = Math.ceil(earliest / spacing);
    while (taken.has(slot)) slot++;
    taken.add(slot);
    if (++reservations % PRUNE_EVERY === 0) {
      const past = Math.floor(clock.now() / spacing);
      for (const s of taken) if (s < past) taken.delete(s);
    }
    return slot * spacing;
  };

  return {
    async acquire(channelKey) {
      // A timer that fires late (a stalled event loop) sends every slot reserved during the stall
      // at once: a burst the platform may refuse. A waiter that wakes more than LATE_TOLERANCE_MS
      // late gives its slot up and takes the next free one (a few times at most, so nobody waits
      // for ever). Smaller delays are ordinary timer jitter and are let through.
      for (let attempt = 0; ; attempt++) {
        const now = clock.now();
        const earliest = Math.max(now, blockedUntil, channelNext.get(channelKey) ?? 0);
        const at = reserveGlobalSlot(earliest);
        channelNext.set(channelKey, at + limits.perChannelIntervalMs);
        const wait = at - now;
        if (wait <= 0) return;
        await clock.sleep(wait);
        if (spacing === 0 || attempt >= MAX_LATE_RETRIES || clock.now() - at <= LATE_TOLERANCE_MS)
          return;
      }
    },
    release(channelKey) {
      const next = clock.now() + limits.perChannelIntervalMs;
      channelNext.set(channelKey, Math.max(channelNext.get(channelKey) ?? 0, next));
    },
    backOff(channelKey, ms) {
      const until = clock.now() + Math.max(0, ms);
      if (channelKey === null) {
        blockedUntil = Math.max(blockedUntil, until);
        return;
      }
      channelNext.set(channelKey, Math.max(channelNext.get(channelKey) ?? 0, until));
    },
  };
}

/**
 * One pacer per key, created on first use with the same limits: for platforms whose limits are
 * counted per workspace (Slack counts per app per workspace), so one busy workspace never slows
 * another's fan-out and a 429 in one never holds back the rest.
 */
export function createPacerPerKey(
  limits: PaceLimits,
  clock: PaceClock = systemPaceClock,
): (key: string) => Pacer {
  const pacers = new Map<string, Pacer>();
  return (key) => {
    let pacer = pacers.get(key);
    if (!pacer) {
      pacer = createPacer(limits, clock);
      pacers.set(key, pacer);
    }
    return pacer;
  };
}
