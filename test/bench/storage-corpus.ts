// A deterministic synthetic archive for the storage benchmark: NHS-policy-flavoured stories built
// from a seeded PRNG and a Zipf-like vocabulary, so common words ("trust", "nhs") are common and
// rare ones rare, as in real text. Invented words only; no third-party text.
import type { Entities, Story, Tag } from '../../src/domain.js';
import { createRng } from './measure.js';

function seededRandom(seed: number): () => number {
  return createRng(seed).next;
}

const COMMON = `nhs trust trusts hospital hospitals england care patients services health staff
  board plan plans funding system systems chief executive said year years new national local
  million review report providers provider commissioners community acute mental primary
  social integrated waiting lists cancer emergency department beds winter pressures demand
  performance targets finance deficit savings efficiency productivity workforce nurses doctors
  consultants gps practice practices contract contracts procurement tender supply chain
  framework agreement purchase orders league table carter model variation unwarranted
  sustainability transformation partnership footprint footprints leaders vanguard vanguards
  multispecialty models accountable organisation organisations regulator cqc inspection rating
  rated requires improvement outstanding good inadequate merger mergers acquisition pathology
  back office consolidation network networks digital records technology investment capital
  estates backlog maintenance agency spending cap caps locum overtime pay award strike strikes
  junior covid pandemic recovery elective backlog vaccination vaccine booster cost improvement
  programme programmes requirement block payment results tariff commissioning groups ccg icb
  icbs ics council councils adult discharge delayed transfers ambulance handover response
  times calls paramedics dental pharmacy prescriptions medicines drugs nice guidance approved
  appraisal clinical governance safety incident incidents maternity neonatal investigation
  whistleblower leadership chair chairs appointed appointment resigned interim director
  directors minister secretary state government department treasury budget spending settlement`
  .split(/\s+/)
  .filter((w) => w !== '');

const PLACES =
  `Dudley Walsall Wolverhampton Sandwell Birmingham Solihull Coventry Warwickshire Leeds
  Bradford Calderdale Kirklees Wakefield Sheffield Rotherham Barnsley Doncaster Manchester Salford
  Bolton Wigan Stockport Tameside Oldham Rochdale Bury Liverpool Wirral Sefton Cheshire Mersey
  Lancashire Cumbria Northumberland Durham Tees Newcastle Gateshead Sunderland Norfolk Suffolk
  Essex Kent Medway Sussex Surrey Hampshire Dorset Somerset Devon Cornwall Bristol Gloucestershire
  Oxfordshire Buckinghamshire Berkshire Hertfordshire Bedfordshire Cambridgeshire Peterborough
  Lincolnshire Nottinghamshire Derbyshire Leicestershire Northamptonshire Shropshire Staffordshire`
    .split(/\s+/)
    .filter((w) => w !== '');

/** A few thousand rarer invented words (syllable combinations) for the long tail. */
function buildRareWords(random: () => number, count: number): string[] {
  const syllables = [
    'ka',
    'lo',
    'mer',
    'tin',
    'sa',
    'vor',
    'pe',
    'dri',
    'lu',
    'nox',
    'ba',
    'quen',
    'ti',
    'ros',
    'wel',
    'fa',
  ];
  const words = new Set<string>();
  while (words.size < count) {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += syllables[Math.floor(random() * syllables.length)];
    words.add(w);
  }
  return [...words];
}

export const THEMES = [
  'carter',
  'stp',
  'mcp',
  'procurement',
  'covid_cip',
  'workforce',
  'mental_health',
  'finance',
  'mergers',
  'regulation',
  'social_care',
];
export const SOURCES = [
  'nhse-news',
  'nhse-all',
  'dhsc',
  'nhse-govuk',
  'cqc',
  'commons-library',
  'hsj',
  'nhe',
  'pulse',
  'nursing-times',
  'digital-health',
  'healthwatch',
  'guardian-nhs',
  'bbc-health',
  'kings-fund',
];

export interface CorpusItem {
  story: Story;
  tags: Tag[];
  entities: Entities;
}

export interface Corpus {
  item(n: number): CorpusItem;
  vocabulary: { common: string[]; places: string[]; rare: string[] };
}

const START = Date.UTC(2016, 0, 1);
const SPAN_MS = 8 * 365 * 86_400_000;

const STOP = `the of to and a in for is on that by with be will has said as at from are it its was
  have this an which not their more but they been or were would than up also`
  .split(/\s+/)
  .filter((w) => w !== '');

