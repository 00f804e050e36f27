// The labelled archive the search evaluation runs over: the tagging development set's headlines
// and standfirsts (a fixed list of files, so later tagging batches do not silently add unjudged
// stories) plus test/eval/search-extra.jsonl (near-duplicates from other outlets, off-sense
// acronyms, named organisations), stored through the real pipeline step (tagAndStore with the
// real themes and gazetteer) in a real SQLite database, so facets, tags and entities are what the
// bot itself would store.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppConfig } from '../../src/config/load.js';
import type { Story } from '../../src/domain.js';
import { buildAnnotator } from '../../src/pipeline/build-poll-deps.js';
import { tagAndStore } from '../../src/pipeline/tag-and-store.js';
import { openDatabase, type Db } from '../../src/store/database.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The judged files: adding a file here means judging every query against its stories. */
export const ARCHIVE_FILES = [
  ...[
    'carter',
    'covid-cip',
    'mcp',
    'other',
    'procurement',
    'round2',
    'round3',
    'round4',
    'stp',
  ].map((name) => join(ROOT, 'test/fixtures/tagging', `${name}.jsonl`)),
  join(ROOT, 'test/eval/search-extra.jsonl'),
];

/** Outlets the development-set stories are spread over (they carry no source of their own). */
const OUTLETS = ['hsj', 'pulse', 'nhe', 'nhse-news', 'nursing-times', 'kings-fund'];

interface ArchiveLine {
  id: string;
  title: string;
  summary: string;
  publishedAt: string;
  sourceId?: string;
}

export function readArchiveStories(files: readonly string[] = ARCHIVE_FILES): Story[] {
  const lines = files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as ArchiveLine),
  );
  return lines.map((line, i) => ({
    id: line.id,
    sourceId: line.sourceId ?? OUTLETS[i % OUTLETS.length]!,
    guid: line.id,
    url: `https://example.org/archive/${line.id}`,
    title: line.title,
    summary: line.summary,
    content: '',
    author: null,
    categories: [],
    publishedAt:
      line.publishedAt.length === 10 ? `${line.publishedAt}T09:00:00.000Z` : line.publishedAt,
    publishedEstimated: false,
    paywalled: false,
  }));
}

/** A fresh in-memory database holding the archive, tagged by the configured rules. */
export function buildSearchArchive(config: AppConfig, now: Date): Db {
  const db = openDatabase(':memory:');
  tagAndStore(db, readArchiveStories(), now, buildAnnotator(config));
  return db;
}
