// Tags and entities of one story from one scan for organisations: the gazetteer scan feeds both
// entity extraction and the theme rules that count an organisation's kind. Pure. Polling, explain
// and `briefing tag` all annotate through here, so they agree.
import type { Entities, NearMiss, Tag } from '../domain.js';
import type { CompiledThemes } from './compile-themes.js';
import { extractEntities } from './extract-entities.js';
import type { Gazetteer } from './organisations.js';
import { findStoryOrganisations } from './story-organisations.js';
import { tagStory, type TaggableStory } from './tag-story.js';

export interface Annotation {
  tags: Tag[];
  nearMisses: NearMiss[];
  entities: Entities;
}

export function annotateStory(
  story: TaggableStory,
  compiled: CompiledThemes,
  gazetteer: Gazetteer,
): Annotation {
  const organisations = findStoryOrganisations(story, gazetteer);
  const { tags, nearMisses } = tagStory(story, compiled, organisations);
  return { tags, nearMisses, entities: extractEntities(story, gazetteer, organisations) };
}