/** Words a story tagged with the theme is sure to carry, as tagged stories do in practice. */
const THEME_WORDS: Record<string, string> = {
  carter: 'Carter',
  stp: 'STP',
  mcp: 'vanguard',
  procurement: 'procurement',
  covid_cip: 'efficiency',
  workforce: 'workforce',
  mental_health: 'mental',
  finance: 'deficit',
  mergers: 'merger',
  regulation: 'CQC',
  social_care: 'social',
};

/**
 * `plannedSize` spreads publication dates over eight years at an even rate with a few days'
 * jitter, as a live archive grows (newer stories get higher row numbers).
 */
export function createCorpus(seed = 20170213, plannedSize = 1_000_000): Corpus {
  const rare = buildRareWords(seededRandom(seed ^ 0x5bd1e995), 4000);
  // One ranked vocabulary with Zipf frequencies (p(rank r) ~ 1/r): function words first, then
  // NHS words, places and a long tail. A word ranked ~150 appears in roughly 10% of stories.
  const ranked = [...STOP, ...COMMON, ...PLACES, ...rare];
  const cumulative: number[] = [];
  let total = 0;
  for (let r = 1; r <= ranked.length; r++) cumulative.push((total += 1 / r));
  const word = (random: () => number): string => {
    const target = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return ranked[lo]!;
  };
  const pickFrom = (random: () => number, list: readonly string[], skew = 2.2) =>
    list[Math.floor(list.length * Math.pow(random(), skew))]!;
  const sentence = (random: () => number, words: number): string => {
    const parts: string[] = [];
    for (let i = 0; i < words; i++) parts.push(word(random));
    const text = parts.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const spacingMs = SPAN_MS / plannedSize;

  function item(n: number): CorpusItem {
    const random = seededRandom(seed + n * 7919);
    const sourceId = SOURCES[Math.floor(random() * SOURCES.length)]!;
    const place = pickFrom(random, PLACES, 1.5);
    const title = `${place} ${sentence(random, 6 + Math.floor(random() * 6)).slice(0, -1)}`;
    const summary = [
      sentence(random, 12 + Math.floor(random() * 10)),
      sentence(random, 10 + Math.floor(random() * 10)),
    ].join(' ');
    const paywalled = sourceId === 'hsj';
    let content = '';
    if (!paywalled && random() < 0.75) {
      const sentences: string[] = [];
      const count = 5 + Math.floor(random() * 12);
      for (let i = 0; i < count; i++)
        sentences.push(sentence(random, 8 + Math.floor(random() * 14)));
      content = sentences.join(' ');
    }
    const jitter = (random() - 0.5) * 4 * 86_400_000;
    const publishedAt = new Date(Math.max(START, START + n * spacingMs + jitter)).toISOString();
    const tags: Tag[] = [];
    const tagCount = random() < 0.45 ? 0 : random() < 0.75 ? 1 : 2;
    for (let i = 0; i < tagCount; i++) {
      const theme = pickFrom(random, THEMES, 1.4);
      if (!tags.some((t) => t.theme === theme)) {
        tags.push({
          theme,
          score: 1 + Math.round(random() * 40) / 10,
          evidence: [
            {
              rule: `phrase:${theme}`,
              kind: 'phrase',
              field: 'title',
              match: theme,
              context: `… ${theme} …`,
              weight: 2,
            },
          ],
        });
      }
    }
    const entities: Entities = { organisations: [], money: [] };
    if (random() < 0.5) {
      entities.organisations.push({
        id: `R${place.slice(0, 2).toUpperCase()}`,
        name: `${place} NHS Foundation Trust`,
        kind: 'trust',
        matched: `${place} FT`,
      });
    }
    if (random() < 0.3) entities.money.push({ text: '£12m', pounds: 12_000_000 });
    const themed = tags.map((t) => THEME_WORDS[t.theme] ?? t.theme).join(' ');
    const fullTitle = themed === '' ? title : `${themed}: ${title}`;
    const id = `g_${n.toString(16).padStart(10, '0')}`;
    return {
      story: {
        id,
        sourceId,
        guid: `https://example.org/${sourceId}/${n}`,
        url: `https://example.org/news/${n}`,
        title: fullTitle,
        summary,
        content,
        author: null,
        categories: [],
        publishedAt,
        publishedEstimated: false,
        paywalled,
      },
      tags,
      entities,
    };
  }
  return { item, vocabulary: { common: COMMON, places: PLACES, rare } };
}
