// /readyz's checks on a real SQLite file: each one fails for the reason it names, and says so.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { checkReadiness, type ReadinessInput } from '../../src/pipeline/readiness.js';
import { migrate, openDatabase } from '../../src/store/database.js';
import { recordPollSuccess } from '../../src/store/source-state.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-readiness-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const NOW = new Date('2026-12-03T12:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() - n * 60_000);

function input(overrides: Partial<ReadinessInput> = {}): ReadinessInput {
  return {
    db: openDatabase(':memory:'),
    now: NOW,
    startedAt: minutes(600),
    lastTickAt: minutes(1),
    pollIntervalMinutes: 30,
    enabledSources: 3,
    ...overrides,
  };
}

const failing = (i: ReadinessInput) =>
  checkReadiness(i)
    .filter((c) => !c.ok)
    .map((c) => `${c.name}: ${c.detail}`);

describe('readiness checks', () => {
  it('all pass on a healthy process', () => {
    const i = input();
    recordPollSuccess(i.db, 'a', {
      at: minutes(20),
      etag: null,
      lastModified: null,
      nextPollAt: NOW,
    });
    expect(failing(i)).toEqual([]);
  });

  it('a stalled scheduler fails', () => {
    const i = input({ lastTickAt: minutes(10) });
    recordPollSuccess(i.db, 'a', {
      at: minutes(20),
      etag: null,
      lastModified: null,
      nextPollAt: NOW,
    });
    expect(failing(i)).toEqual(['scheduler: last tick 10 min ago']);
  });

  it('no successful poll for three intervals fails, but not during start-up', () => {
    const old = input();
    recordPollSuccess(old.db, 'a', {
      at: minutes(200),
      etag: null,
      lastModified: null,
      nextPollAt: NOW,
    });
    expect(failing(old)).toEqual(['polls: last successful poll 200 min ago (limit 90 min)']);
    expect(failing(input())).toEqual(['polls: no successful poll yet']);
    expect(failing(input({ startedAt: minutes(2), lastTickAt: null }))).toEqual([]);
    expect(failing(input({ enabledSources: 0 }))).toEqual([]);
  });

  it('an old schema and a read-only database fail', () => {
    const path = join(work, 'old.db');
    const old = new Database(path);
    migrate(old, 3);
    const i = input({ db: old, enabledSources: 0 });
    expect(failing(i)).toEqual([expect.stringMatching(/^migrations: schema 3 of \d+$/)]);
    old.close();
    const readOnly = new Database(path, { readonly: true });
    expect(failing(input({ db: readOnly, enabledSources: 0 }))[0]).toMatch(
      /^database: .*readonly/i,
    );
    readOnly.close();
  });
});
