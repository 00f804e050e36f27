// The one orchestrator of ingestion: poll a single source top to bottom.
// fetch -> read (readDocument: decode, cap, parse feed or HTML listing, normalise; in a parse
// worker when deps.reader is the worker pool, ingest/document-reader.ts) -> tag -> store ->
// record health.
// Expected failures (HTTP errors, timeouts, unparseable documents) become a PollOutcome and the
// source's stored state; they never throw, so one bad source never stops a poll of the others.
// URL rule: a permanent redirect (301/308, on a 200 or a 304) is remembered next to the configured
// URL it was learnt under and polled instead of it only while sources.yaml still names that URL;
// after an edit the new configured URL is polled, without the old validators.
import type { Db } from '../store/database.js';
import type { Source } from '../domain.js';
import type { Logger } from '../logging.js';
import {
  effectivePollUrl,
  getSourceState,
  recordPollFailure,
  recordPollNotModified,
  recordPollSuccess,
} from '../store/source-state.js';
import { saveStories, type Annotate } from '../store/stories.js';
import { nextAttemptAfterFailure } from '../ingest/backoff.js';
import { fetchSource, type FetchOptions, type FetchResult } from '../ingest/fetch-source.js';
import { createInThreadDocumentReader, type DocumentReader } from '../ingest/document-reader.js';

export type { Annotate };

export interface PollDeps {
  db: Db;
  fetchOptions: FetchOptions;
  annotate: Annotate;
  now: () => Date;
  maxBackoffMinutes: number;
  logger: Logger;
  /** Where documents are read; absent: on this thread, without time or heap limits. */
  reader?: DocumentReader;
  /** settings poll.maxItemsPerDocument (default DEFAULT_MAX_ITEMS_PER_DOCUMENT). */
  maxItemsPerDocument?: number;
}

export const DEFAULT_MAX_ITEMS_PER_DOCUMENT = 2000;
const inThreadReader = createInThreadDocumentReader();

export type PollStatus = 'ok' | 'not-modified' | 'failed';

export interface PollOutcome {
  sourceId: string;
  status: PollStatus;
  newStories: number;
  updatedStories: number;
  /** Items in the document (ok only). */
  items: number;
  /** Why it failed, in words a user understands. */
  reason: string | null;
  durationMs: number;
  /** Items beyond poll.maxItemsPerDocument, not read (ok only; absent when none). */
  itemsDropped?: number;
}

export async function pollSource(source: Source, deps: PollDeps): Promise<PollOutcome> {
  const started = deps.now();
  const state = getSourceState(deps.db, source.id);
  // The stored redirect, validators and failure count belong to the URL they were learnt under.
  const sameConfig = state !== null && state.configuredUrl === source.url;
  const url = effectivePollUrl(source, state);
  const configuredUrl = source.url;
  const outcome = (status: PollStatus, extra: Partial<PollOutcome> = {}): PollOutcome => ({
    sourceId: source.id,
    status,
    newStories: 0,
    updatedStories: 0,
    items: 0,
    reason: null,
    durationMs: deps.now().getTime() - started.getTime(),
    ...extra,
  });
  const fail = (reason: string, retryAfterMs: number | null = null, gone = false): PollOutcome => {
    const at = deps.now();
    // A new configured URL starts its own failure count (as recordPollFailure does).
    const urlChanged = state !== null && state.configuredUrl !== null && !sameConfig;
    const failures = (urlChanged ? 0 : (state?.consecutiveFailures ?? 0)) + 1;
    const nextPollAt = nextAttemptAfterFailure(
      failures,
      source.pollIntervalMinutes,
      deps.maxBackoffMinutes,
      retryAfterMs ?? undefined,
      at,
    );
    recordPollFailure(deps.db, source.id, { reason, at, nextPollAt, gone, configuredUrl });
    deps.logger.warn(
      { source_id: source.id, reason, consecutive_failures: failures },
      'poll failed',
    );
    return outcome('failed', { reason });
  };

  let fetched: FetchResult;
  try {
    fetched = await fetchSource(
      sameConfig
        ? { url, etag: state.etag ?? undefined, lastModified: state.lastModified ?? undefined }
        : { url },
      deps.fetchOptions,
    );
  } catch (error) {
    return fail(`unexpected fetch failure: ${describe(error)}`);
  }

  // Cancelled because the bot is stopping (SIGINT/SIGTERM): not the source's fault, so nothing
  // is recorded against it and it is polled as usual after the restart.
  if (fetched.status === 'network-error' && fetched.reason === 'aborted') {
    return outcome('failed', { reason: 'cancelled: the bot is stopping' });
  }

  const nextPollAt = new Date(deps.now().getTime() + source.pollIntervalMinutes * 60_000);
  switch (fetched.status) {
    case 'not-modified':
      recordPollNotModified(deps.db, source.id, {
        at: deps.now(),
        nextPollAt,
        url: fetched.permanentRedirectTo ?? null,
        configuredUrl,
      });
      return outcome('not-modified');
    case 'ok':
      break;
    case 'http-error':
      return fail(fetched.detail, fetched.retryAfterMs ?? null, fetched.gone === true);
    default:
      return fail(fetched.detail);
  }

  const read = await (deps.reader ?? inThreadReader).read(source, fetched.bytes, {
    contentType: fetched.contentType,
    finalUrl: fetched.finalUrl,
    now: deps.now(),
    maxItems: deps.maxItemsPerDocument ?? DEFAULT_MAX_ITEMS_PER_DOCUMENT,
  });
  if (!read.ok) {
    // The bot is stopping and the workers were ended: not the document's fault.
    if (read.kind === 'cancelled') return outcome('failed', { reason: read.reason });
    const links = 'feedLinks' in read ? read.feedLinks : undefined;
    const hint = links?.length ? `; a feed is advertised at ${links[0]}` : '';
    return fail(`${read.reason}${hint}`);
  }

  try {
    const now = deps.now();
    const { stories, itemsDropped } = read;
    const saved = saveStories(deps.db, stories, now, deps.annotate);
    recordPollSuccess(deps.db, source.id, {
      at: now,
      etag: fetched.etag ?? null,
      lastModified: fetched.lastModified ?? null,
      url: fetched.permanentRedirectTo ?? null,
      configuredUrl,
      nextPollAt,
      itemsDropped,
    });
    deps.logger.info(
      {
        source_id: source.id,
        items: stories.length,
        new_stories: saved.inserted.length,
        updated: saved.updated.length,
        ...(itemsDropped > 0 ? { items_dropped: itemsDropped } : {}),
      },
      'poll ok',
    );
    return outcome('ok', {
      newStories: saved.inserted.length,
      updatedStories: saved.updated.length,
      items: stories.length,
      ...(itemsDropped > 0 ? { itemsDropped } : {}),
    });
  } catch (error) {
    return fail(`could not process the document: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
