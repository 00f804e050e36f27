// Side by side for speed work on the tagger (issue 18): the whole per-story step (buildAnnotator)
// of another tree of this repository ("old", e.g. a worktree of main) against this tree's, loaded
// into one process and run in turns over the same stories, so load on a shared machine hits both
// alike. Prints the median CPU milliseconds of each side per pass and the median of the per-round
// ratios old/new (above 1: this tree is faster), with the load average.
//   git worktree add /tmp/main-tree main && ln -s "$PWD/node_modules" /tmp/main-tree/
//   node --import tsx test/bench/tagging-side-by-side.ts /tmp/main-tree [short|real] [rounds]
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as ConfigLoad from '../../src/config/load.js';
import type { Story } from '../../src/domain.js';
import type * as PollDeps from '../../src/pipeline/build-poll-deps.js';
import { median } from './measure.js';
import { asStory, fixtureStories, generateStories } from './tagging-stories.js';

type Annotate = (story: Story) => { tags: unknown[] };
type ConfigModule = typeof ConfigLoad;
type DepsModule = typeof PollDeps;

async function annotatorOf(root: string): Promise<Annotate> {
  const url = (path: string) => pathToFileURL(resolve(root, path)).href;
  const load = (await import(url('src/config/load.ts'))) as ConfigModule;
  const deps = (await import(url('src/pipeline/build-poll-deps.ts'))) as DepsModule;
  return deps.buildAnnotator(load.loadConfigOrThrow(resolve(root, 'config')));
}

const [oldRoot, which = 'short', roundsArg = '41'] = process.argv.slice(2);
if (oldRoot === undefined)
  throw new Error('usage: tagging-side-by-side.ts <old tree> [short|real] [rounds]');
const stories = which === 'real' ? fixtureStories() : generateStories(4000, 0).map(asStory);
const sides = { old: await annotatorOf(oldRoot), new: await annotatorOf(process.cwd()) };
let sink = 0;
const cpuMs = (annotate: Annotate) => {
  const before = process.cpuUsage();
  for (const story of stories) sink += annotate(story).tags.length;
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
};
for (let i = 0; i < 5; i++) for (const annotate of Object.values(sides)) cpuMs(annotate);
const times = { old: [] as number[], new: [] as number[] };
const ratios: number[] = [];
for (let round = 0; round < Number(roundsArg); round++) {
  // Alternate which side goes first, so neither always runs on a warmer cache.
  const first = round % 2 === 0 ? 'new' : 'old';
  const a = cpuMs(sides[first]);
  const b = cpuMs(sides[first === 'new' ? 'old' : 'new']);
  const [oldMs, newMs] = first === 'old' ? [a, b] : [b, a];
  times.old.push(oldMs);
  times.new.push(newMs);
  ratios.push(oldMs / newMs);
}
const rate = (ms: number) => Math.round((stories.length * 1000) / ms);
const [oldMs, newMs] = [median(times.old), median(times.new)];
console.log(
  `${which}: ${stories.length} stories, ${roundsArg} rounds; old ${oldMs.toFixed(1)} ms ` +
    `(${rate(oldMs)}/CPU s), new ${newMs.toFixed(1)} ms (${rate(newMs)}/CPU s), ` +
    `median ratio old/new ${median(ratios).toFixed(3)}; load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}` +
    (sink === -1 ? '' : ''),
);
