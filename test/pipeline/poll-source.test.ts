// pollSource end to end against a loopback feed host and a real in-memory archive: which URL is
// polled after permanent redirects and configuration edits, what is recorded on 200/304/failure,
// and the first-poll backlog of undated feeds (ingest/first-poll-backlog.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FetchOptions } from '../../src/ingest/fetch-source.js';
import { dropFirstPollBacklog, isFirstPollBacklog } from '../../src/ingest/first-poll-backlog.js';
import { pollSource, type PollDeps } from '../../src/pipeline/poll-source.js';
import { silentLogger } from '../../src/logging.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import {
  getSourceState,
  listSourceStates,
  recordPollFailure,
  recordPollSuccess,
  sourcesDue,
} from '../../src/store/source-state.js';
import { getStory, listStoriesBetween } from '../../src/store/stories.js';
import {
  redirectTo,
  respondStatus,
  serveBody,
  startFeedServer,
  type FeedServer,
} from '../fakes/feed-server.js';
import { testFetchOptions, testSource } from '../helpers/poll-fixtures.js';

const T0 = new Date('2024-03-04T09:00:00.000Z');
const FETCH: FetchOptions = testFetchOptions();

interface FeedItem {
  n: number;
  date?: string;
}

function rss(items: FeedItem[]): string {
  const body = items
    .map(
      (i) =>
        `<item><title>Trust board update ${i.n}</title><link>https://news.example.org/${i.n}</link>` +
        `<guid>item-${i.n}</guid><description>Board papers number ${i.n} were published.</description>` +
        (i.date ? `<pubDate>${i.date}</pubDate>` : '') +
        `</item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>${body}</channel></rss>`;
}

let server: FeedServer;
let db: Db;
let clock: Date;

beforeEach(async () => {
  server = await startFeedServer({});
  db = openDatabase(':memory:');
  clock = T0;
});

afterEach(async () => {
  db.close();
  await server.close();
});

function deps(): PollDeps {
  return {
    db,
    fetchOptions: FETCH,
    annotate: () => ({ tags: [], entities: { organisations: [], money: [] }, rulesVersion: 't' }),
    now: () => clock,
    maxBackoffMinutes: 240,
    logger: silentLogger,
  };
}

const source = testSource;

function advance(minutes: number): void {
  clock = new Date(clock.getTime() + minutes * 60_000);
}

const paths = (): string[] => server.requests.map((r) => r.path);

describe('pollSource: permanent redirects and configuration edits', () => {
  it('follows a stored 301 target, then polls the new configured URL after an edit', async () => {
    server.setRoute('/old', redirectTo('/moved', 301));
    server.setRoute('/moved', serveBody(rss([{ n: 1 }]), { etag: '"m1"' }));
    server.setRoute('/new', serveBody(rss([{ n: 2 }]), { etag: '"n1"' }));

    expect((await pollSource(source(server.url('/old')), deps())).status).toBe('ok');
    expect(getSourceState(db, 'wire')).toMatchObject({
      url: server.url('/moved'),
      configuredUrl: server.url('/old'),
      etag: '"m1"',
    });

    advance(30);
    expect((await pollSource(source(server.url('/old')), deps())).status).toBe('not-modified');
    expect(paths()).toEqual(['/old', '/moved', '/moved']);

    // sources.yaml now names another URL: the old redirect and validators no longer apply.
    advance(30);
    const edited = await pollSource(source(server.url('/new')), deps());
    expect(edited).toMatchObject({ status: 'ok', newStories: 1 });
    expect(paths().slice(3)).toEqual(['/new']);
    expect(server.requests[3]!.headers['if-none-match']).toBeUndefined();
    expect(getSourceState(db, 'wire')).toMatchObject({
      url: null,
      configuredUrl: server.url('/new'),
      etag: '"n1"',
    });
    expect(getStory(db, 'https://news.example.org/2')).not.toBeNull();
  });

  it('records a permanent redirect met on the way to a 304', async () => {
    server.setRoute('/feed', serveBody(rss([{ n: 1 }]), { etag: '"v1"' }));
    await pollSource(source(server.url('/feed')), deps());
    // The publisher moves the feed; the conditional request follows the 301 and gets a 304.
    server.setRoute('/feed', redirectTo('/feed-v2', 301));
    server.setRoute('/feed-v2', serveBody(rss([{ n: 1 }]), { etag: '"v1"' }));
    advance(30);
    expect((await pollSource(source(server.url('/feed')), deps())).status).toBe('not-modified');
    expect(getSourceState(db, 'wire')?.url).toBe(server.url('/feed-v2'));
    advance(30);
    await pollSource(source(server.url('/feed')), deps());
    expect(paths()).toEqual(['/feed', '/feed', '/feed-v2', '/feed-v2']);
  });

  it('keeps a stored redirect when its target answers 200 without redirecting again', async () => {
    server.setRoute('/a', redirectTo('/b', 308));
    server.setRoute('/b', serveBody(rss([{ n: 1 }])));
    await pollSource(source(server.url('/a')), deps());
    advance(30);
    await pollSource(source(server.url('/a')), deps());
    expect(paths()).toEqual(['/a', '/b', '/b']);
    expect(getSourceState(db, 'wire')?.url).toBe(server.url('/b'));
  });

  it('does not trust a redirect stored before configured URLs were recorded', async () => {
    // A row as written by the previous code: a redirect target and validators, no configured URL.
    recordPollSuccess(db, 'wire', {
      at: T0,
      etag: '"legacy"',
      lastModified: null,
      url: server.url('/stale-target'),
      nextPollAt: T0,
    });
    server.setRoute('/configured', serveBody(rss([{ n: 1 }]), { etag: '"c1"' }));
    advance(1);
    expect((await pollSource(source(server.url('/configured')), deps())).status).toBe('ok');
    expect(paths()).toEqual(['/configured']);
    expect(server.requests[0]!.headers['if-none-match']).toBeUndefined();
    expect(getSourceState(db, 'wire')).toMatchObject({
      url: null,
      configuredUrl: server.url('/configured'),
    });
  });

  it('a failure under a new configured URL drops the old redirect and restarts the count', async () => {
    server.setRoute('/old', redirectTo('/moved', 301));
    server.setRoute('/moved', respondStatus(500));
    recordPollSuccess(db, 'wire', {
      at: T0,
      etag: '"m"',
      lastModified: null,
      url: server.url('/moved'),
      configuredUrl: server.url('/old'),
      nextPollAt: T0,
    });
    for (let i = 0; i < 3; i++) {
      advance(60);
      await pollSource(source(server.url('/old')), deps());
    }
    expect(getSourceState(db, 'wire')?.consecutiveFailures).toBe(3);

    server.setRoute('/new', respondStatus(503));
    advance(60);
    const outcome = await pollSource(source(server.url('/new')), deps());
    expect(outcome.status).toBe('failed');
    const state = getSourceState(db, 'wire')!;
    expect(state).toMatchObject({
      url: null,
      etag: null,
      configuredUrl: server.url('/new'),
      consecutiveFailures: 1,
      firstSuccessAt: null,
    });
    // First failure of the new URL: the normal first back-off step, not the fourth.
    const gapMinutes = (Date.parse(state.nextPollAt!) - clock.getTime()) / 60_000;
    expect(gapMinutes).toBeLessThanOrEqual(60);
  });
});

describe('sourcesDue after a configuration edit', () => {
  it.each([
    ['gone, same URL', true, 'https://a.example.org/feed', false],
    ['gone, URL edited', true, 'https://b.example.org/feed', true],
    ['backing off, same URL', false, 'https://a.example.org/feed', false],
    ['backing off, URL edited', false, 'https://b.example.org/feed', true],
  ])('%s', (_name, gone, configured, due) => {
    recordPollFailure(db, 'wire', {
      reason: gone ? 'HTTP 410 Gone' : 'HTTP 500',
      at: T0,
      nextPollAt: new Date(T0.getTime() + 6 * 3_600_000),
      gone,
      configuredUrl: 'https://a.example.org/feed',
    });
    expect(sourcesDue(db, [source(configured)], T0).length).toBe(due ? 1 : 0);
  });
});

describe('first-poll backlog of undated feeds', () => {
  it('marks undated items of the first successful poll as backlog, later ones as news', async () => {
    const dated = 'Mon, 04 Mar 2024 08:00:00 GMT';
    // A failed first attempt is not the first successful poll.
    server.setRoute('/feed', respondStatus(503));
    await pollSource(source(server.url('/feed')), deps());
    expect(getSourceState(db, 'wire')?.firstSuccessAt).toBeNull();
    server.setRoute('/feed', serveBody(rss([{ n: 1 }, { n: 2 }, { n: 3, date: dated }])));

    const firstPoll = new Date(T0.getTime() + 5 * 60_000);
    clock = firstPoll;
    await pollSource(source(server.url('/feed')), deps());
    advance(30);
    server.setRoute('/feed', serveBody(rss([{ n: 4 }, { n: 1 }, { n: 2 }, { n: 3, date: dated }])));
    await pollSource(source(server.url('/feed')), deps());

    const state = getSourceState(db, 'wire')!;
    expect(state.firstSuccessAt).toBe(firstPoll.toISOString());
    const week = listStoriesBetween(db, '2024-03-04T00:00:00.000Z', '2024-03-11T00:00:00.000Z');
    const wire = week.filter((s) => s.sourceId === 'wire');
    const verdict = Object.fromEntries(
      wire.map((s) => [s.guid, isFirstPollBacklog(s, state.firstSuccessAt)]),
    );
    expect(verdict).toEqual({
      'item-1': true,
      'item-2': true,
      'item-3': false,
      'item-4': false,
    });
    const kept = dropFirstPollBacklog(wire, listSourceStates(db)).map((s) => s.guid);
    expect(kept.sort()).toEqual(['item-3', 'item-4']);
  });

  it('restarts the backlog with a new configured URL', async () => {
    server.setRoute('/a', serveBody(rss([{ n: 1 }])));
    server.setRoute('/b', serveBody(rss([{ n: 7 }, { n: 8 }])));
    await pollSource(source(server.url('/a')), deps());
    advance(30);
    await pollSource(source(server.url('/b')), deps());
    const state = getSourceState(db, 'wire')!;
    expect(state.firstSuccessAt).toBe(clock.toISOString());
    const story = getStory(db, 'https://news.example.org/8')!;
    expect(isFirstPollBacklog(story, state.firstSuccessAt)).toBe(true);
  });

  it.each([
    ['dated story', false, '2024-03-04T09:00:00.000Z', '2024-03-04T09:00:00.000Z', false],
    [
      'estimated, seen on the first poll',
      true,
      '2024-03-04T09:00:00.000Z',
      '2024-03-04T09:00:00.000Z',
      true,
    ],
    ['estimated, seen later', true, '2024-03-04T09:30:00.000Z', '2024-03-04T09:00:00.000Z', false],
    ['estimated, no success on record', true, '2024-03-04T09:30:00.000Z', null, false],
  ])('%s', (_name, estimated, firstSeenAt, firstSuccessAt, backlog) => {
    const story = { sourceId: 'wire', publishedEstimated: estimated, firstSeenAt };
    expect(isFirstPollBacklog(story, firstSuccessAt)).toBe(backlog);
  });
});
