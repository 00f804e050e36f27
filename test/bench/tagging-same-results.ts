// Guard for speed work on the tagger (issue 18): prints one SHA-256 over everything the per-story
// step produces (tags, near misses with evidence, organisations, sums, closing dates) and the raw
// phrase-scan hits, for every labelled fixture story, the search-archive stories and the tagging
// bench's generated stories. Run it before and after a change: the hash must not move.
//   node --import tsx test/bench/tagging-same-results.ts [--dump file.jsonl]
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfigOrThrow } from '../../src/config/load.js';
import type { Story } from '../../src/domain.js';
import { buildAnnotator } from '../../src/pipeline/build-poll-deps.js';
import { annotateStory } from '../../src/tagging/annotate-story.js';
import { compileThemes } from '../../src/tagging/compile-themes.js';
import { compileGazetteer } from '../../src/tagging/organisations.js';
import { scanPhrases } from '../../src/tagging/phrase-index.js';
import { tagStory } from '../../src/tagging/tag-story.js';
import { loadDevSet } from '../eval/eval-tagging.js';
import { readArchiveStories } from '../eval/search-archive.js';
import { asStory, generateStories } from './tagging-stories.js';

const CONFIG = fileURLToPath(new URL('../../config/', import.meta.url));

const config = loadConfigOrThrow(CONFIG);
const annotate = buildAnnotator(config);
const compiled = compileThemes(config.themes);
const gazetteer = compileGazetteer(config.organisations);
const stories: Story[] = [
  ...loadDevSet().map(asStory),
  ...readArchiveStories(),
  ...generateStories(2000, 0).map(asStory),
  ...generateStories(100, 5000, 7).map(asStory),
];
// Closing dates: triggers, durations, numeric dates, and stories with no usable date.
const DEADLINE_SENTENCES = [
  'The consultation closes on 3 March 2024.',
  'Responses are invited by 12 May.',
  'The tender deadline is Friday 7 June at 5pm.',
  'The call for evidence runs for eight weeks.',
  'A 12-week consultation opens today; submissions before 01/09/2024.',
  'The ward closes on 3 March.',
  'Applications are open until 31 July 2025 at midnight.',
  'the 31 July deadline for bids',
  'May the trust respond? It may.',
];
const PUBLISHED = ['2024-02-01T09:00:00Z', '2023-12-30T23:30:00Z', 'not a date', ''];
stories.push(
  ...DEADLINE_SENTENCES.flatMap((a, i) =>
    DEADLINE_SENTENCES.map((b, j) =>
      asStory(
        {
          title: a,
          summary: `${b} Trust leaders warn about £40m for waiting lists.`,
          content: `${DEADLINE_SENTENCES[(i + j) % DEADLINE_SENTENCES.length]!} ${a}`,
          publishedAt: PUBLISHED[(i * 3 + j) % PUBLISHED.length]!,
        },
        i * 100 + j,
      ),
    ),
  ),
);
const hash = createHash('sha256');
const lines: string[] = [];
for (const story of stories) {
  const line = JSON.stringify({
    product: annotate(story),
    full: annotateStory(story, compiled, gazetteer),
    bare: tagStory(story, compiled),
    scans: [story.title, story.summary, story.content].map((text) => [
      scanPhrases(text, compiled.index),
      scanPhrases(text, gazetteer.index),
    ]),
  });
  hash.update(line);
  lines.push(line);
}
const dump = process.argv.indexOf('--dump');
if (dump >= 0) writeFileSync(process.argv[dump + 1]!, `${lines.join('\n')}\n`);
console.log(`${stories.length} stories ${hash.digest('hex')}`);
