// When to try a failing source again: exponential backoff from the source's own poll interval,
// doubling per consecutive failure, capped, and never sooner than a server's Retry-After
// (RFC 9110 §10.2.3). Deterministic (no jitter) so the schedule shown by `sources` is exact.

const MINUTE_MS = 60_000;

/**
 * The delay before the next attempt, in milliseconds.
 * failures 1 -> base, 2 -> 2*base, 3 -> 4*base, ... up to capMinutes.
 * A Retry-After longer than that wins, but is itself capped at capMinutes so a hostile or
 * misconfigured server cannot switch a source off for good.
 */
export function backoffDelayMs(
  consecutiveFailures: number,
  baseMinutes: number,
  capMinutes: number,
  retryAfterMs?: number,
): number {
  const capMs = Math.max(0, capMinutes) * MINUTE_MS;
  const baseMs = Math.max(0, baseMinutes) * MINUTE_MS;
  const exponent = Math.min(Math.max(0, Math.floor(consecutiveFailures) - 1), 30);
  const exponential = Math.min(capMs, baseMs * 2 ** exponent);
  const honoured =
    retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs > 0
      ? Math.max(exponential, Math.min(capMs, retryAfterMs))
      : exponential;
  return honoured;
}

/** The instant of the next attempt after a failure observed at `now`. */
export function nextAttemptAfterFailure(
  consecutiveFailures: number,
  baseMinutes: number,
  capMinutes: number,
  retryAfterMs: number | undefined,
  now: Date,
): Date {
  return new Date(
    now.getTime() + backoffDelayMs(consecutiveFailures, baseMinutes, capMinutes, retryAfterMs),
  );
}
