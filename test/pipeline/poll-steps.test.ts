// pollSource's named steps against a loopback feed host and a real in-memory archive: the read
// step can run behind a structured-clone boundary (as in a worker thread), tagging is done by
// the pipeline for new and edited stories only, and a failing tagger fails the poll, not the bot.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Source } from '../../src/domain.js';
import { readDocument } from '../../src/ingest/read-document.js';
import { silentLogger } from '../../src/logging.js';
import { pollSource, type PollDeps, type ReadDocument } from '../../src/pipeline/poll-source.js';
import type { Annotate } from '../../src/pipeline/tag-and-store.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { getSourceState } from '../../src/store/source-state.js';
import { countStories, getStory } from '../../src/store/stories.js';
import { serveBody, startFeedServer, type FeedServer } from '../fakes/feed-server.js';
import { makeTag, NO_ENTITIES } from '../store/make-story.js';

const T0 = new Date('2024-03-04T09:00:00.000Z');

function rss(titles: string[]): string {
  const items = titles
    .map(
      (title, n) =>
        `<item><title>${title}</title><link>https://news.example.org/${n}</link><guid>g${n}</guid>` +
        `<pubDate>Mon, 04 Mar 2024 08:0${n}:00 GMT</pubDate></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>${items}</channel></rss>`;
}

let server: FeedServer;
let db: Db;
let clock: Date;
let source: Source;

beforeEach(async () => {
  server = await startFeedServer({});
  db = openDatabase(':memory:');
  clock = T0;
  source = {
    id: 'wire',
    name: 'Wire',
    kind: 'feed',
    url: server.url('/feed'),
    pollIntervalMinutes: 30,
    paywalled: false,
    authority: 0.5,
    enabled: true,
    verified: true,
  };
});

afterEach(async () => {
  db.close();
  await server.close();
});

function deps(annotate: Annotate, readDocument?: ReadDocument): PollDeps {
  return {
    db,
    fetchOptions: {
      userAgent: 'nhs-briefing-bot/test',
      connectTimeoutMs: 2_000,
      timeoutMs: 5_000,
      maxBytes: 1024 * 1024,
      maxRedirects: 5,
      allowPrivateAddresses: true,
    },
    annotate,
    now: () => clock,
    maxBackoffMinutes: 240,
    logger: silentLogger,
    ...(readDocument ? { readDocument } : {}),
  };
}

const byTitle: Annotate = (story) => ({
  tags: [makeTag(story.title.includes('strike') ? 'workforce' : 'finance')],
  entities: NO_ENTITIES,
  rulesVersion: 'v1',
});

describe('pollSource steps', () => {
  it('uses the read step it is given, across a structured-clone boundary', async () => {
    server.setRoute('/feed', serveBody(rss(['Deficit widens', 'Junior doctors strike'])));
    const reads: string[] = [];
    const cloned: ReadDocument = async (src, bytes, options) => {
      reads.push(src.id);
      // What a worker thread would receive and send back (HTML structured clone).
      const input = structuredClone({ src, bytes, options });
      return structuredClone(await readDocument(input.src, input.bytes, input.options));
    };
    const outcome = await pollSource(source, deps(byTitle, cloned));
    expect(outcome).toMatchObject({ status: 'ok', newStories: 2, items: 2 });
    expect(reads).toEqual(['wire']);
    expect(getStory(db, 'https://news.example.org/1')!.tags.map((t) => t.theme)).toEqual([
      'workforce',
    ]);
  });

  it('tags only new and edited stories on later polls', async () => {
    const tagged: string[] = [];
    const annotate: Annotate = (story) => {
      tagged.push(story.title);
      return byTitle(story);
    };
    server.setRoute('/feed', serveBody(rss(['Deficit widens', 'Junior doctors strike'])));
    await pollSource(source, deps(annotate));
    clock = new Date(T0.getTime() + 30 * 60_000);
    server.setRoute(
      '/feed',
      serveBody(rss(['Deficit widens', 'Junior doctors strike called off'])),
    );
    const outcome = await pollSource(source, deps(annotate));
    expect(outcome).toMatchObject({ status: 'ok', newStories: 0, updatedStories: 1 });
    expect(tagged).toEqual([
      'Deficit widens',
      'Junior doctors strike',
      'Junior doctors strike called off',
    ]);
  });

  it('records a tagger failure as the poll failure and stores none of the batch', async () => {
    server.setRoute('/feed', serveBody(rss(['Deficit widens', 'Junior doctors strike'])));
    const failing: Annotate = (story) => {
      if (story.title.includes('strike')) throw new Error('theme rule crashed');
      return byTitle(story);
    };
    const outcome = await pollSource(source, deps(failing));
    expect(outcome.status).toBe('failed');
    expect(outcome.reason).toMatch(/^could not process the document: pipeline: could not tag /);
    expect(countStories(db)).toBe(0);
    expect(getSourceState(db, 'wire')).toMatchObject({ consecutiveFailures: 1 });
  });
});
