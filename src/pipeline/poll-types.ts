// What a poll of one source needs and returns (poll-source.ts), and what it knows once started
// (record-poll-health.ts). Types only.
import type { Source } from '../domain.js';
import type { DocumentReader, ReadOutcome } from '../ingest/document-reader.js';
import type { FetchOptions } from '../ingest/fetch-source.js';
import type { ReadDocumentOptions } from '../ingest/read-document.js';
import type { Logger } from '../logging.js';
import type { Db } from '../store/database.js';
import type { SourceState } from '../store/source-state.js';
import type { Annotate } from './tag-and-store.js';

/**
 * The read step's signature: ingest/read-document.ts, in this thread or elsewhere (a parse
 * worker can also fail for its own reasons: ingest/document-reader.ts).
 */
export type ReadDocument = (
  source: Source,
  bytes: Uint8Array,
  options: ReadDocumentOptions,
) => Promise<ReadOutcome>;

export interface PollDeps {
  db: Db;
  fetchOptions: FetchOptions;
  annotate: Annotate;
  now: () => Date;
  maxBackoffMinutes: number;
  logger: Logger;
  /** Reads fetched bytes into stories; readDocument in this thread when not given. */
  readDocument?: ReadDocument;
  /**
   * The parse worker pool (buildPollDeps makes it from settings): when given, documents are read
   * there, under its time and heap limits, and the bot closes it on SIGTERM.
   */
  reader?: DocumentReader;
  /** settings poll.maxItemsPerDocument (DEFAULT_MAX_ITEMS_PER_DOCUMENT when not given). */
  maxItemsPerDocument?: number;
  /** Where poll outcomes and fetch/parse times are counted (src/metrics/), when the bot runs one. */
  metrics?: PollMetrics & { observePoll(outcome: PollOutcome): void };
}

/** Timings a poll reports (wall seconds, measured with performance.now, never the fake clock). */
export interface PollMetrics {
  observeFetch(sourceId: string, seconds: number): void;
  observeRead(sourceId: string, seconds: number): void;
}

export const DEFAULT_MAX_ITEMS_PER_DOCUMENT = 2000;

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

/** One poll in progress: the source, when it started, and its state before this poll. */
export interface PollStart {
  source: Source;
  started: Date;
  state: SourceState | null;
  /** The stored redirect, validators and failure count belong to the URL they were learnt under. */
  sameConfig: boolean;
}
