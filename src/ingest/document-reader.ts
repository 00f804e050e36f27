// Where fetched documents are read (readDocument): in a parse worker pool (the bot, the CLI: a
// pathological document fails its source with a clear reason and blocks nothing else) or on
// the calling thread (tests that build PollDeps by hand; same code, no limits). The poll
// orchestrator only sees this interface. Reasons are the ones users read in `briefing sources`.
import type { Source } from '../domain.js';
import type { ParseTask } from './parse-worker-task.js';
import { createWorkerPool } from './parse-worker-pool.js';
// Types only: the parsers (rss-parser, cheerio, parse5, iconv-lite) load in the workers; this
// thread imports read-document.js only for the in-thread reader (issue 17, idle memory).
import type { ReadDocumentOptions, ReadDocumentResult } from './read-document.js';

/** Why the watchdog, not the document's content, ended a read. */
export type WatchdogFailureKind = 'parse-timeout' | 'parse-memory' | 'parse-crash' | 'cancelled';

export type ReadOutcome =
  ReadDocumentResult | { ok: false; kind: WatchdogFailureKind; reason: string };

export interface DocumentReader {
  /** The bytes are moved to the worker: the caller must not use them afterwards. */
  read(source: Source, bytes: Uint8Array, options: ReadDocumentOptions): Promise<ReadOutcome>;
  /** Ends the workers at once (SIGTERM); reads in flight answer `cancelled`. */
  close(): Promise<void>;
}

export interface ParseLimits {
  workers: number;
  timeoutMs: number;
  heapMb: number;
}

// The task module beside this one: TypeScript when running from src/ (tsx, vitest), compiled
// JavaScript when running from dist/ (.config/build.mjs).
const TASK_MODULE = new URL(
  import.meta.url.endsWith('.ts') ? './parse-worker-task.ts' : './parse-worker-task.js',
  import.meta.url,
);

/** The bytes as a buffer of their own, so transferring it detaches nothing else (Buffer pools). */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  const whole =
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer;
  return whole ? bytes : new Uint8Array(bytes);
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** `taskModule` exists for tests: a module exporting runTask like parse-worker-task.ts. */
export function createWorkerDocumentReader(
  limits: ParseLimits,
  taskModule: URL = TASK_MODULE,
): DocumentReader {
  const pool = createWorkerPool<ParseTask, ReadDocumentResult>({
    taskModule,
    size: limits.workers,
    timeoutMs: limits.timeoutMs,
    heapMb: limits.heapMb,
  });
  return {
    async read(source, bytes, options) {
      const own = ownBuffer(bytes);
      const result = await pool.run({ source, bytes: own, options }, [own.buffer as ArrayBuffer]);
      switch (result.status) {
        case 'ok':
          return result.value;
        case 'timeout':
          return {
            ok: false,
            kind: 'parse-timeout',
            reason: `parse took longer than ${seconds(limits.timeoutMs)}`,
          };
        case 'out-of-memory':
          return {
            ok: false,
            kind: 'parse-memory',
            reason: `document too large to parse (over the ${limits.heapMb} MB parse memory limit)`,
          };
        case 'failed':
          return {
            ok: false,
            kind: 'parse-crash',
            reason: `could not process the document: ${result.reason}`,
          };
        case 'closed':
          return { ok: false, kind: 'cancelled', reason: 'cancelled: the bot is stopping' };
      }
    },
    close: () => pool.close(),
  };
}

/** Reads on the calling thread: no time or heap limit (tests, and as the reference path). */
export function createInThreadDocumentReader(): DocumentReader {
  return {
    async read(source, bytes, options) {
      try {
        const { readDocument } = await import('./read-document.js');
        return await readDocument(source, bytes, options);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return {
          ok: false,
          kind: 'parse-crash',
          reason: `could not process the document: ${reason}`,
        };
      }
    },
    close: async () => undefined,
  };
}
