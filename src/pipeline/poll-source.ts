// The one orchestrator of ingestion: poll a single source top to bottom, one named step each:
// fetch -> read (decode, cap items, parse feed or HTML listing, normalise; in the parse worker
// pool when deps.reader is given) -> tag and store -> record health.
// Expected failures (HTTP errors, timeouts, unparseable documents) become a PollOutcome and the
// source's stored state; they never throw, so one bad source never stops a poll of the others.
// URL rule: a permanent redirect (301/308, on a 200 or a 304) is remembered next to the configured
// URL it was learnt under and polled instead of it only while sources.yaml still names that URL;
// after an edit the new configured URL is polled, without the old validators.
import type { Source } from '../domain.js';
import { fetchSource, type FetchResult } from '../ingest/fetch-source.js';
import type { ReadOutcome } from '../ingest/document-reader.js';
import { effectivePollUrl, getSourceState } from '../store/source-state.js';
import {
  DEFAULT_MAX_ITEMS_PER_DOCUMENT,
  type PollDeps,
  type PollOutcome,
  type PollStart,
} from './poll-types.js';
import {
  pollOutcome,
  recordFailedPoll,
  recordNotModifiedPoll,
  recordSuccessfulPoll,
} from './record-poll-health.js';
import { tagAndStore } from './tag-and-store.js';

export type { PollDeps, PollOutcome, PollStatus, ReadDocument } from './poll-types.js';

export async function pollSource(source: Source, deps: PollDeps): Promise<PollOutcome> {
  const outcome = await pollSteps(source, deps);
  deps.metrics?.observePoll(outcome);
  return outcome;
}

async function pollSteps(source: Source, deps: PollDeps): Promise<PollOutcome> {
  const poll = startPoll(source, deps);
  const fetchStarted = performance.now();
  const fetched = await fetchDocument(poll, deps);
  deps.metrics?.observeFetch(source.id, (performance.now() - fetchStarted) / 1000);
  // Cancelled because the bot is stopping (SIGINT/SIGTERM): not the source's fault, so nothing
  // is recorded against it and it is polled as usual after the restart.
  if (fetched.status === 'network-error' && fetched.reason === 'aborted') {
    return pollOutcome(poll, deps, 'failed', { reason: 'cancelled: the bot is stopping' });
  }
  const nextPollAt = new Date(deps.now().getTime() + source.pollIntervalMinutes * 60_000);
  switch (fetched.status) {
    case 'ok':
      break;
    case 'not-modified':
      return recordNotModifiedPoll(poll, deps, fetched, nextPollAt);
    case 'http-error': {
      const { detail: reason, retryAfterMs, gone } = fetched;
      return recordFailedPoll(poll, deps, { reason, retryAfterMs, gone: gone === true });
    }
    default:
      return recordFailedPoll(poll, deps, { reason: fetched.detail });
  }
  try {
    const at = deps.now();
    const readStarted = performance.now();
    const read = await readFetchedDocument(source, fetched, at, deps);
    deps.metrics?.observeRead(source.id, (performance.now() - readStarted) / 1000);
    // The bot is stopping and the parse workers were ended: not the document's fault.
    if (!read.ok && read.kind === 'cancelled') {
      return pollOutcome(poll, deps, 'failed', { reason: read.reason });
    }
    if (!read.ok) return recordFailedPoll(poll, deps, { reason: describeReadFailure(read) });
    const saved = tagAndStore(deps.db, read.stories, at, deps.annotate);
    const items = read.stories.length;
    const { itemsDropped } = read;
    return recordSuccessfulPoll(poll, deps, {
      fetched,
      items,
      itemsDropped,
      saved,
      at,
      nextPollAt,
    });
  } catch (error) {
    const reason = `could not process the document: ${describeError(error)}`;
    return recordFailedPoll(poll, deps, { reason });
  }
}

/** What the poll knows before fetching: the source's stored state, read once. */
function startPoll(source: Source, deps: PollDeps): PollStart {
  const started = deps.now();
  const state = getSourceState(deps.db, source.id);
  const sameConfig = state !== null && state.configuredUrl === source.url;
  return { source, started, state, sameConfig };
}

/** A conditional GET of the URL to poll; validators only when learnt under this configured URL. */
async function fetchDocument(
  poll: PollStart,
  deps: PollDeps,
): Promise<FetchResult | { status: 'crashed'; detail: string }> {
  const { state } = poll;
  const url = effectivePollUrl(poll.source, state);
  try {
    return await fetchSource(
      poll.sameConfig && state !== null
        ? { url, etag: state.etag ?? undefined, lastModified: state.lastModified ?? undefined }
        : { url },
      deps.fetchOptions,
    );
  } catch (error) {
    return { status: 'crashed', detail: `unexpected fetch failure: ${describeError(error)}` };
  }
}

/**
 * readDocument on this thread, imported on first use: the bot reads in its parse workers, and a
 * static import kept the parsers (cheerio, parse5, rss-parser, iconv-lite: ~8 MB of heap) loaded
 * in the idle main thread for nothing (issue 17, idle memory).
 */
const readInThisThread: NonNullable<PollDeps['readDocument']> = async (...args) => {
  const { readDocument } = await import('../ingest/read-document.js');
  return readDocument(...args);
};

/** The fetched document as stories (ingest/read-document.ts): in the parse worker pool, the deps' own reader, or this thread. */
function readFetchedDocument(
  source: Source,
  fetched: Extract<FetchResult, { status: 'ok' }>,
  now: Date,
  deps: PollDeps,
): Promise<ReadOutcome> {
  const read = deps.reader?.read ?? deps.readDocument ?? readInThisThread;
  return read(source, fetched.bytes, {
    contentType: fetched.contentType,
    finalUrl: fetched.finalUrl,
    now,
    maxItems: deps.maxItemsPerDocument ?? DEFAULT_MAX_ITEMS_PER_DOCUMENT,
  });
}

function describeReadFailure(read: Extract<ReadOutcome, { ok: false }>): string {
  const links = 'feedLinks' in read ? read.feedLinks : undefined;
  const hint = links?.length ? `; a feed is advertised at ${links[0]}` : '';
  return `${read.reason}${hint}`;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
