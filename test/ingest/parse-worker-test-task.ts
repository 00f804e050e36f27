// A task module for parse-worker tests (loaded in the worker like src/ingest/parse-worker-task.ts):
// the real read, except that a document containing a marker comment misbehaves in a known way:
// <!--stall:PATH--> writes PATH (so the test can see the loop has begun) and then loops forever;
// <!--allocate--> keeps allocating until the heap limit stops it; <!--throw--> throws.
import { writeFileSync } from 'node:fs';
import type { ParseTask } from '../../src/ingest/parse-worker-task.js';
import { readDocument, type ReadDocumentResult } from '../../src/ingest/read-document.js';

export async function runTask(task: ParseTask): Promise<{ value: ReadDocumentResult }> {
  const head = Buffer.from(task.bytes.subarray(0, 400)).toString('utf8');
  const stall = /<!--stall:([^>]*?)-->/.exec(head);
  if (stall) {
    writeFileSync(stall[1]!, 'stalling');
    for (;;) {
      // a parse that never ends: only terminating the thread stops it
    }
  }
  if (head.includes('<!--allocate-->')) {
    const hoard: string[][] = [];
    for (;;) hoard.push(Array.from({ length: 10_000 }, (_, i) => `item ${i} ${hoard.length}`));
  }
  if (head.includes('<!--throw-->')) throw new Error('test task: asked to throw');
  return { value: await readDocument(task.source, task.bytes, task.options) };
}
