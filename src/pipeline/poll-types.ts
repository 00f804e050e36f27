// What a poll of one source needs and returns (poll-source.ts), and what it knows once started
// (record-poll-health.ts). Types only.
import type { Source } from '../domain.js';
import type { FetchOptions } from '../ingest/fetch-source.js';
import type { readDocument } from '../ingest/read-document.js';
import type { Logger } from '../logging.js';
import type { Db } from '../store/database.js';
import type { SourceState } from '../store/source-state.js';
import type { Annotate } from './tag-and-store.js';

/** The read step's signature: ingest/read-document.ts, in this thread or elsewhere. */
export type ReadDocument = typeof readDocument;

export interface PollDeps {
  db: Db;
  fetchOptions: FetchOptions;
  annotate: Annotate;
  now: () => Date;
  maxBackoffMinutes: number;
  logger: Logger;
  /** Reads fetched bytes into stories; readDocument in this thread when not given. */
  readDocument?: ReadDocument;
}

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
}

/** One poll in progress: the source, when it started, and its state before this poll. */
export interface PollStart {
  source: Source;
  started: Date;
  state: SourceState | null;
  /** The stored redirect, validators and failure count belong to the URL they were learnt under. */
  sameConfig: boolean;
}
