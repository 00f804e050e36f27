// Guard for speed work on the digest (issue 18): prints one SHA-256 over the Digest JSON of
// generated weeks (test/digest/generate-week.ts: four sizes, three seeds, two per-theme caps)
// built by buildDigest, the clusters of the labelled fixture stories, and, given an archive
// (`--db`, e.g. one the digest bench built, and `--at` a date in it), three weeks built by the
// product's buildWeekDigest with the shipped config (continuity and lead included). Run it on
// the code before and after a change (the same archive file): the hash must not move.
//   node --import tsx test/bench/digest-same.ts [--db archive.db --at 2016-05-26T05:14:09Z]
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { loadConfigOrThrow } from '../../src/config/load.js';
import { buildDigest } from '../../src/digest/build-digest.js';
import { clusterStories } from '../../src/digest/cluster-stories.js';
import { describeStory } from '../../src/digest/story-features.js';
import { buildWeekDigest } from '../../src/pipeline/build-week-digest.js';
import { openDatabase } from '../../src/store/database.js';
import { previousWeek, weekOf } from '../../src/time/week.js';
import { fixtureEntities, LABELLED_STORIES } from '../digest/cluster-fixtures.js';
import { generateWeek } from '../digest/generate-week.js';
import { SOURCES, THEMES } from '../digest/make-story.js';

const hash = createHash('sha256');
let parts = 0;
const add = (value: unknown): void => {
  hash.update(`${JSON.stringify(value)}\n`);
  parts++;
};

const startsAt = new Date('2017-02-13T00:00:00Z');
for (const count of [50, 400, 2400, 6000]) {
  for (const seed of [1, 7, 42]) {
    const { stories } = generateWeek(count, startsAt, seed);
    for (const perThemeCap of [3, 6]) {
      add(
        buildDigest({
          week: { year: 2017, week: 7 },
          timeZone: 'Europe/London',
          stories,
          themes: THEMES,
          sources: SOURCES,
          failedSources: [],
          perThemeCap,
        }),
      );
    }
  }
}
add(
  clusterStories(
    LABELLED_STORIES.map((s) => ({
      features: describeStory({ ...s, entities: fixtureEntities(s) }),
      sourceId: s.source,
    })),
  ),
);

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const dbPath = option('--db');
if (dbPath !== undefined) {
  const config = loadConfigOrThrow(fileURLToPath(new URL('../../config/', import.meta.url)));
  const db = openDatabase(dbPath);
  try {
    let week = weekOf(new Date(option('--at') ?? Date.now()), config.settings.timeZone);
    for (let i = 0; i < 3; i++) {
      add(buildWeekDigest(db, config, week));
      week = previousWeek(week);
    }
  } finally {
    db.close();
  }
}
process.stdout.write(`${parts} digests and clusterings: ${hash.digest('hex')}\n`);
