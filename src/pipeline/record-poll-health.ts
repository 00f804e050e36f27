// The last step of a poll: record how it went on the source (source_state, poll log), log one
// line, and return the PollOutcome. Failures back off (ingest/backoff.ts) from the failure count
// of the configured URL the poll used: a new configured URL starts its own count, as
// recordPollFailure does in the store.
import type { FetchResult } from '../ingest/fetch-source.js';
import { nextAttemptAfterFailure } from '../ingest/backoff.js';
import type { SaveResult } from '../store/stories.js';
import {
  recordPollFailure,
  recordPollNotModified,
  recordPollSuccess,
} from '../store/source-state.js';
import type { PollDeps, PollOutcome, PollStart, PollStatus } from './poll-types.js';

export function pollOutcome(
  poll: PollStart,
  deps: Pick<PollDeps, 'now'>,
  status: PollStatus,
  extra: Partial<PollOutcome> = {},
): PollOutcome {
  return {
    sourceId: poll.source.id,
    status,
    newStories: 0,
    updatedStories: 0,
    items: 0,
    reason: null,
    durationMs: deps.now().getTime() - poll.started.getTime(),
    ...extra,
  };
}

export interface FailedPoll {
  reason: string;
  retryAfterMs?: number | null;
  gone?: boolean;
}

export function recordFailedPoll(poll: PollStart, deps: PollDeps, failed: FailedPoll): PollOutcome {
  const { source, state } = poll;
  const at = deps.now();
  const urlChanged = state !== null && state.configuredUrl !== null && !poll.sameConfig;
  const failures = (urlChanged ? 0 : (state?.consecutiveFailures ?? 0)) + 1;
  const nextPollAt = nextAttemptAfterFailure(
    failures,
    source.pollIntervalMinutes,
    deps.maxBackoffMinutes,
    failed.retryAfterMs ?? undefined,
    at,
  );
  recordPollFailure(deps.db, source.id, {
    reason: failed.reason,
    at,
    nextPollAt,
    gone: failed.gone === true,
    configuredUrl: source.url,
  });
  deps.logger.warn(
    { source_id: source.id, reason: failed.reason, consecutive_failures: failures },
    'poll failed',
  );
  return pollOutcome(poll, deps, 'failed', { reason: failed.reason });
}

type NotModified = Extract<FetchResult, { status: 'not-modified' }>;
type Fetched = Extract<FetchResult, { status: 'ok' }>;

export function recordNotModifiedPoll(
  poll: PollStart,
  deps: PollDeps,
  fetched: NotModified,
  nextPollAt: Date,
): PollOutcome {
  recordPollNotModified(deps.db, poll.source.id, {
    at: deps.now(),
    nextPollAt,
    url: fetched.permanentRedirectTo ?? null,
    configuredUrl: poll.source.url,
  });
  return pollOutcome(poll, deps, 'not-modified');
}

/** `at` is the instant the stories were stored with (first_seen_at), see first-poll-backlog.ts. */
export function recordSuccessfulPoll(
  poll: PollStart,
  deps: PollDeps,
  done: {
    fetched: Fetched;
    items: number;
    /** Items beyond the per-document cap, not read. */
    itemsDropped: number;
    saved: SaveResult;
    at: Date;
    nextPollAt: Date;
  },
): PollOutcome {
  const { fetched, saved, itemsDropped } = done;
  recordPollSuccess(deps.db, poll.source.id, {
    at: done.at,
    etag: fetched.etag ?? null,
    lastModified: fetched.lastModified ?? null,
    url: fetched.permanentRedirectTo ?? null,
    configuredUrl: poll.source.url,
    nextPollAt: done.nextPollAt,
    itemsDropped,
  });
  deps.logger.info(
    {
      source_id: poll.source.id,
      items: done.items,
      new_stories: saved.inserted.length,
      updated: saved.updated.length,
      ...(itemsDropped > 0 ? { items_dropped: itemsDropped } : {}),
    },
    'poll ok',
  );
  return pollOutcome(poll, deps, 'ok', {
    newStories: saved.inserted.length,
    updatedStories: saved.updated.length,
    items: done.items,
    ...(itemsDropped > 0 ? { itemsDropped } : {}),
  });
}
