// Where fetched documents are read: in a parse worker pool (the bot, the CLI: a pathological
// document fails its source with a clear reason and blocks nothing else) or on the calling
// thread (tests that build PollDeps by hand; same code, no limits). The poll orchestrator only
// sees this interface. Reasons are the ones users read in `briefing sources`.
import { createWorkerPool } from './parse-worker-pool.js';
import {
  readFetchedDocument,
  type DocumentRead,
  type FetchedDocument,
} from './read-fetched-document.js';

export type ReadOutcome = DocumentRead | { ok: false; reason: string; cancelled: true };

export interface DocumentReader {
  /** The document's bytes are moved to the worker: the caller must not use them afterwards. */
  read(doc: FetchedDocument): Promise<ReadOutcome>;
  /** Ends the workers at once (SIGTERM); reads in flight answer `cancelled`. */
  close(): Promise<void>;
}

export interface ParseLimits {
  workers: number;
  timeoutMs: number;
  heapMb: number;
}

const TASK_MODULE = new URL('./parse-worker-task.ts', import.meta.url);

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

export function createWorkerDocumentReader(
  limits: ParseLimits,
  taskModule: URL = TASK_MODULE,
): DocumentReader {
  const pool = createWorkerPool<FetchedDocument, DocumentRead>({
    taskModule,
    size: limits.workers,
    timeoutMs: limits.timeoutMs,
    heapMb: limits.heapMb,
  });
  return {
    async read(doc) {
      const bytes = ownBuffer(doc.bytes);
      const result = await pool.run({ ...doc, bytes }, [bytes.buffer as ArrayBuffer]);
      switch (result.status) {
        case 'ok':
          return result.value;
        case 'timeout':
          return { ok: false, reason: `parse took longer than ${seconds(limits.timeoutMs)}` };
        case 'out-of-memory':
          return {
            ok: false,
            reason: `document too large to parse (over the ${limits.heapMb} MB parse memory limit)`,
          };
        case 'failed':
          return { ok: false, reason: `could not process the document: ${result.reason}` };
        case 'closed':
          return { ok: false, reason: 'cancelled: the bot is stopping', cancelled: true };
      }
    },
    close: () => pool.close(),
  };
}

/** Reads on the calling thread: no time or heap limit (tests, and as the reference path). */
export function createInThreadDocumentReader(): DocumentReader {
  return {
    async read(doc) {
      try {
        return await readFetchedDocument(doc);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { ok: false, reason: `could not process the document: ${reason}` };
      }
    },
    close: async () => undefined,
  };
}
