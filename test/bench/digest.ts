// Digest building benchmark: one week's digest from a large archive, through the product's own
// path: buildWeekDigest (src/pipeline/build-week-digest.ts) with the shipped config, as the
// weekly job, `briefing digest` and the chat commands call it: the week's stories from the store,
// the off-topic check, select/cluster/rank, coverage, closing dates, continuity (earlier stories
// from the store per shown entry) and the lead. `digest_build_ms_*` is that whole call (issue 18:
// <= 150 ms at 1M). The stages are also timed on their own (list, cluster+rank, continuity,
// Markdown) to show where the time goes; those are diagnostics, not parts of a sum.
//
//   node --import tsx test/bench/digest.ts [--size 100000] [--size 1000000] [--keep archive.db]
//
// The archive is the storage benchmark's generated corpus at the density of a 1M-story archive
// over eight years (about 2,400 stories a week) whatever the size, so a week is as full at 100k
// as at 1M and the sizes differ only in how much archive surrounds it. Figures are medians over
// several weeks in the middle of the archive, each built three times. Never asserts on time.
//
// The full-text index is kept as the product keeps it: the nightly maintenance merges it into one
// segment (src/store/fts-merge.ts), then a day of polls adds small segments. So the archive is
// inserted in 1000-story batches up to its last day, measured once as it stands
// (`digest_build_unmerged_ms_*`, the same run, for the ratio), merged with mergeFtsIndex (its time
// is `digest_fts_merge_s_*`), and its last day is inserted in poll-sized transactions before the
// figures are taken. `digest_fts_segments_*` counts the index's segments at each point.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileURLToPath } from 'node:url';
import { loadConfigOrThrow } from '../../src/config/load.js';
import { buildDigest } from '../../src/digest/build-digest.js';
import { renderDigestMarkdown } from '../../src/digest/render-markdown.js';
import { weekOf, weekRange, previousWeek } from '../../src/time/week.js';
import type { IsoWeek } from '../../src/domain.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { listDigestWeek, readArticleText } from '../../src/store/digest-week.js';
import { median, roundFigure } from './measure.js';
import { createCorpus, SOURCES, THEMES, type Corpus } from './storage-corpus.js';
import { tagAndStore } from '../../src/pipeline/tag-and-store.js';
import { buildWeekDigest, withLead } from '../../src/pipeline/build-week-digest.js';
import { attachContinuity, isVetoed } from '../../src/pipeline/find-continuity.js';
import { compileThemes } from '../../src/tagging/compile-themes.js';
import { mergeFtsIndex } from '../../src/store/fts-merge.js';

const BATCH = 1000;
/** About a day of stories at the archive's density (2,400 a week), written after the merge. */
const LAST_DAY = 360;
/** A poll's transaction: one source's new items (a few dozen at most). */
const POLL_BATCH = 40;
const TIME_ZONE = 'Europe/London';
const WEEKS_MEASURED = 5;
/** Each week is built several times: medians then resist a busy machine's noise. */
const REPEATS = 3;

function labelOf(size: number): string {
  return size >= 1_000_000 ? `${size / 1_000_000}m` : `${Math.round(size / 1000)}k`;
}

function insertRange(db: Db, corpus: Corpus, from: number, to: number, batch = BATCH): void {
  const now = new Date('2024-06-01T00:00:00Z');
  for (let start = from; start < to; start += batch) {
    const items = [];
    for (let n = start; n < Math.min(to, start + batch); n++) items.push(corpus.item(n));
    const byId = new Map(items.map((i) => [i.story.id, i]));
    tagAndStore(
      db,
      items.map((i) => i.story),
      now,
      (story) => {
        const { tags, entities } = byId.get(story.id)!;
        // Recorded at insert as polling records it (buildAnnotator), by the check the digest
        // made before it was recorded (find-continuity.ts isVetoed).
        const offTopic = tags.length === 0 && isVetoed(story, COMPILED);
        return { tags, entities, rulesVersion: 'bench', offTopic };
      },
    );
  }
}

const themes = THEMES.map((id) => ({ id, label: id.replace(/_/g, ' ') }));
const sources = SOURCES.map((id, i) => ({ id, name: id, authority: 0.5 + (i % 5) / 10 }));
/** The shipped config (themes, sources, settings): the digest is built as the product builds it. */
const CONFIG = loadConfigOrThrow(fileURLToPath(new URL('../../config/', import.meta.url)));
const COMPILED = compileThemes(CONFIG.themes);

/** Segments of the full-text index: its %_idx table holds each segment's first terms. */
function countSegments(db: Db): number {
  return db.prepare('SELECT count(DISTINCT segid) FROM stories_fts_idx').pluck().get() as number;
}

/** Median build time over WEEKS_MEASURED weeks before `first`, each built REPEATS times. */
function measureWeeks(db: Db, first: IsoWeek) {
  let week = first;
  const runs: ReturnType<typeof measureWeek>[] = [];
  measureWeek(db, week); // warm the page cache and the statement cache
  for (let i = 0; i < WEEKS_MEASURED; i++) {
    for (let r = 0; r < REPEATS; r++) runs.push(measureWeek(db, week));
    week = previousWeek(week);
  }
  return runs;
}

