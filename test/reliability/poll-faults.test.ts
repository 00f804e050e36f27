// Source faults at the level of a whole poll (issue 8), filling what test/ingest/source-faults
// leaves to the orchestrator: many misbehaving loopback sources polled together by the real
// pollSources into a real database. Each failure is recorded on its source with one clear line;
// 410 marks the source gone; Retry-After sets the next attempt; a source that hangs or drips does
// not hold up the others (they finish while it is still in flight: its timeout runs on fake time,
// moved on only after they have, so the order does not depend on the machine's speed); a failing source recovers
// when its server does; GUIDs that change on every poll do not duplicate stories.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildPollDeps } from '../../src/pipeline/build-poll-deps.js';
import { loadEnv } from '../../src/config/env.js';
import { loadConfigOrThrow, type AppConfig } from '../../src/config/load.js';
import type { Source } from '../../src/domain.js';
import { pollSources } from '../../src/pipeline/poll-all.js';
import type { PollOutcome } from '../../src/pipeline/poll-source.js';
import { silentLogger } from '../../src/logging.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { getSourceState, sourcesDue } from '../../src/store/source-state.js';
import {
  drip,
  hang,
  redirectTo,
  resetMidBody,
  respondStatus,
  serveBody,
  startFeedServer,
  type FeedRoute,
  type FeedServer,
} from '../fakes/feed-server.js';
import { REPO_ROOT } from './kill-world.js';

const T0 = new Date('2026-11-10T09:00:00Z');
const SLOW_TIMEOUT_MS = 3_000;

