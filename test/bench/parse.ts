// Parse benchmark: MB/s of feed XML through our decode -> parseFeed -> normaliseItems path
// against bare rss-parser `parseString` on the same documents, timed side by side in one run.
// Target (issue 7): parse_overhead_ratio <= 1.3.
import Parser from 'rss-parser';
import type { Source } from '../../src/domain.js';
import { decodeFeedBytes } from '../../src/ingest/decode.js';
import { normaliseItems } from '../../src/ingest/normalise.js';
import { parseFeed } from '../../src/ingest/parse-feed.js';
import { generateFeedDocument } from './generate-feeds.js';
import { compareSideBySide } from './measure.js';

export interface ParseBenchOptions {
  documents: number;
  itemsPerDocument: number;
  rounds: number;
  warmup: number;
}

export interface ParseBenchResult {
  parse_documents: number;
  parse_items: number;
  parse_megabytes: number;
  parse_ours_mb_per_s: number;
  parse_bare_mb_per_s: number;
  parse_overhead_ratio: number;
}

export function benchSource(index: number, url: string): Source {
  return {
    id: `bench-${index}`,
    name: `Bench source ${index}`,
    kind: 'feed',
    url,
    pollIntervalMinutes: 60,
    paywalled: false,
    authority: 0.5,
    enabled: true,
    verified: true,
  };
}

export async function runParseBench(options: ParseBenchOptions): Promise<ParseBenchResult> {
  const docs = Array.from({ length: options.documents }, (_, i) => {
    const text = generateFeedDocument({
      format: i % 3 === 2 ? 'atom' : 'rss',
      items: options.itemsPerDocument,
      sourceIndex: i,
      seed: 7,
    });
    const url = `https://news${i}.example.org/feed.xml`;
    return { text, bytes: new TextEncoder().encode(text), url, source: benchSource(i, url) };
  });
  const totalBytes = docs.reduce((sum, d) => sum + d.bytes.length, 0);
  const now = new Date(Date.UTC(2026, 9, 2));
  const bare = new Parser();
  let itemsSeen = 0;

  const ours = async (): Promise<void> => {
    let count = 0;
    for (const doc of docs) {
      const { text } = decodeFeedBytes(doc.bytes, 'application/rss+xml; charset=utf-8');
      const parsed = await parseFeed(text, doc.url);
      if (!parsed.ok) throw new Error(`bench: generated document did not parse: ${parsed.reason}`);
      count += normaliseItems(parsed.feed, doc.source, now).length;
    }
    itemsSeen = count;
  };
  const baseline = async (): Promise<void> => {
    for (const doc of docs) await bare.parseString(doc.text);
  };

  const timing = await compareSideBySide(ours, baseline, options);
  const mb = totalBytes / (1024 * 1024);
  if (itemsSeen !== options.documents * options.itemsPerDocument) {
    throw new Error(
      `bench: expected ${options.documents * options.itemsPerDocument} stories, got ${itemsSeen}`,
    );
  }
  return {
    parse_documents: docs.length,
    parse_items: itemsSeen,
    parse_megabytes: mb,
    parse_ours_mb_per_s: mb / (timing.aMs / 1000),
    parse_bare_mb_per_s: mb / (timing.bMs / 1000),
    parse_overhead_ratio: timing.ratio,
  };
}
