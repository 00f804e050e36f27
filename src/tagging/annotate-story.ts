// Tags and entities of one story from one scan: theme terms and organisation names are found in
// the same pass (scan-story.ts); the organisations feed both entity extraction and the theme rules
// that count an organisation's kind. Pure. Polling, explain and `briefing tag` all annotate
// through here, so they agree.
import type { Entities, NearMiss, Tag } from '../domain.js';
import type { CompiledThemes } from './compile-themes.js';
import type { DeadlineScreen } from './deadline-screen.js';
import { extractEntities } from './extract-entities.js';
import type { Gazetteer } from './organisations.js';
import { scanStory } from './scan-story.js';
import { findStoryOrganisations } from './story-organisations.js';
import { tagStory, type TaggableStory } from './tag-story.js';

export interface Annotation {
  tags: Tag[];
  nearMisses: NearMiss[];
  entities: Entities;
  /** 'tags-only': a veto rejected a theme (TagResult.vetoed). */
  vetoed?: true;
}

/** 'tags-only' (polling stores no near misses) skips building them; `nearMisses` is then empty. */
export type AnnotationDetail = 'with-near-misses' | 'tags-only';

/**
 * `screen`, when given, learns per field whether a closing-date trigger may appear there, for
 * findDeadlines (polling reads closing dates right after; the scan's words tell it cheaply).
 */
export function annotateStory(
  story: TaggableStory,
  compiled: CompiledThemes,
  gazetteer: Gazetteer,
  detail: AnnotationDetail = 'with-near-misses',
  screen?: DeadlineScreen,
): Annotation {
  const scan = scanStory(story, compiled, gazetteer, screen);
  const { phraseHits, nameHits, contextHits, ruleHits, asciiWords } = scan;
  const organisations = findStoryOrganisations(story, gazetteer, nameHits);
  const { tags, nearMisses, vetoed } = tagStory(story, compiled, organisations, {
    phraseHits,
    contextHits,
    ruleHits,
    asciiWords,
    nearMisses: detail === 'with-near-misses',
  });
  const entities = extractEntities(story, gazetteer, organisations);
  return vetoed ? { tags, nearMisses, entities, vetoed } : { tags, nearMisses, entities };
}