function rss(prefix: string, count: number, guid: (i: number) => string = (i) => `${prefix}-${i}`) {
  const items = Array.from(
    { length: count },
    (_, i) =>
      `<item><title>${prefix} trust procurement notice ${i}</title>` +
      `<link>https://news.example.org/${prefix}/${i}</link><guid isPermaLink="false">${guid(i)}</guid>` +
      `<pubDate>Mon, 09 Nov 2026 0${i % 10}:00:00 GMT</pubDate></item>`,
  ).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${prefix}</title>${items}</channel></rss>`;
}

/** path -> the one-line reason expected on the source (null: a good source). */
const EXPECTED: Record<string, RegExp | null> = {
  '/good-1': null,
  '/good-2': null,
  '/404': /^HTTP 404 Not Found$/,
  '/410': /^HTTP 410 Gone/,
  '/401': /^HTTP 401 Unauthorized$/,
  '/403': /^HTTP 403 Forbidden$/,
  '/429': /^HTTP 429 Too Many Requests \(retry after 120 s\)$/,
  '/503': /^HTTP 503 Service Unavailable \(retry after 3600 s\)$/,
  '/500': /^HTTP 500 Internal Server Error$/,
  '/hang': new RegExp(`no complete answer within ${SLOW_TIMEOUT_MS} ms`),
  '/drip': new RegExp(`no complete answer within ${SLOW_TIMEOUT_MS} ms`),
  '/reset': /closed early/,
  '/loop': /^redirect loop at /,
  '/to-ftp': /redirect to a ftp: URL refused/,
  '/empty': /^empty document$/,
  '/invalid-xml': /^invalid feed XML: /,
  '/html-200': /^not a feed: looks like an HTML page$/,
  '/refused': /connection refused/,
};

/** A promise and its resolver: an explicit signal, so no step waits on the clock. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Resolves when the slow servers hold their request (the fetch's timeout is armed by then). */
const slowArrived = { hang: signal(), drip: signal() };

function signalling(route: FeedRoute, arrived: { resolve: () => void }): FeedRoute {
  return (req, res) => {
    arrived.resolve();
    route(req, res);
  };
}

let server: FeedServer;
/** Hosts of their own: the fetch limiter allows 2 requests per host (politeness), so a stuck
 * source on the same host as others would hold them up by design. */
let slowServers: Record<string, FeedServer>;
let refusedUrl: string;
let config: AppConfig;
let db: Db;
let pollCount = 0;

function sourceFor(path: string): Source {
  return {
    id: `src${path.replace(/\W/g, '-')}`,
    name: `Source ${path}`,
    kind: 'feed',
    url: path === '/refused' ? refusedUrl : (slowServers[path] ?? server).url(path),
    pollIntervalMinutes: 30,
    paywalled: false,
    authority: 0.5,
    enabled: true,
    verified: true,
  };
}

async function pollAll(sources: Source[], now: Date, onOutcome?: (outcome: PollOutcome) => void) {
  const env = loadEnv({});
  if (!env.ok) throw new Error(env.errors.join('; '));
  const order: string[] = [];
  const outcomes = await pollSources(
    sources,
    buildPollDeps({
      db,
      env: env.env,
      config,
      logger: silentLogger,
      now: () => now,
      fetchOverrides: {
        allowPrivateAddresses: true,
        timeoutMs: SLOW_TIMEOUT_MS,
        connectTimeoutMs: 1_000,
      },
    }),
    {
      concurrency: 8,
      onOutcome: (o) => {
        order.push(o.sourceId);
        onOutcome?.(o);
      },
    },
  );
  return { outcomes, order };
}

beforeAll(async () => {
  server = await startFeedServer({
    '/good-1': serveBody(rss('good1', 5)),
    '/good-2': serveBody(rss('good2', 4)),
    '/404': respondStatus(404),
    '/410': respondStatus(410),
    '/401': respondStatus(401),
    '/403': respondStatus(403),
    '/429': respondStatus(429, { 'retry-after': '120' }),
    '/503': respondStatus(503, { 'retry-after': '3600' }),
    '/500': respondStatus(500, {}, '<html><body>Internal error</body></html>'),
    '/reset': resetMidBody(rss('reset', 200)),
    '/loop': redirectTo('/loop-2'),
    '/loop-2': redirectTo('/loop'),
    '/to-ftp': redirectTo('ftp://files.example.org/feed.xml', 301),
    '/empty': serveBody(''),
    '/invalid-xml': serveBody('<rss version="2.0"><channel><title>Broken</title><item><<<>>>'),
    '/html-200': serveBody(
      '<!DOCTYPE html><html><head><title>Error</title></head><body>Oops</body></html>',
      {
        contentType: 'text/html',
      },
    ),
    // A CMS that mints a new GUID on every request for the same articles.
    '/changing-guids': (req, res) => {
      pollCount++;
      serveBody(
        rss('churn', 6, (i) => `urn:uuid:${pollCount}-${i}-${Math.random().toString(36).slice(2)}`),
      )(req, res);
    },
  });
  slowServers = {
    '/hang': await startFeedServer({ '/hang': signalling(hang(), slowArrived.hang) }),
    '/drip': await startFeedServer({ '/drip': signalling(drip(200), slowArrived.drip) }),
  };
  const closed = await startFeedServer();
  refusedUrl = closed.url('/feed.xml');
  await closed.close();
  config = loadConfigOrThrow(`${REPO_ROOT}/config`);
  db = openDatabase(':memory:');
});

afterAll(async () => {
  db.close();
  await Promise.all([server, ...Object.values(slowServers)].map((s) => s.close()));
});

describe('a poll of many misbehaving sources', () => {
  let outcomes: PollOutcome[];
  let order: string[];
  const sources = () => Object.keys(EXPECTED).map(sourceFor);

  // The fetch timeout runs on fake time (only setTimeout/clearTimeout: the drip server's
  // setInterval, sockets and the parse worker stay real), and the clock is moved on only once
  // every other source has its outcome and both slow servers hold their request. So the slow
  // sources end by their timeout, after the others, however slow the machine; and if the others
  // did wait for them, they would never finish and this hook would fail on its (backstop) timeout.
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const slowIds = new Set([sourceFor('/hang').id, sourceFor('/drip').id]);
      const othersDone = signal();
      let others = sources().length - slowIds.size;
      const poll = pollAll(sources(), T0, (o) => {
        if (!slowIds.has(o.sourceId) && --others === 0) othersDone.resolve();
      });
      await Promise.all([othersDone.promise, slowArrived.hang.promise, slowArrived.drip.promise]);
      vi.advanceTimersByTime(SLOW_TIMEOUT_MS);
      ({ outcomes, order } = await poll);
    } finally {
      vi.useRealTimers();
    }
  }, 120_000);

  it('gives one outcome per source and never throws', () => {
    expect(outcomes.map((o) => o.sourceId).sort()).toEqual(
      sources()
        .map((s) => s.id)
        .sort(),
    );
  });

  it.each(Object.entries(EXPECTED))('%s is recorded with one clear reason', (path, reason) => {
    const id = sourceFor(path).id;
    const outcome = outcomes.find((o) => o.sourceId === id)!;
    const state = getSourceState(db, id)!;
    if (reason === null) {
      expect(outcome).toMatchObject({ status: 'ok', reason: null });
      expect(state).toMatchObject({ consecutiveFailures: 0, lastError: null });
      return;
    }
    expect(outcome.status).toBe('failed');
    expect(outcome.reason).toMatch(reason);
    expect(state.lastError).toBe(outcome.reason);
    expect(state.lastError).not.toContain('\n');
    expect(state.consecutiveFailures).toBe(1);
  });

  it('sources that hang or drip finish last: the others finished while they were held', () => {
    expect(order.slice(-2).sort()).toEqual([sourceFor('/drip').id, sourceFor('/hang').id]);
  });

  it('410 marks the source gone: it is not polled again', () => {
    expect(getSourceState(db, sourceFor('/410').id)!.gone).toBe(true);
    const later = new Date(T0.getTime() + 7 * 86_400_000);
    expect(sourcesDue(db, sources(), later).map((s) => s.id)).not.toContain(sourceFor('/410').id);
  });

  it('Retry-After sets the next attempt', () => {
    const after = (path: string) => Date.parse(getSourceState(db, sourceFor(path).id)!.nextPollAt!);
    expect(after('/429')).toBeGreaterThanOrEqual(T0.getTime() + 120_000);
    expect(after('/503')).toBeGreaterThanOrEqual(T0.getTime() + 3_600_000);
  });

  it('a failing source recovers when its server does', async () => {
    const source = sourceFor('/500');
    expect(sourcesDue(db, [source], new Date(T0.getTime() + 60_000))).toEqual([]); // backing off
    server.setRoute('/500', serveBody(rss('recovered', 3)));
    const later = new Date(T0.getTime() + 2 * 86_400_000);
    expect(sourcesDue(db, [source], later)).toHaveLength(1);
    const { outcomes: again } = await pollAll([source], later);
    expect(again[0]).toMatchObject({ status: 'ok', newStories: 3 });
    // The last error stays as history; the later success and the reset count show recovery.
    expect(getSourceState(db, source.id)).toMatchObject({
      consecutiveFailures: 0,
      lastSuccessAt: later.toISOString(),
    });
  });
});

describe('GUIDs that change on every poll', () => {
  it('do not duplicate stories (the canonical link is the same article)', async () => {
    const source = sourceFor('/changing-guids');
    for (let round = 0; round < 3; round++) {
      const { outcomes } = await pollAll([source], new Date(T0.getTime() + round * 3_600_000));
      expect(outcomes[0]!.status).toBe('ok');
    }
    const count = db
      .prepare(
        "SELECT count(*) AS n FROM stories WHERE url LIKE 'https://news.example.org/churn/%'",
      )
      .get() as { n: number };
    expect(count.n).toBe(6);
  });
});
