// The tag step of a poll, in the open: find which stories are new or edited, tag those (and only
// those: re-polling an unchanged feed tags nothing), write the batch with their tags. The three
// run in ONE transaction, so no other writer can add or edit a story between the finding and the
// writing, and a failure anywhere stores nothing. Tagging is pure and synchronous (tagging/),
// which is what lets it run inside a better-sqlite3 transaction.
import type { Story } from '../domain.js';
import type { Db } from '../store/database.js';
import {
  findStoriesToTag,
  inStoryTransaction,
  writeStories,
  type SaveResult,
  type StoryAnnotation,
  type StoryToTag,
} from '../store/stories.js';

/** The tagger: themes, organisations and money for one story (buildAnnotator makes it). */
export type Annotate = (story: Story) => StoryAnnotation;

/** Tags each story, keyed by its position in the batch as saveStories expects. */
export function tagStories(
  toTag: readonly StoryToTag[],
  annotate: Annotate,
): Map<number, StoryAnnotation> {
  const annotations = new Map<number, StoryAnnotation>();
  for (const { index, story } of toTag) {
    try {
      annotations.set(index, annotate(story));
    } catch (error) {
      throw new Error(`pipeline: could not tag story ${story.id}`, { cause: error });
    }
  }
  return annotations;
}

/** Stores one poll's stories, new and edited ones with fresh tags, in one transaction. */
export function tagAndStore(
  db: Db,
  stories: readonly Story[],
  now: Date,
  annotate: Annotate,
): SaveResult {
  return inStoryTransaction(db, () => {
    const batch = findStoriesToTag(db, stories);
    const annotations = tagStories(batch.toTag, annotate);
    return writeStories(db, batch, now, annotations);
  });
}
