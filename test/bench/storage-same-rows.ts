// The write-path guard (issue 18, insert4): builds a 20k-story archive through tagAndStore in
// 1,000-story polls, then re-polls part of it with edits (new titles), links (the same URL from
// another source) and re-issued GUIDs, and prints a SHA-256 of every table's rows, the
// full-text index's shadow tables included (so the same FTS5 segments, not only the same
// matches). Run it on two checkouts (old code and new) and compare the lines: the same rows.
//
//   node --import tsx test/bench/storage-same-rows.ts [--size 20000]
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Story } from '../../src/domain.js';
import { tagAndStore } from '../../src/pipeline/tag-and-store.js';
import { openDatabase } from '../../src/store/database.js';
import { createCorpus, type CorpusItem } from './storage-corpus.js';

const NOW = new Date('2024-01-15T12:00:00Z');
const LATER = new Date('2024-01-16T12:00:00Z');
const args = process.argv.slice(2);
const sizeAt = args.indexOf('--size');
const size = sizeAt >= 0 ? Number(args[sizeAt + 1]) : 20_000;
const dir = mkdtempSync(join(tmpdir(), 'briefing-same-rows-'));
const db = openDatabase(join(dir, 'guard.db'));
try {
  const corpus = createCorpus(20170213, size);
  const byId = new Map<string, CorpusItem>();
  const annotate = (story: Story) => {
    const item = byId.get(story.id)!;
    return { tags: item.tags, entities: item.entities, rulesVersion: 'guard' };
  };
  for (let start = 0; start < size; start += 1000) {
    const stories: Story[] = [];
    for (let n = start; n < Math.min(size, start + 1000); n++) {
      const item = corpus.item(n);
      byId.set(item.story.id, item);
      stories.push(item.story);
    }
    tagAndStore(db, stories, NOW, annotate);
  }
  // A second poll of every 7th story: edits, links from another source, re-issued GUIDs.
  const repoll: Story[] = [];
  for (let n = 0; n < size; n += 7) {
    const { story } = byId.get(corpus.item(n).story.id)!;
    if (n % 3 === 0) repoll.push({ ...story, title: `${story.title} (updated)` });
    else if (n % 3 === 1) repoll.push({ ...story, id: `x_${story.id}`, sourceId: 'guard-other' });
    else repoll.push({ ...story, guid: `${story.guid}?v=2` });
  }
  for (const s of repoll) if (!byId.has(s.id)) byId.set(s.id, byId.get(s.id.slice(2))!);
  for (let i = 0; i < repoll.length; i += 500) {
    tagAndStore(db, repoll.slice(i, i + 500), LATER, annotate);
  }
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const all = createHash('sha256');
  for (const table of tables) {
    if (table === 'stories_fts') continue; // the virtual table: its shadow tables are dumped
    const columns = db.prepare(`SELECT count(*) FROM pragma_table_info(?)`).pluck().get(table);
    const order = Array.from({ length: Number(columns) }, (_, i) => i + 1).join(', ');
    const h = createHash('sha256');
    let rows = 0;
    for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).raw().iterate()) {
      h.update(
        JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)),
      );
      h.update('\n');
      rows++;
    }
    const digest = h.digest('hex');
    all.update(`${table} ${digest}\n`);
    process.stdout.write(`${table} ${rows} ${digest.slice(0, 16)}\n`);
  }
  process.stdout.write(`all ${all.digest('hex')}\n`);
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
