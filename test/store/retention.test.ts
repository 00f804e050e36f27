// Retention on a real SQLite file: article text past the cutoff goes (and stops matching), the
// headline, summary, tags and links stay, the full-text index stays exact, the re-poll of an
// unchanged old item does not bring the text back, and the file shrinks after reclaiming.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSearchText } from '../../src/commands/parse-search-query.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { dropContentBefore, reclaimSpace, retentionCutoff } from '../../src/store/retention.js';
import { searchStories } from '../../src/store/search.js';
import { getStory, saveStories } from '../../src/store/stories.js';
import { runMaintenance } from '../../src/pipeline/run-maintenance.js';
import { makeStory } from './make-story.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-retention-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const NOW = new Date('2026-12-03T12:00:00Z');

// Long, varied bodies so the text is most of the file, as in a real archive.
const body = (i: number) =>
  Array.from({ length: 400 }, (_, w) => `pathology${(i * 7 + w) % 997} network`).join(' ') +
  (i % 2 === 0 ? ' zebracrossing' : '');

function archive(name: string): { db: Db; stories: ReturnType<typeof makeStory>[] } {
  const db = openDatabase(join(work, `${name}.db`));
  const stories = Array.from({ length: 200 }, (_, i) =>
    makeStory({
      id: `g_${i}`,
      guid: `https://example.nhs.uk/news/${i}`,
      url: `https://example.nhs.uk/news/${i}`,
      title: `Diagnostics hub opens ${i}`,
      summary: `Trust ${i} shares laboratories with its neighbours.`,
      content: body(i),
      // Half are three years old, half from this autumn.
      publishedAt: i < 100 ? '2023-10-01T09:00:00.000Z' : '2026-10-01T09:00:00.000Z',
    }),
  );
  saveStories(db, stories, NOW);
  return { db, stories };
}

const find = (db: Db, text: string) =>
  searchStories(db, parseSearchText(text).query, NOW).hits.map((h) => h.id);

describe('dropping article text past retention', () => {
  it('empties old bodies only, keeps everything else, and keeps the index exact', () => {
    const { db, stories } = archive('drop');
    expect(find(db, 'zebracrossing until:2024-01-01')).toContain('g_98');
    const result = dropContentBefore(db, retentionCutoff(NOW, 24), 30);
    expect(result.stories).toBe(100);
    expect(getStory(db, 'g_3')?.content).toBe('');
    expect(getStory(db, 'g_3')?.title).toBe('Diagnostics hub opens 3');
    expect(getStory(db, 'g_3')?.url).toBe('https://example.nhs.uk/news/3');
    expect(getStory(db, 'g_150')?.content).toBe(body(150));
    db.prepare("INSERT INTO stories_fts (stories_fts) VALUES ('integrity-check')").run();
    expect(find(db, 'zebracrossing until:2024-01-01')).toEqual([]);
    expect(find(db, 'zebracrossing')).toContain('g_198');
    // Headline and summary words still find the old stories.
    expect(find(db, '"diagnostics hub opens 3"')).toContain('g_3');
    // A second run has nothing left to do; a re-poll of an unchanged old item keeps it empty.
    expect(dropContentBefore(db, retentionCutoff(NOW, 24)).stories).toBe(0);
    saveStories(db, [stories[3]!], NOW);
    expect(getStory(db, 'g_3')?.content).toBe('');
    db.close();
  });

  it('gives the space back to the file system', () => {
    const { db } = archive('reclaim');
    const report = runMaintenance(db, { retention: { contentMonths: 24 } }, NOW);
    expect(report.dropped.stories).toBe(100);
    expect(report.reclaimed?.vacuumed).toBe(true);
    expect(report.reclaimed!.bytesAfter).toBeLessThan(report.reclaimed!.bytesBefore * 0.75);
    db.close();
  });

  it('does nothing when retention is off', () => {
    const { db } = archive('off');
    const report = runMaintenance(db, { retention: { contentMonths: null } }, NOW);
    expect(report).toEqual({
      cutoff: null,
      dropped: { stories: 0, characters: 0 },
      reclaimed: null,
    });
    expect(getStory(db, 'g_3')?.content).toBe(body(3));
    expect(reclaimSpace(db).vacuumed).toBe(false);
    db.close();
  });
});

describe('retentionCutoff', () => {
  it.each([
    ['2026-12-03T12:00:00Z', 24, '2024-12-03T12:00:00.000Z'],
    ['2026-05-31T00:00:00Z', 3, '2026-02-28T00:00:00.000Z'],
    ['2024-05-31T00:00:00Z', 3, '2024-02-29T00:00:00.000Z'],
    ['2026-01-15T08:00:00Z', 1, '2025-12-15T08:00:00.000Z'],
  ])('%s minus %i months is %s', (now, months, expected) => {
    expect(retentionCutoff(new Date(now), months).toISOString()).toBe(expected);
  });
});
