// The task each parse worker runs (loaded by parse-worker-entry.mjs): one fetched document in,
// its Stories out. The bytes arrive transferred, not copied (parse-document.ts).
import {
  readFetchedDocument,
  type DocumentRead,
  type FetchedDocument,
} from './read-fetched-document.js';

export async function runTask(task: FetchedDocument): Promise<{ value: DocumentRead }> {
  return { value: await readFetchedDocument(task) };
}
