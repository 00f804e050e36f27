// Errors from the Bot Connector or a Workflows webhook as SendOutcome values. Rules (Teams rate
// limits, https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit): 429 and
// also 412, 502 and 504 are retried, with Retry-After when the service gives one (seconds or an
// HTTP date), otherwise the outbox's exponential back-off; other 5xx, timeouts and network
// errors are retried too. 403 and 404 mean the bot was removed or the conversation is gone
// (permanent: the subscription pauses with the reason); 401 is a credentials problem on our side
// (retried later, so fixing TEAMS_APP_PASSWORD resumes delivery).
import type { SendOutcome } from '../../delivery/adapter.js';

export type FailedOutcome = Exclude<SendOutcome, { status: 'sent' }>;

const RETRIED = new Set([408, 412, 429, 500, 502, 503, 504]);

/** Milliseconds from a Retry-After header (delta-seconds or HTTP-date), or null. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export function classifyHttpFailure(
  service: string,
  status: number,
  retryAfter: string | null,
  now: number,
): FailedOutcome {
  if (RETRIED.has(status)) {
    return {
      status: 'retry',
      reason: status === 429 ? `rate limited by ${service} (429)` : `${service} answered ${status}`,
      retryAfterMs: parseRetryAfter(retryAfter, now),
      ...(status === 429 ? { rateLimited: true } : {}),
    };
  }
  if (status === 401) {
    return {
      status: 'retry',
      reason: `${service} refused the bot's credentials (401): check TEAMS_APP_ID and TEAMS_APP_PASSWORD`,
      retryAfterMs: 15 * 60_000,
    };
  }
  if (status === 403 || status === 404) {
    return {
      status: 'permanent',
      reason: `${service} answered ${status}: the bot was removed from this conversation, or it no longer exists`,
    };
  }
  if (status >= 500)
    return { status: 'retry', reason: `${service} answered ${status}`, retryAfterMs: null };
  return { status: 'permanent', reason: `${service} refused the message (${status})` };
}

export function classifyNetworkFailure(service: string, error: unknown): FailedOutcome {
  const message = error instanceof Error ? error.message : String(error);
  return {
    status: 'retry',
    reason: `could not post to ${service}: ${message.slice(0, 200)}`,
    retryAfterMs: null,
  };
}
