// A real database with archived stories, a config and a memory channel, for job tests.
import { settingsSchema } from '../../src/config/settings.js';
import type { Source, StoredStory } from '../../src/domain.js';
import type { DigestJobConfig } from '../../src/pipeline/build-week-digest.js';
import type { Db } from '../../src/store/database.js';
import { makeStory, SOURCES, THEMES } from '../digest/make-story.js';
import { tagAndStore } from '../../src/pipeline/tag-and-store.js';

export function jobConfig(digest: Record<string, unknown> = {}): DigestJobConfig {
  const settings = settingsSchema.parse({ digest });
  const sources: Source[] = SOURCES.map((s) => ({
    ...s,
    kind: 'feed',
    url: `https://example.org/${s.id}.xml`,
    pollIntervalMinutes: 30,
    paywalled: s.id === 'hsj',
    enabled: true,
    verified: true,
  }));
  return { settings, sources, themes: { themes: THEMES } };
}

/** Stores stories (tags and entities as given) through the real store. */
export function archiveStories(db: Db, stories: StoredStory[], now: Date): void {
  const byId = new Map(stories.map((s) => [s.id, s]));
  tagAndStore(db, stories, now, (story) => ({
    tags: byId.get(story.id)!.tags,
    entities: byId.get(story.id)!.entities,
    rulesVersion: 'test',
  }));
}

/** Three stories in each of the given ISO weeks' Tuesdays (UTC dates given). */
export function storiesOn(days: string[]): StoredStory[] {
  return days.flatMap((day, d) => [
    makeStory({
      id: `${day}-a`,
      sourceId: 'nhse',
      title: `Carter productivity review update ${d}`,
      summary: 'Trusts get new Model Hospital metrics.',
      url: `https://example.org/nhse/${day}-a`,
      publishedAt: `${day}T10:00:00.000Z`,
      tags: { carter: 5 },
    }),
    makeStory({
      id: `${day}-b`,
      sourceId: 'dhsc',
      title: `Procurement framework agreement signed ${d}`,
      summary: 'A four-year framework covers orthopaedic implants.',
      url: `https://example.org/dhsc/${day}-b`,
      publishedAt: `${day}T11:00:00.000Z`,
      tags: { procurement: 4 },
    }),
  ]);
}
