// Stories with closing dates, stored through the real tag-and-store step with the real deadline
// reader (tagging/find-deadlines.ts): for the store, digest, reminder and command tests.
import type { Story } from '../../src/domain.js';
import { tagAndStore } from '../../src/pipeline/tag-and-store.js';
import type { Db } from '../../src/store/database.js';
import { findDeadlines } from '../../src/tagging/find-deadlines.js';
import { makeStory, makeTag } from '../store/make-story.js';

export const ZONE = 'Europe/London';

/** A consultation story (theme `workforce` unless given) saying when it closes. */
export function consultation(
  n: number,
  closes: string,
  publishedAt: string,
  themes: string[] = ['workforce'],
): Story & { themes: string[] } {
  return {
    ...makeStory({
      id: `g_dead${String(n).padStart(4, '0')}aa${n}`,
      guid: `consultation-${n}`,
      url: `https://example.org/consultation-${n}`,
      title: `Consultation ${n} on the workforce plan`,
      summary: `The consultation closes on ${closes}.`,
      content: '',
      publishedAt,
    }),
    themes,
  };
}

/** Stores the stories with their themes and the deadlines the real reader finds. */
export function storeWithDeadlines(
  db: Db,
  stories: readonly (Story & { themes: string[] })[],
  now: Date,
): void {
  const themesOf = new Map(stories.map((s) => [s.id, s.themes]));
  tagAndStore(
    db,
    stories.map(({ themes: _themes, ...story }) => story),
    now,
    (story) => ({
      tags: (themesOf.get(story.id) ?? []).map((t) => makeTag(t)),
      entities: { organisations: [], money: [], deadlines: findDeadlines(story, ZONE) },
      rulesVersion: 'test',
    }),
  );
}
