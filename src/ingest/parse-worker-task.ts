// The task each parse worker runs (loaded by parse-worker-entry.mjs): one fetched document in,
// readDocument's result out. The bytes arrive transferred, not copied (document-reader.ts).
import type { Source } from '../domain.js';
import {
  readDocument,
  type ReadDocumentOptions,
  type ReadDocumentResult,
} from './read-document.js';

export interface ParseTask {
  source: Source;
  bytes: Uint8Array;
  options: ReadDocumentOptions;
}

export async function runTask(task: ParseTask): Promise<{ value: ReadDocumentResult }> {
  return { value: await readDocument(task.source, task.bytes, task.options) };
}
