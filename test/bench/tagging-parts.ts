// Where the whole per-story tagging step (buildAnnotator) spends its CPU, part by part (issue 18,
// tag7). A CPU profile under tsx misplaces self time (every imported name is a getter call there,
// and inlined frames take their callers' ticks: tag7 found "hot" spots whose removal measured
// within noise), so this runs the step's stages cumulatively instead, in one process over the
// same stories and in turns: the scan alone, then with the organisations, with the field hits
// (regexes), with the theme decisions (tagStory), with the entities, and the whole annotator
// (closing dates too). Each stage's cost is its row minus the one above. Prints medians of CPU
// milliseconds per pass and the load average; no figure is asserted.
//   node --import tsx test/bench/tagging-parts.ts [short|real] [rounds]
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadConfigOrThrow } from '../../src/config/load.js';
import type { Story } from '../../src/domain.js';
import { buildAnnotator } from '../../src/pipeline/build-poll-deps.js';
import { compileThemes } from '../../src/tagging/compile-themes.js';
import type { DeadlineScreen } from '../../src/tagging/deadline-screen.js';
import { extractEntities } from '../../src/tagging/extract-entities.js';
import { collectFieldHits } from '../../src/tagging/field-hits.js';
import { compileGazetteer } from '../../src/tagging/organisations.js';
import { scanStory } from '../../src/tagging/scan-story.js';
import { findStoryOrganisations } from '../../src/tagging/story-organisations.js';
import { tagStory } from '../../src/tagging/tag-story.js';
import { median } from './measure.js';
import { asStory, fixtureStories, generateStories } from './tagging-stories.js';

const [which = 'short', roundsArg = '41'] = process.argv.slice(2);
const config = loadConfigOrThrow(fileURLToPath(new URL('../../config/', import.meta.url)));
const compiled = compileThemes(config.themes);
const gazetteer = compileGazetteer(config.organisations);
const annotate = buildAnnotator(config);
const stories: Story[] =
  which === 'real' ? fixtureStories() : generateStories(4000, 0).map(asStory);
const screen: DeadlineScreen = {
  mayHoldTrigger: [true, true, true],
  mayHoldDuration: [true, true, true],
};
let sink = 0;

/** The step's stages up to `upto` (0: the scan alone ... 4: with the entities). */
function stagesUpTo(story: Story, upto: number): void {
  const scan = scanStory(story, compiled, gazetteer, screen);
  sink += scan.contextHits.count;
  if (upto < 1) return;
  const organisations = findStoryOrganisations(story, gazetteer, scan.nameHits);
  sink += organisations.length;
  if (upto < 2) return;
  if (upto === 2) {
    const { phraseHits, contextHits, ruleHits, asciiWords } = scan;
    const args = [phraseHits, contextHits, ruleHits, asciiWords] as const;
    sink += collectFieldHits(story, compiled, organisations, ...args).contextHits.count;
    return;
  }
  const { phraseHits, contextHits, ruleHits, asciiWords } = scan;
  const options = { phraseHits, contextHits, ruleHits, asciiWords, nearMisses: false };
  sink += tagStory(story, compiled, organisations, options).tags.length;
  if (upto < 4) return;
  sink += extractEntities(story, gazetteer, organisations).money.length;
}

const STAGES = ['scan', '+ organisations', '+ field hits', '+ decisions', '+ entities'];
const rows = [...STAGES, 'whole annotator'];
const run = (row: number) => {
  if (row < STAGES.length) for (const story of stories) stagesUpTo(story, row);
  else for (const story of stories) sink += annotate(story).tags.length;
};
const cpuMs = (row: number) => {
  const before = process.cpuUsage();
  run(row);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
};
for (let i = 0; i < 5; i++) for (let row = 0; row < rows.length; row++) cpuMs(row);
const times = rows.map(() => [] as number[]);
for (let round = 0; round < Number(roundsArg); round++) {
  for (let row = 0; row < rows.length; row++) times[row]!.push(cpuMs(row));
}
const whole = median(times[rows.length - 1]!);
console.log(`${which}: ${stories.length} stories, ${roundsArg} rounds (CPU ms per pass, median)`);
rows.forEach((name, row) => {
  const ms = median(times[row]!);
  const share = ((100 * ms) / whole).toFixed(0).padStart(4);
  console.log(`${name.padEnd(18)} ${ms.toFixed(1).padStart(7)} ms ${share}% of the whole step`);
});
console.log(
  `load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}` + (sink === -1 ? '' : ''),
);
