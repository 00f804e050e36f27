// The shared fixture itself: real migrations, seeded and tagged stories, file storage that a second
// connection can read, and cleanup.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { createAppFixture, FIXTURE_STORIES } from './app-fixture.js';

describe('createAppFixture', () => {
  it('seeds the fixture stories with tags and entities', () => {
    const app = createAppFixture();
    try {
      const count = app.db.prepare('SELECT count(*) AS n FROM stories').get() as { n: number };
      expect(count.n).toBe(FIXTURE_STORIES.length);
      const tagged = app.db
        .prepare('SELECT count(DISTINCT story_seq) AS n FROM story_tags')
        .get() as {
        n: number;
      };
      expect(tagged.n).toBeGreaterThanOrEqual(5);
      expect(app.deps.resolveOrganisation('Dudley Group')).toEqual(['RNA']);
      expect(app.invocation({ platform: 'discord' })).toMatchObject({
        platform: 'discord',
        workspaceId: 'T-FIXTURE',
        now: app.now,
      });
    } finally {
      app.close();
    }
  });

  it('can start empty', () => {
    const app = createAppFixture({ stories: [] });
    try {
      expect(app.db.prepare('SELECT count(*) AS n FROM stories').get()).toEqual({ n: 0 });
    } finally {
      app.close();
    }
  });

  it('file storage is readable from a second connection and removed on close', () => {
    const app = createAppFixture({ storage: 'file' });
    expect(app.path).not.toBe(':memory:');
    const other = openDatabase(app.path);
    try {
      expect(other.prepare('SELECT count(*) AS n FROM stories').get()).toEqual({
        n: FIXTURE_STORIES.length,
      });
    } finally {
      other.close();
      app.close();
    }
    expect(existsSync(dirname(app.path))).toBe(false);
  });
});
