import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Source } from '../../src/domain.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import {
  failuresBetween,
  POLL_LOG_DAYS,
  sourcesNotPolledBetween,
} from '../../src/store/poll-days.js';
import {
  getSourceState,
  listSourceHealth,
  recordPollFailure,
  recordPollNotModified,
  recordPollSuccess,
  sourcesDue,
} from '../../src/store/source-state.js';
import { saveStories } from '../../src/store/stories.js';
import { makeStory } from './make-story.js';

function source(id: string, overrides: Partial<Source> = {}): Source {
  return {
    id,
    name: `Source ${id}`,
    kind: 'feed',
    url: `https://example.org/${id}/feed`,
    pollIntervalMinutes: 30,
    paywalled: false,
    authority: 0.5,
    enabled: true,
    verified: true,
    ...overrides,
  };
}

const at = (iso: string) => new Date(iso);
const later = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => db.close());

describe('poll state', () => {
  it('has no state before the first poll', () => {
    expect(getSourceState(db, 'nhse')).toBeNull();
  });

  it('stores validators on success and keeps them through a 304', () => {
    const t = at('2017-02-13T08:00:00Z');
    recordPollSuccess(db, 'nhse', {
      at: t,
      etag: '"abc"',
      lastModified: 'Mon, 13 Feb 2017 07:55:00 GMT',
      url: null,
      nextPollAt: later(t, 30),
    });
    recordPollNotModified(db, 'nhse', { at: later(t, 30), nextPollAt: later(t, 60) });
    expect(getSourceState(db, 'nhse')).toMatchObject({
      etag: '"abc"',
      lastModified: 'Mon, 13 Feb 2017 07:55:00 GMT',
      lastSuccessAt: later(t, 30).toISOString(),
      nextPollAt: later(t, 60).toISOString(),
      consecutiveFailures: 0,
      url: null,
    });
  });

  it('keeps a permanent redirect target until another replaces it', () => {
    const t = at('2017-02-13T08:00:00Z');
    const poll = { at: t, etag: null, lastModified: null, nextPollAt: later(t, 30) };
    recordPollSuccess(db, 'nhse', { ...poll, url: 'https://new.example.org/feed' });
    recordPollSuccess(db, 'nhse', { ...poll, url: null });
    expect(getSourceState(db, 'nhse')?.url).toBe('https://new.example.org/feed');
  });

  it('counts consecutive failures and resets them on success', () => {
    const t = at('2017-02-13T08:00:00Z');
    recordPollFailure(db, 'pulse', { reason: 'HTTP 503', at: t, nextPollAt: later(t, 5) });
    recordPollFailure(db, 'pulse', {
      reason: 'timed out after 30 s',
      at: later(t, 5),
      nextPollAt: later(t, 15),
    });
    expect(getSourceState(db, 'pulse')).toMatchObject({
      consecutiveFailures: 2,
      lastError: 'timed out after 30 s',
      lastErrorAt: later(t, 5).toISOString(),
      lastSuccessAt: null,
    });
    recordPollNotModified(db, 'pulse', { at: later(t, 15), nextPollAt: later(t, 45) });
    expect(getSourceState(db, 'pulse')).toMatchObject({
      consecutiveFailures: 0,
      lastError: 'timed out after 30 s',
    });
  });
});

describe('sourcesDue', () => {
  const t = at('2017-02-13T08:00:00Z');
  it.each<[string, (db: Db) => void, Partial<Source>, boolean]>([
    ['never polled', () => {}, {}, true],
    ['disabled', () => {}, { enabled: false }, false],
    [
      'next poll in the future',
      (db) =>
        recordPollSuccess(db, 'x', {
          at: t,
          etag: null,
          lastModified: null,
          nextPollAt: later(t, 1),
        }),
      {},
      false,
    ],
    [
      'next poll exactly now',
      (db) => recordPollNotModified(db, 'x', { at: later(t, -30), nextPollAt: t }),
      {},
      true,
    ],
    [
      'backing off after failures',
      (db) => recordPollFailure(db, 'x', { reason: 'HTTP 500', at: t, nextPollAt: later(t, 10) }),
      {},
      false,
    ],
    [
      'gone (410)',
      (db) =>
        recordPollFailure(db, 'x', {
          reason: 'HTTP 410 Gone',
          at: later(t, -60),
          nextPollAt: later(t, -1),
          gone: true,
        }),
      {},
      false,
    ],
  ])('%s', (_name, setup, overrides, due) => {
    setup(db);
    expect(sourcesDue(db, [source('x', overrides)], t).map((s) => s.id)).toEqual(due ? ['x'] : []);
  });
});

