// Generated stories for the tagging benchmark: NHS-policy sentences from a seeded PRNG (the
// wording is invented), theme vocabulary mixed in now and then so the matcher does real work,
// and the real labelled headlines and standfirsts of test/fixtures/tagging as realistic text.
// Every story is handed over as polling gets it: through a structured clone, as the parse worker
// posts it (document-reader.ts), so its strings are flat. Built here by slicing a joined text,
// they would be V8 sliced strings, which every character read pays for (issue 18, tag3:
// %DebugPrint shows the parse worker's stories arrive as sequential strings).
import type { Story } from '../../src/domain.js';
import type { TaggableStory } from '../../src/tagging/tag-story.js';
import { loadDevSet } from '../eval/eval-tagging.js';
import { createRng, type Rng } from './measure.js';

const SUBJECTS = [
  'Trust leaders',
  'The regulator',
  'A think tank',
  'Finance directors',
  'Ministers',
  'The integrated care board',
  'Campaigners',
  'NHS England',
  'Commissioners',
  'The health secretary',
  'Dudley Group FT',
  'The Care Quality Commission',
  'Union officials',
  'Hospital chiefs',
];
const VERBS = [
  'warn about',
  'publish plans for',
  'delay a decision on',
  'set aside £40m for',
  'review',
  'question the cost of',
  'back',
  'promise to speed up',
  'consult on',
  'criticise',
];
const OBJECTS = [
  'waiting lists',
  'community services',
  'the winter plan',
  'agency spending',
  'maternity care',
  'the new hospital programme',
  'mental health beds',
  'discharge delays',
  'GP access',
  'cancer diagnosis',
  'staff morale',
  'the capital budget',
  'digital records',
  'ambulance handovers',
];
/** Theme vocabulary mixed in now and then, so the matcher does real work. */
const SIGNALS = [
  'the Carter review',
  'unwarranted variation',
  'the Model Hospital',
  'STP footprints',
  'sustainability and transformation plans',
  'an MCP contract',
  'new care models',
  'vanguard sites',
  'procurement rules',
  'a £2bn framework agreement',
  'the tender process',
  'NHS Supply Chain',
  'cost improvement plans',
  'CIPs',
  'block contracts',
  'the Covid pandemic',
  'the integrated care system',
  'a merger',
  'the CQC rating',
  'social care',
  'the junior doctors contract',
  'legal aid',
];
const LINKS = ['while', 'after', 'as', 'because', 'even though', 'and'];

function sentence(rng: Rng): string {
  const parts = [rng.pick(SUBJECTS), rng.pick(VERBS), rng.pick(OBJECTS)];
  if (rng.next() < 0.35) parts.push('and', rng.pick(SIGNALS));
  parts.push(rng.pick(LINKS), rng.pick(SUBJECTS).toLowerCase(), rng.pick(VERBS), rng.pick(OBJECTS));
  const text = parts.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function textOfLength(rng: Rng, length: number): string {
  const out: string[] = [];
  let size = 0;
  while (size < length) {
    const s = sentence(rng);
    out.push(s);
    size += s.length + 1;
  }
  return out.join(' ').slice(0, length);
}

export function generateStories(count: number, contentLength: number, seed = 3): TaggableStory[] {
  const rng = createRng(seed);
  const stories: TaggableStory[] = [];
  for (let i = 0; i < count; i++) {
    const year = rng.int(2015, 2024);
    stories.push({
      title: textOfLength(rng, rng.int(60, 100)),
      summary: textOfLength(rng, rng.int(280, 340)),
      content: contentLength > 0 ? textOfLength(rng, contentLength) : '',
      publishedAt: `${year}-0${rng.int(1, 9)}-1${rng.int(0, 9)}T09:00:00Z`,
    });
  }
  return structuredClone(stories);
}

/** A generated or fixture story as polling hands it to the annotator. */
export function asStory(s: TaggableStory, i: number): Story {
  const date = s.publishedAt ?? '2024-03-01';
  return {
    id: `s${i}`,
    sourceId: 'bench',
    guid: null,
    url: null,
    title: s.title,
    summary: s.summary,
    content: s.content ?? '',
    author: null,
    categories: [],
    publishedAt: date.length === 10 ? `${date}T09:00:00.000Z` : date,
    publishedEstimated: false,
    paywalled: false,
  };
}

/** The real headlines and standfirsts of the labelled tagging fixtures (about 700). */
export function fixtureStories(): Story[] {
  return structuredClone(loadDevSet().map(asStory));
}
