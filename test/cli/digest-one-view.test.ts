// One digest, one renderer: `briefing digest` (the preview) prints exactly what a channel
// following everything is sent and what the archive holds; `--format json` prints the archived
// object. Real database file, real CLI, real outbox with the in-memory platform.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli as runBriefing } from '../helpers/run-cli.js';
import { loadConfigOrThrow } from '../../src/config/load.js';
import { enqueueDigest } from '../../src/delivery/enqueue-digest.js';
import { MemoryAdapter } from '../../src/delivery/memory-adapter.js';
import { processOutbox } from '../../src/delivery/process-outbox.js';
import { archiveDigest } from '../../src/digest/archive-digest.js';
import { buildWeekDigest } from '../../src/pipeline/build-week-digest.js';
import { openDatabase } from '../../src/store/database.js';
import { upsertSubscription } from '../../src/store/subscriptions.js';
import { makeStory } from '../digest/make-story.js';
import { archiveStories } from '../pipeline/job-fixtures.js';

const CONFIG = fileURLToPath(new URL('../../config', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'briefing-one-view-'));
const env = {
  LOG_LEVEL: 'silent',
  DATABASE_PATH: join(work, 'briefing.db'),
  DIGESTS_DIR: join(work, 'digests'),
  BRIEFING_CONFIG_DIR: CONFIG,
};
afterAll(() => rmSync(work, { recursive: true, force: true }));

const runCli = (argv: string[]) => runBriefing(argv, env);

/** Markdown parts sent as separate messages read the same once joined. */
const normalise = (text: string) => text.replace(/\n{2,}/g, '\n\n').trim();

describe('preview, delivery and archive', () => {
  it('render the same digest, each story once', async () => {
    const db = openDatabase(env.DATABASE_PATH);
    const at = (day: string) => `2017-02-${day}T10:00:00.000Z`;
    archiveStories(
      db,
      [
        makeStory({
          id: 'two-themes',
          sourceId: 'nhse-news',
          url: 'https://news.example.org/carter-savings',
          title: 'Carter review names procurement savings',
          summary: 'Lord Carter said trusts could save £700m on procurement.',
          publishedAt: at('14'),
          tags: { carter: 5, procurement: 3 },
        }),
        makeStory({
          id: 'p1',
          title: 'Framework agreement signed',
          publishedAt: at('15'),
          tags: { procurement: 4 },
        }),
        makeStory({
          id: 'p2',
          title: 'Pathology tender opens',
          publishedAt: at('16'),
          tags: { procurement: 4 },
        }),
        makeStory({
          id: 's1',
          title: 'STP footprint published',
          publishedAt: at('16'),
          tags: { stp: 4 },
        }),
      ],
      new Date('2017-01-01T00:00:00Z'),
    );
    const config = loadConfigOrThrow(CONFIG);
    const week = { year: 2017, week: 7 };
    const digest = buildWeekDigest(db, config, week);
    const archived = archiveDigest(digest, env.DIGESTS_DIR);

    const adapter = new MemoryAdapter({ maxChars: 500 });
    const now = new Date('2017-02-20T08:00:00Z');
    const { subscription } = upsertSubscription(
      db,
      {
        platform: 'memory',
        workspaceId: 'T1',
        channelId: 'C1',
        themes: 'all',
        organisations: [],
        schedule: null,
        createdBy: 'U1',
      },
      now,
    );
    enqueueDigest(db, { digest, subscription, adapter, now });
    await processOutbox(db, new Map([['memory', adapter]]), now);
    db.close();
    const delivered = adapter.chat.messages.map((m) => m.text).join('\n\n');
    expect(adapter.chat.messages.length).toBeGreaterThan(1);

    const preview = await runCli(['digest', '--week', '2017-W07']);
    expect(preview.code).toBe(0);
    const archive = readFileSync(archived.markdownPath, 'utf8');
    expect(normalise(preview.stdout)).toBe(normalise(archive));
    expect(normalise(delivered)).toBe(normalise(archive));
    expect(preview.stdout.match(/Carter review names procurement savings/g)).toHaveLength(1);
    expect(preview.stdout).not.toContain('nhse-news');

    const json = await runCli(['digest', '--week', '2017-W07', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(readFileSync(archived.jsonPath, 'utf8')));
    expect(JSON.parse(json.stdout)).toMatchObject({
      lead: { storyIds: ['two-themes'], whyItMatters: expect.any(Array) },
    });
  });
});
