// Tagging benchmark (issues 3 and 18). The headline figure, `tag_full_per_cpu_s`, is the whole
// per-story step polling runs (buildAnnotator in src/pipeline/build-poll-deps.ts: themes,
// organisations, sums with what they are, closing dates) per CPU second of this process
// (process.cpuUsage: steadier than wall time on a shared machine), with the wall-clock rate beside
// it, over generated title+summary stories (~400 characters, flat strings as the parse worker
// hands polling them: tagging-stories.ts); `tag_full_real_*` is the same step
// over the ~700 real headlines and standfirsts of test/fixtures/tagging. The naive floor is a
// straightforward per-term scan: lower-case the text once, then one `includes` per phrase, context
// term and organisation name (acronyms as written): no word boundaries, evidence, sums or dates,
// so it does strictly less than the real step. `tag_vs_naive_ratio` is that floor's time over the
// real step's, from interleaved rounds (load hits both sides alike); `tag_themes_vs_naive_ratio`
// and the `tag_title_*`/`tag_content_*` figures are themes alone (tagStory) against the theme
// terms alone. Also: compiling the themes and the gazetteer, loading config/themes.yaml.
// Targets (issue 18): >= 50,000 stories per CPU second, >= 3x the naive floor.
// Run alone: node --import tsx test/bench/tagging.ts [--quick]
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadConfigOrThrow } from '../../src/config/load.js';
import { loadThemes, type ThemeSet } from '../../src/config/themes.js';
import type { OrganisationEntry } from '../../src/config/organisations.js';
import type { Story } from '../../src/domain.js';
import { buildAnnotator } from '../../src/pipeline/build-poll-deps.js';
import { compileThemes } from '../../src/tagging/compile-themes.js';
import { extractEntities } from '../../src/tagging/extract-entities.js';
import { compileGazetteer } from '../../src/tagging/organisations.js';
import { tagStory, type TaggableStory } from '../../src/tagging/tag-story.js';
import { compareSideBySide, median, roundFigure } from './measure.js';
import { asStory, fixtureStories, generateStories } from './tagging-stories.js';

export { generateStories };

const CONFIG = fileURLToPath(new URL('../../config/', import.meta.url));

interface NaiveTerms {
  lower: string[];
  exact: string[];
}

/** Every literal term a theme or context set names, for the naive floor. */
function naiveThemeTerms(set: ThemeSet): NaiveTerms {
  const lower = new Set<string>();
  const exact = new Set<string>();
  for (const theme of set.themes) {
    for (const rule of theme.rules) {
      for (const term of rule.terms) {
        if (rule.kind === 'acronym') exact.add(term);
        else lower.add(term.toLowerCase());
      }
    }
  }
  for (const context of Object.values(set.contexts)) {
    for (const term of context.phrases) lower.add(term.toLowerCase());
    for (const term of context.acronyms) exact.add(term);
  }
  return { lower: [...lower], exact: [...exact] };
}

/** The theme terms plus every organisation name, variant and acronym: themes + entities. */
function naiveFullTerms(set: ThemeSet, organisations: readonly OrganisationEntry[]): NaiveTerms {
  const themes = naiveThemeTerms(set);
  const lower = new Set(themes.lower);
  const exact = new Set(themes.exact);
  for (const org of organisations) {
    for (const name of [org.name, ...org.variants]) lower.add(name.toLowerCase());
    for (const name of [...org.acronyms, ...org.ambiguous]) exact.add(name);
  }
  return { lower: [...lower], exact: [...exact] };
}

function naiveTag(story: TaggableStory, terms: NaiveTerms): number {
  const text = `${story.title}\n${story.summary}\n${story.content ?? ''}`;
  const lower = text.toLowerCase();
  let hits = 0;
  for (const term of terms.lower) if (lower.includes(term)) hits++;
  for (const term of terms.exact) if (text.includes(term)) hits++;
  return hits;
}

/** Median CPU milliseconds (user + system) of this process: steadier than wall time on a busy machine. */
function cpuMedian(fn: () => void, repeats: number): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    times.push((used.user + used.system) / 1000);
  }
  return median(times);
}

