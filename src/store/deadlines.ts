// Closing dates per story (table story_deadlines, migrations/0011-deadlines.sql). Written with a
// story's tags (tags.ts replaceTagsBySeq), replaced as a whole, so a re-tag re-extracts them.
// Read by window for the digest's "Closing soon", reminders and `deadlines`.
import type { DeadlineKind, DeadlineMention, DigestDeadline } from '../domain.js';
import { storyRef } from '../text/story-ref.js';
import type { Db } from './database.js';
import { prepareCached } from './prepared.js';

/** Replaces a story's closing dates. `fresh`: the story was just inserted, nothing to delete. */
export function replaceDeadlinesBySeq(
  db: Db,
  seq: number,
  deadlines: readonly DeadlineMention[],
  fresh = false,
): void {
  if (!fresh) prepareCached(db, 'DELETE FROM story_deadlines WHERE story_seq = ?').run(seq);
  if (deadlines.length === 0) return;
  const insert = prepareCached(
    db,
    `INSERT OR IGNORE INTO story_deadlines
       (story_seq, kind, closes_on, closes_at, time_zone, phrase) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const d of deadlines) insert.run(seq, d.kind, d.closesOn, d.closesAt, d.timeZone, d.phrase);
}

/** A stored closing date with its story, for listing and reminders. */
export interface StoredDeadline extends DigestDeadline {
  storyId: string;
  timeZone: string;
}

interface DeadlineRow {
  id: string;
  title: string;
  url: string | null;
  kind: string;
  closes_on: string;
  closes_at: string;
  time_zone: string;
  phrase: string;
  themes: string | null;
}

/**
 * Closing dates with closes_at in [fromIso, toIso), soonest first (ties: story id), at most
 * `limit`. Each story's themes come along so a channel can keep the ones it follows.
 */
export function listDeadlinesBetween(
  db: Db,
  fromIso: string,
  toIso: string,
  limit = 200,
): StoredDeadline[] {
  const rows = prepareCached<[string, string, number], DeadlineRow>(
    db,
    `SELECT s.id, s.title, s.url, d.kind, d.closes_on, d.closes_at, d.time_zone, d.phrase,
       (SELECT json_group_array(t.theme) FROM story_tags t WHERE t.story_seq = s.seq) AS themes
     FROM story_deadlines d JOIN stories s ON s.seq = d.story_seq
     WHERE d.closes_at >= ? AND d.closes_at < ?
     ORDER BY d.closes_at, s.id, d.kind LIMIT ?`,
  ).all(fromIso, toIso, limit);
  return rows.map((row) => ({
    storyId: row.id,
    title: row.title,
    url: row.url,
    closesAt: row.closes_at,
    kind: row.kind as DeadlineKind,
    closesOn: row.closes_on,
    ref: storyRef(row.id),
    themes: (JSON.parse(row.themes ?? '[]') as string[]).sort(),
    phrase: row.phrase,
    timeZone: row.time_zone,
  }));
}

/** A story's closing dates, soonest first (for `explain` and tests). */
export function loadDeadlinesOf(db: Db, seq: number): DeadlineMention[] {
  return prepareCached<[number], Omit<DeadlineRow, 'id' | 'title' | 'url' | 'themes'>>(
    db,
    `SELECT kind, closes_on, closes_at, time_zone, phrase FROM story_deadlines
     WHERE story_seq = ? ORDER BY closes_at, kind`,
  )
    .all(seq)
    .map((row) => ({
      kind: row.kind as DeadlineKind,
      closesOn: row.closes_on,
      closesAt: row.closes_at,
      timeZone: row.time_zone,
      phrase: row.phrase,
    }));
}
