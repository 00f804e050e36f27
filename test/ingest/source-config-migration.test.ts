// Migration 0004 on an archive written by the previous code: configured_url starts NULL (the
// stored redirect is not trusted) and first_success_at is backfilled from the source's earliest
// story, or its last success when it never carried one.
import { readdirSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/database.js';
import { getSourceState } from '../../src/store/source-state.js';

const MIGRATIONS = new URL('../../src/store/migrations/', import.meta.url);

function databaseAtVersion3(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  const files = readdirSync(MIGRATIONS)
    .filter((f) => /^000[123]-/.test(f))
    .sort();
  for (const file of files) db.exec(readFileSync(new URL(file, MIGRATIONS), 'utf8'));
  db.pragma('user_version = 3');
  return db;
}

describe('migration 0004-source-config-url', () => {
  it('leaves configured_url empty and backfills first_success_at', () => {
    const db = databaseAtVersion3();
    const insertState = db.prepare(
      'INSERT INTO source_state (source_id, url, etag, last_success_at) VALUES (?, ?, ?, ?)',
    );
    insertState.run('dated', 'https://moved.example.org/feed', '"e"', '2024-03-04T10:00:00.000Z');
    insertState.run('empty', null, null, '2024-03-04T11:00:00.000Z');
    insertState.run('never', null, null, null);
    const seq = db
      .prepare(
        `INSERT INTO stories (id, published_at, source_id, first_seen_at, updated_at, content_hash,
           title, summary, content)
         VALUES ('s1', '2024-03-01T00:00:00.000Z', 'dated', '2024-03-01T09:00:00.000Z',
           '2024-03-01T09:00:00.000Z', 'h', 'T', '', '')`,
      )
      .run().lastInsertRowid;
    db.prepare(
      `INSERT INTO story_sources (story_seq, source_id, title, published_at, first_seen_at)
       VALUES (?, 'dated', 'T', '2024-03-01T00:00:00.000Z', '2024-03-01T09:00:00.000Z')`,
    ).run(seq);

    migrate(db);

    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(4);
    expect(getSourceState(db, 'dated')).toMatchObject({
      url: 'https://moved.example.org/feed',
      configuredUrl: null,
      firstSuccessAt: '2024-03-01T09:00:00.000Z',
    });
    expect(getSourceState(db, 'empty')?.firstSuccessAt).toBe('2024-03-04T11:00:00.000Z');
    expect(getSourceState(db, 'never')?.firstSuccessAt).toBeNull();
    db.close();
  });
});