function timeMedian(fn: () => void, repeats: number): number {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export async function runTaggingBench(opts: { quick: boolean }): Promise<Record<string, number>> {
  const config = loadConfigOrThrow(CONFIG);
  const set = config.themes;
  const compiled = compileThemes(set);
  const gazetteer = compileGazetteer(config.organisations);
  const annotate = buildAnnotator(config);
  const themeTerms = naiveThemeTerms(set);
  const fullTerms = naiveFullTerms(set, config.organisations);
  const rounds = opts.quick ? 5 : 15;
  const short = generateStories(opts.quick ? 1000 : 4000, 0);
  const long = generateStories(opts.quick ? 100 : 400, 5000, 7);
  const shortStories = short.map(asStory);
  const real = fixtureStories();

  let sink = 0;
  const tagAll = (stories: TaggableStory[]) => () => {
    for (const s of stories) sink += tagStory(s, compiled).tags.length;
  };
  const naiveAll = (stories: TaggableStory[], terms: NaiveTerms) => () => {
    for (const s of stories) sink += naiveTag(s, terms);
  };
  // The product's whole per-story step, exactly as polling calls it.
  const annotateAll = (stories: Story[]) => () => {
    for (const s of stories) sink += annotate(s).tags.length;
  };
  const fullRun = await compareSideBySide(naiveAll(short, fullTerms), annotateAll(shortStories), {
    rounds,
    warmup: 2,
  });
  const shortRun = await compareSideBySide(naiveAll(short, themeTerms), tagAll(short), {
    rounds,
    warmup: 2,
  });
  const longRun = await compareSideBySide(naiveAll(long, themeTerms), tagAll(long), {
    rounds,
    warmup: 2,
  });
  const fullCpuMs = cpuMedian(annotateAll(shortStories), rounds);
  const fullWallMs = timeMedian(annotateAll(shortStories), rounds);
  const realCpuMs = cpuMedian(annotateAll(real), rounds);
  const realWallMs = timeMedian(annotateAll(real), rounds);
  const shortCpuMs = cpuMedian(tagAll(short), rounds);
  const longCpuMs = cpuMedian(tagAll(long), rounds);
  const entitiesMs = timeMedian(() => {
    for (const s of short) sink += extractEntities(s, gazetteer).organisations.length;
  }, rounds);
  const compileMs = timeMedian(() => void compileThemes(set), opts.quick ? 10 : 30);
  const loadMs = timeMedian(() => void loadThemes(`${CONFIG}themes.yaml`), opts.quick ? 5 : 15);
  const gazetteerMs = timeMedian(
    () => void compileGazetteer(config.organisations),
    opts.quick ? 5 : 15,
  );
  if (sink === -1) console.log('unreachable');

  const perSecond = (count: number, ms: number) => (count * 1000) / ms;
  return {
    tag_full_per_cpu_s: roundFigure(perSecond(short.length, fullCpuMs)),
    tag_full_per_s: roundFigure(perSecond(short.length, fullWallMs)),
    naive_full_per_s: roundFigure(perSecond(short.length, fullRun.aMs)),
    tag_vs_naive_ratio: roundFigure(fullRun.ratio),
    tag_full_real_per_cpu_s: roundFigure(perSecond(real.length, realCpuMs)),
    tag_full_real_per_s: roundFigure(perSecond(real.length, realWallMs)),
    tag_title_per_s: roundFigure(perSecond(short.length, shortRun.bMs)),
    naive_title_per_s: roundFigure(perSecond(short.length, shortRun.aMs)),
    tag_themes_vs_naive_ratio: roundFigure(shortRun.ratio),
    tag_title_per_cpu_s: roundFigure(perSecond(short.length, shortCpuMs)),
    tag_content_per_s: roundFigure(perSecond(long.length, longRun.bMs)),
    tag_content_per_cpu_s: roundFigure(perSecond(long.length, longCpuMs)),
    naive_content_per_s: roundFigure(perSecond(long.length, longRun.aMs)),
    tag_content_vs_naive_ratio: roundFigure(longRun.ratio),
    entities_title_per_s: roundFigure(perSecond(short.length, entitiesMs)),
    compile_themes_ms: roundFigure(compileMs),
    load_themes_ms: roundFigure(loadMs),
    compile_gazetteer_ms: roundFigure(gazetteerMs),
    naive_terms: themeTerms.lower.length + themeTerms.exact.length,
    naive_full_terms: fullTerms.lower.length + fullTerms.exact.length,
    stories_title: short.length,
    stories_content: long.length,
    stories_real: real.length,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runTaggingBench({ quick: process.argv.includes('--quick') }).then((figures) => {
    const width = Math.max(...Object.keys(figures).map((k) => k.length));
    for (const [key, value] of Object.entries(figures))
      console.log(`${key.padEnd(width)}  ${value}`);
  });
}
