// Tagging benchmark (issue 3): stories per second through tagStory for title+summary (~400
// characters) and for full article text (~5,000 characters), single core, measured side by side
// with a naive baseline in the same run (lower-case the text, then `includes` for every phrase,
// acronym and context term of the default themes: no word boundaries, no evidence, no regexes, so
// it does strictly less work than the real tagger). Also: compiling the default themes, loading
// and validating config/themes.yaml, and entity extraction (organisations + money). Data comes
// from a seeded PRNG; the wording is invented for the benchmark. Medians over repeated rounds;
// `*_per_s` are wall-clock, `*_per_cpu_s` use this process's CPU time (steadier when the machine
// is shared). The ratio comes from interleaved rounds, so machine load hits both sides alike.
// Targets: >= 20,000 stories/s title+summary, >= 3x the naive baseline, compile < 50 ms.
// Run alone: node --import tsx test/bench/tagging.ts [--quick]
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadOrganisations } from '../../src/config/organisations.js';
import { loadThemes, type ThemeSet } from '../../src/config/themes.js';
import { compileThemes } from '../../src/tagging/compile-themes.js';
import { extractEntities } from '../../src/tagging/extract-entities.js';
import { compileGazetteer } from '../../src/tagging/organisations.js';
import { tagStory, type TaggableStory } from '../../src/tagging/tag-story.js';
import { compareSideBySide, createRng, median, roundFigure, type Rng } from './measure.js';

const CONFIG = fileURLToPath(new URL('../../config/', import.meta.url));

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
  return stories;
}

/** Every literal term a theme or context set names, for the naive baseline. */
function naiveTerms(set: ThemeSet): { lower: string[]; exact: string[] } {
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

function naiveTag(story: TaggableStory, terms: { lower: string[]; exact: string[] }): number {
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
  const loaded = loadThemes(`${CONFIG}themes.yaml`);
  if (!loaded.ok) throw new Error(`bench: invalid themes\n${loaded.errors.join('\n')}`);
  const orgs = loadOrganisations(`${CONFIG}organisations.yaml`);
  if (!orgs.ok) throw new Error(`bench: invalid organisations\n${orgs.errors.join('\n')}`);
  const set = loaded.value;
  const compiled = compileThemes(set);
  const gazetteer = compileGazetteer(orgs.value);
  const terms = naiveTerms(set);
  const rounds = opts.quick ? 5 : 15;
  const short = generateStories(opts.quick ? 1000 : 4000, 0);
  const long = generateStories(opts.quick ? 100 : 400, 5000, 7);

  let sink = 0;
  const tagAll = (stories: TaggableStory[]) => () => {
    for (const s of stories) sink += tagStory(s, compiled).tags.length;
  };
  const naiveAll = (stories: TaggableStory[]) => () => {
    for (const s of stories) sink += naiveTag(s, terms);
  };
  const shortRun = await compareSideBySide(naiveAll(short), tagAll(short), { rounds, warmup: 2 });
  const longRun = await compareSideBySide(naiveAll(long), tagAll(long), { rounds, warmup: 2 });
  const shortCpuMs = cpuMedian(tagAll(short), rounds);
  const longCpuMs = cpuMedian(tagAll(long), rounds);
  // The whole per-story step polling runs (pipeline/build-poll-deps.ts buildAnnotator): themes
  // and entities, per CPU second (issue 18's figure) with the wall time beside it.
  const fullAll = () => {
    for (const s of short) {
      sink += tagStory(s, compiled).tags.length;
      sink += extractEntities(s, gazetteer).organisations.length;
    }
  };
  const fullCpuMs = cpuMedian(fullAll, rounds);
  const fullWallMs = timeMedian(fullAll, rounds);
  const entitiesMs = timeMedian(() => {
    for (const s of short) sink += extractEntities(s, gazetteer).organisations.length;
  }, rounds);
  const compileMs = timeMedian(() => void compileThemes(set), opts.quick ? 10 : 30);
  const loadMs = timeMedian(() => void loadThemes(`${CONFIG}themes.yaml`), opts.quick ? 5 : 15);
  const gazetteerMs = timeMedian(() => void compileGazetteer(orgs.value), opts.quick ? 5 : 15);
  if (sink === -1) console.log('unreachable');

  const perSecond = (count: number, ms: number) => (count * 1000) / ms;
  return {
    tag_title_per_s: roundFigure(perSecond(short.length, shortRun.bMs)),
    naive_title_per_s: roundFigure(perSecond(short.length, shortRun.aMs)),
    tag_vs_naive_ratio: roundFigure(shortRun.ratio),
    tag_title_per_cpu_s: roundFigure(perSecond(short.length, shortCpuMs)),
    tag_content_per_s: roundFigure(perSecond(long.length, longRun.bMs)),
    tag_content_per_cpu_s: roundFigure(perSecond(long.length, longCpuMs)),
    naive_content_per_s: roundFigure(perSecond(long.length, longRun.aMs)),
    tag_content_vs_naive_ratio: roundFigure(longRun.ratio),
    entities_title_per_s: roundFigure(perSecond(short.length, entitiesMs)),
    tag_full_per_cpu_s: roundFigure(perSecond(short.length, fullCpuMs)),
    tag_full_per_s: roundFigure(perSecond(short.length, fullWallMs)),
    compile_themes_ms: roundFigure(compileMs),
    load_themes_ms: roundFigure(loadMs),
    compile_gazetteer_ms: roundFigure(gazetteerMs),
    naive_terms: terms.lower.length + terms.exact.length,
    stories_title: short.length,
    stories_content: long.length,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runTaggingBench({ quick: process.argv.includes('--quick') }).then((figures) => {
    const width = Math.max(...Object.keys(figures).map((k) => k.length));
    for (const [key, value] of Object.entries(figures))
      console.log(`${key.padEnd(width)}  ${value}`);
  });
}