describe('listSourceHealth', () => {
  it('joins configuration, poll state and stories stored, in configuration order', () => {
    const t = at('2017-02-13T08:00:00Z');
    const story = makeStory();
    saveStories(db, [story, makeStory({ id: 'b', guid: 'b', url: 'https://example.org/b' })], t);
    saveStories(db, [{ ...story, sourceId: 'hsj' }], t);
    recordPollSuccess(db, 'nhse', {
      at: t,
      etag: null,
      lastModified: null,
      nextPollAt: later(t, 30),
    });
    recordPollFailure(db, 'hsj', { reason: 'HTTP 403 Forbidden', at: t, nextPollAt: later(t, 60) });
    const health = listSourceHealth(db, [
      source('nhse'),
      source('hsj'),
      source('kingsfund', { enabled: false }),
    ]);
    expect(health).toEqual([
      {
        sourceId: 'nhse',
        name: 'Source nhse',
        enabled: true,
        lastSuccessAt: t.toISOString(),
        lastErrorAt: null,
        lastError: null,
        consecutiveFailures: 0,
        nextPollAt: later(t, 30).toISOString(),
        storyCount: 2,
      },
      {
        sourceId: 'hsj',
        name: 'Source hsj',
        enabled: true,
        lastSuccessAt: null,
        lastErrorAt: t.toISOString(),
        lastError: 'HTTP 403 Forbidden',
        consecutiveFailures: 1,
        nextPollAt: later(t, 60).toISOString(),
        storyCount: 1,
      },
      {
        sourceId: 'kingsfund',
        name: 'Source kingsfund',
        enabled: false,
        lastSuccessAt: null,
        lastErrorAt: null,
        lastError: null,
        consecutiveFailures: 0,
        nextPollAt: null,
        storyCount: 0,
      },
    ]);
  });
});

describe('failuresBetween', () => {
  it('reports sources that failed in a week, with whether they were checked at all', () => {
    const fail = (id: string, iso: string, reason: string) =>
      recordPollFailure(db, id, { reason, at: at(iso), nextPollAt: later(at(iso), 30) });
    const ok = (id: string, iso: string) =>
      recordPollNotModified(db, id, { at: at(iso), nextPollAt: later(at(iso), 30) });
    fail('hsj', '2017-02-14T08:00:00Z', 'HTTP 403 Forbidden');
    fail('hsj', '2017-02-16T08:00:00Z', 'HTTP 503 Service Unavailable');
    fail('pulse', '2017-02-14T08:00:00Z', 'timed out');
    ok('pulse', '2017-02-15T08:00:00Z');
    ok('nhse', '2017-02-15T08:00:00Z');
    fail('nhse', '2017-02-21T08:00:00Z', 'next week');
    expect(failuresBetween(db, '2017-02-13T00:00:00.000Z', '2017-02-20T00:00:00.000Z')).toEqual([
      {
        sourceId: 'hsj',
        failures: 2,
        successes: 0,
        lastReason: 'HTTP 503 Service Unavailable',
        lastFailureAt: '2017-02-16T08:00:00.000Z',
      },
      {
        sourceId: 'pulse',
        failures: 1,
        successes: 1,
        lastReason: 'timed out',
        lastFailureAt: '2017-02-14T08:00:00.000Z',
      },
    ]);
  });

  it('keeps the poll log bounded to one row per source per day', () => {
    const start = at('2016-01-01T12:00:00Z');
    for (let day = 0; day < POLL_LOG_DAYS + 30; day++) {
      for (let poll = 0; poll < 3; poll++) {
        const t = new Date(start.getTime() + day * 86_400_000 + poll * 3_600_000);
        recordPollFailure(db, 'hsj', { reason: 'HTTP 500', at: t, nextPollAt: later(t, 30) });
      }
    }
    const rows = db.prepare('SELECT count(*) AS n FROM poll_days').get() as { n: number };
    expect(rows.n).toBe(POLL_LOG_DAYS + 1);
  });
});

describe('sourcesNotPolledBetween', () => {
  it('lists sources polled before the week but not at all during it', () => {
    const ok = (id: string, iso: string) =>
      recordPollNotModified(db, id, { at: at(iso), nextPollAt: later(at(iso), 30) });
    for (const id of ['nhse', 'hsj', 'pulse', 'kingsfund']) ok(id, '2017-02-06T08:00:00Z');
    ok('nhse', '2017-02-15T08:00:00Z');
    recordPollFailure(db, 'hsj', {
      reason: 'HTTP 403 Forbidden',
      at: at('2017-02-14T08:00:00Z'),
      nextPollAt: later(at('2017-02-14T08:00:00Z'), 30),
    });
    ok('pulse', '2017-02-21T08:00:00Z'); // only the next week
    ok('kingsfund', '2017-02-12T23:00:00Z'); // only the week before
    ok('newcomer', '2017-02-21T08:00:00Z'); // first polled after the week
    expect(
      sourcesNotPolledBetween(db, '2017-02-13T00:00:00.000Z', '2017-02-20T00:00:00.000Z', [
        'nhse',
        'hsj',
        'pulse',
        'kingsfund',
        'newcomer',
        'never',
      ]),
    ).toEqual(['pulse', 'kingsfund']);
  });
});