function measureWeek(db: Db, week: IsoWeek) {
  const { startsAt, endsAt } = weekRange(week, TIME_ZONE);
  const p0 = performance.now();
  const product = buildWeekDigest(db, CONFIG, week);
  const productMs = performance.now() - p0;
  const t0 = performance.now();
  // The week as buildWeekDigest reads it (store/digest-week.ts: no bodies, no evidence; the
  // shown entries' text read after ranking).
  const stories = listDigestWeek(db, startsAt.toISOString(), endsAt.toISOString()).stories;
  const t1 = performance.now();
  const digest = buildDigest({
    week,
    timeZone: TIME_ZONE,
    stories,
    themes,
    sources,
    failedSources: [],
    perThemeCap: 6,
    articleText: (ids) => readArticleText(db, ids),
  });
  const t2 = performance.now();
  // Continuity (indexed queries per shown entry) and the lead, as buildWeekDigest adds them.
  const full = withLead(attachContinuity(db, digest, stories));
  const tc = performance.now();
  const markdown = renderDigestMarkdown(digest);
  const t3 = performance.now();
  const continued = full.sections.reduce(
    (n, s) => n + s.entries.filter((e) => (e.previously ?? []).length > 0).length,
    0,
  );
  const clustered = digest.sections.reduce(
    (n, s) => n + s.entries.filter((e) => e.storyIds.length > 1).length,
    0,
  );
  return {
    productMs,
    productEntries: product.sections.reduce((n, s) => n + s.entries.length, 0),
    listMs: t1 - t0,
    buildMs: t2 - t1,
    continuityMs: tc - t2,
    continued,
    markdownMs: t3 - tc,
    stories: stories.length,
    clustered,
    bytes: markdown.length,
  };
}

export async function runDigestBench(
  opts: { quick?: boolean; sizes?: number[]; keep?: string; log?: (line: string) => void } = {},
): Promise<Record<string, number>> {
  const sizes = [...(opts.sizes ?? (opts.quick ? [100_000] : [100_000, 1_000_000]))].sort(
    (a, b) => a - b,
  );
  const log = opts.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'briefing-digest-bench-'));
  // `keep`: the archive is written there and kept (for guards and side-by-side runs on it).
  const db = openDatabase(opts.keep ?? join(dir, 'bench.db'));
  const corpus = createCorpus(20170213, 1_000_000);
  const figures: Record<string, number> = {};
  let stored = 0;
  try {
    for (const size of sizes) {
      const label = labelOf(size);
      log(`digest: inserting ${stored}..${size}`);
      insertRange(db, corpus, stored, size - LAST_DAY);
      db.pragma('wal_checkpoint(TRUNCATE)');
      // Weeks in the middle of what is stored (full weeks, surrounded by archive on both sides).
      const middle = new Date(corpus.item(Math.floor(size / 2)).story.publishedAt);
      const first = weekOf(middle, TIME_ZONE);
      log(`digest: measured weeks end at ${middle.toISOString()}`);
      figures[`digest_fts_segments_unmerged_${label}`] = countSegments(db);
      const unmerged = measureWeeks(db, first).map((r) => r.productMs);
      figures[`digest_build_unmerged_ms_${label}`] = median(unmerged);
      const m0 = performance.now();
      mergeFtsIndex(db);
      figures[`digest_fts_merge_s_${label}`] = (performance.now() - m0) / 1000;
      insertRange(db, corpus, size - LAST_DAY, size, POLL_BATCH);
      stored = size;
      db.pragma('wal_checkpoint(TRUNCATE)');
      figures[`digest_fts_segments_${label}`] = countSegments(db);
      const runs = measureWeeks(db, first);
      const total = runs.map((r) => r.productMs);
      figures[`digest_build_ms_${label}`] = median(total);
      figures[`digest_build_max_ms_${label}`] = Math.max(...total);
      figures[`digest_list_week_ms_${label}`] = median(runs.map((r) => r.listMs));
      figures[`digest_cluster_rank_ms_${label}`] = median(runs.map((r) => r.buildMs));
      figures[`digest_markdown_ms_${label}`] = median(runs.map((r) => r.markdownMs));
      figures[`digest_continuity_ms_${label}`] = median(runs.map((r) => r.continuityMs));
      figures[`digest_continued_entries_${label}`] = median(runs.map((r) => r.continued));
      figures[`digest_week_stories_${label}`] = median(runs.map((r) => r.stories));
      figures[`digest_entries_${label}`] = median(runs.map((r) => r.productEntries));
      figures[`digest_clustered_entries_${label}`] = median(runs.map((r) => r.clustered));
      figures[`digest_vs_unmerged_ratio_${label}`] = median(total) / median(unmerged);
    }
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  for (const key of Object.keys(figures)) figures[key] = roundFigure(figures[key]!);
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes: number[] = [];
  let keep: string | undefined;
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--size') sizes.push(Number(argv[++i]));
    else if (argv[i] === '--keep') keep = argv[++i];
  }
  runDigestBench({
    ...(sizes.length > 0 ? { sizes } : { quick: true }),
    ...(keep !== undefined ? { keep } : {}),
    log: (line) => process.stderr.write(`${line}\n`),
  }).then(
    (figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
