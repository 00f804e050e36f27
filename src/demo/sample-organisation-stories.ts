// Sample stories for `briefing demo` that name the organisations the news names beyond trusts
// (issue 14): a CCG that no longer exists, so the demo can show the gazetteer recognising it
// with its kind and the ICB that succeeded it. Written for this project (invented but plausible;
// the CCG, its merger in April 2021 and the ICB of July 2022 are real). Dated in 2021-W44, before
// the demo's digest week, so the catch-up the demo prints is unchanged.
import type { SampleStory } from './sample-stories.js';

export const ORGANISATION_STORIES: SampleStory[] = [
  {
    source: 'thinktank',
    date: '2021-11-05T09:15',
    slug: 'dudley-ccg-mcp-legacy',
    title: 'What became of NHS Dudley CCG’s community provider plans?',
    summary:
      'NHS Dudley CCG spent three years designing a multispecialty community provider before it merged into a Black Country CCG in April. The integrated care board inherits the plans next year.',
  },
];
