// The cost of the parse watchdog's worker hop (issue 12): the same documents read by
// readDocument on this thread and through a one-worker parse pool (document-reader.ts), side by
// side. The hop is: copy of the bytes into a buffer of their own (the poller's are already),
// transfer of that buffer, structured clone of the Stories back. Reported as a ratio and as
// milliseconds per document; the worker is started (and warmed) before timing.
import type { Source } from '../../src/domain.js';
import { createWorkerDocumentReader } from '../../src/ingest/document-reader.js';
import { readDocument } from '../../src/ingest/read-document.js';
import { compareSideBySide } from './measure.js';

export interface WorkerHopDocument {
  bytes: Uint8Array;
  url: string;
  source: Source;
}

export interface WorkerHopResult {
  parse_worker_vs_inline_ratio: number;
  parse_worker_hop_ms_per_doc: number;
}

export async function measureWorkerHop(
  docs: readonly WorkerHopDocument[],
  now: Date,
  options: { rounds: number; warmup: number },
): Promise<WorkerHopResult> {
  const reader = createWorkerDocumentReader({ workers: 1, timeoutMs: 60_000, heapMb: 96 });
  const optionsFor = (doc: WorkerHopDocument) => ({
    contentType: 'application/rss+xml; charset=utf-8',
    finalUrl: doc.url,
    now,
    maxItems: 2000,
  });
  const inWorker = async (): Promise<void> => {
    for (const doc of docs) {
      // A fresh copy each time: the read moves (detaches) the buffer it is given.
      const read = await reader.read(doc.source, doc.bytes.slice(), optionsFor(doc));
      if (!read.ok) throw new Error(`bench: worker read failed: ${read.reason}`);
    }
  };
  const inline = async (): Promise<void> => {
    for (const doc of docs) {
      const read = await readDocument(doc.source, doc.bytes.slice(), optionsFor(doc));
      if (!read.ok) throw new Error(`bench: inline read failed: ${read.reason}`);
    }
  };
  try {
    await inWorker(); // starts the worker: start-up is paid once per pool, not per document
    const timing = await compareSideBySide(inWorker, inline, options);
    return {
      parse_worker_vs_inline_ratio: timing.ratio,
      parse_worker_hop_ms_per_doc: (timing.aMs - timing.bMs) / docs.length,
    };
  } finally {
    await reader.close();
  }
}
