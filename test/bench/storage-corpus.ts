// A deterministic synthetic archive for the storage benchmark, written like NHS policy news:
// headlines and standfirsts from phrase templates (storage-corpus-sentences.ts) over each theme's
// own phrases (config/themes.yaml), organisation names from the gazetteer
// (config/organisations.yaml), places, sums and people's roles (storage-corpus-vocabulary.ts);
// article bodies of a few hundred words built from sentence templates; and news events reported
// by two or three outlets in a row with different wording (same facts, other templates), so
// phrase search and clustering meet the repetition they meet in use. Seeded: item(n) is the same
// on every run and needs no other item. Invented sentences only; no third-party text.
import type { Entities, Story, Tag } from '../../src/domain.js';
import { createRng, type Rng } from './measure.js';
import {
  writeBody,
  writeHeadline,
  writeStandfirst,
  type EventFacts,
} from './storage-corpus-sentences.js';
import { loadCorpusVocabulary, type CorpusVocabulary } from './storage-corpus-vocabulary.js';

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
/** Source ids from config/sources.yaml, so source: filters pass the product's validation. */
export const SOURCES = [
  'nhse-news',
  'nhse-all',
  'dhsc',
  'govuk-nhse',
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
/** Feeds that carry only a headline and standfirst (paywalled, or GOV.UK summaries). */
const HEADLINE_ONLY = new Set(['hsj', 'govuk-nhse', 'commons-library']);

/** Topics of stories no theme claims: most of the news is not about our themes. */
const GENERAL_TOPICS = [
  'waiting lists',
  'A&E performance',
  'winter pressures',
  'cancer targets',
  'ambulance response times',
  'maternity safety',
  'delayed discharges',
  'bed occupancy',
  'GP appointments',
  'dental access',
  'elective recovery',
  'hospital car parking',
  'cyber security',
  'electronic patient records',
  'pharmacy closures',
  'hospital food',
  'estates backlog',
  'virtual wards',
];

export interface CorpusItem {
  story: Story;
  tags: Tag[];
  entities: Entities;
}

export interface Corpus {
  item(n: number): CorpusItem;
  vocabulary: CorpusVocabulary;
}

const START = Date.UTC(2016, 0, 1);
const SPAN_MS = 8 * 365 * 86_400_000;
/** How many outlets report the event of each block of three items: [A,B,C] [A,A,B] [A,A,A]. */
const BLOCK = 3;

/** The index of the first item of item n's event (n itself when it is the first report). */
function eventOf(seed: number, n: number): number {
  const block = Math.floor(n / BLOCK);
  const at = n % BLOCK;
  const u = createRng(seed ^ (block * 2_654_435_761)).next();
  const pattern = u < 0.55 ? [0, 1, 2] : u < 0.8 ? [0, 0, 2] : u < 0.9 ? [0, 1, 1] : [0, 0, 0];
  return block * BLOCK + pattern[at]!;
}

interface StoryEvent {
  facts: EventFacts;
  themes: string[];
  orgs: { id: string; name: string; kind: Entities['organisations'][number]['kind'] }[];
  pounds: number;
}

function pickSkewed<T>(r: Rng, list: readonly T[], skew: number): T {
  return list[Math.floor(list.length * Math.pow(r.next(), skew))]!;
}

function makeEvent(v: CorpusVocabulary, r: Rng): StoryEvent {
  const themes: string[] = [];
  if (r.next() < 0.55) {
    themes.push(pickSkewed(r, THEMES, 1.4));
    if (r.next() < 0.2) {
      const second = pickSkewed(r, THEMES, 1.4);
      if (second !== themes[0]) themes.push(second);
    }
  }
  const phrases = themes.length > 0 ? (v.themePhrases.get(themes[0]!) ?? []) : [];
  const topic = phrases.length > 0 ? pickSkewed(r, phrases, 1.6) : r.pick(GENERAL_TOPICS);
  const org = pickSkewed(r, v.organisations, 1.8);
  const org2 = pickSkewed(r, v.organisations, 1.8);
  const millions = r.next() < 0.15 ? r.int(1, 40) * 100 : r.int(1, 120) / (r.next() < 0.5 ? 1 : 10);
  const sum = millions >= 1000 ? `£${millions / 1000}bn` : `£${millions}m`;
  const person = `${r.pick(v.firstNames)} ${pickSkewed(r, v.surnames, 1.3)}`;
  const facts: EventFacts = {
    org: org.name,
    orgShort: org.short,
    org2: org2.name,
    place: pickSkewed(r, v.places, 1.5),
    sum,
    pct: r.int(2, 30),
    count: r.int(2, 90) * 10,
    year: 2016 + r.int(0, 8),
    topic,
    person,
    surname: person.split(' ')[1]!,
    role: r.pick(v.roles),
    role2: r.pick(v.roles),
    person2: `${r.pick(v.firstNames)} ${pickSkewed(r, v.surnames, 1.3)}`,
  };
  const orgs = [org, org2]
    .filter((o, i, all) => all.findIndex((x) => x.id === o.id) === i)
    .map((o) => ({ id: o.id, name: o.name, kind: o.kind }));
  return { facts, themes, orgs, pounds: millions * 1_000_000 };
}

function tagsFor(event: StoryEvent, r: Rng): Tag[] {
  return event.themes.map((theme) => ({
    theme,
    score: 1 + Math.round(r.next() * 40) / 10,
    evidence: [
      {
        rule: `phrase:${event.facts.topic}`,
        kind: 'phrase',
        field: 'title',
        match: event.facts.topic,
        context: `… ${event.facts.topic} …`,
        weight: 2,
      },
    ],
  }));
}

/**
 * `plannedSize` spreads publication dates over eight years at an even rate with a few days'
 * jitter, as a live archive grows (newer stories get higher row numbers).
 */
export function createCorpus(seed = 20170213, plannedSize = 1_000_000): Corpus {
  const vocabulary = loadCorpusVocabulary();
  const spacingMs = SPAN_MS / plannedSize;
  // An event's reports are consecutive items: keep the last one made.
  let last: { first: number; event: StoryEvent } | null = null;

  function item(n: number): CorpusItem {
    const first = eventOf(seed, n);
    if (last?.first !== first) {
      last = { first, event: makeEvent(vocabulary, createRng(seed + first * 7919)) };
    }
    const { event } = last;
    // Wording, outlet and length are the item's own; facts are the event's.
    const r = createRng((seed ^ 0x5bd1e995) + n * 104_729);
    const sourceId = SOURCES[(Math.floor(r.next() * SOURCES.length) + (n - first) * 5) % 15]!;
    const title = writeHeadline(event.facts, r);
    const summary = writeStandfirst(event.facts, r);
    const paywalled = sourceId === 'hsj';
    let content = '';
    if (!HEADLINE_ONLY.has(sourceId)) {
      content = writeBody(event.facts, r, r.int(8, 20));
      if (event.themes.length > 1) {
        const phrases = vocabulary.themePhrases.get(event.themes[1]!) ?? [];
        if (phrases.length > 0) content += ` The plans also touch on ${r.pick(phrases)}.`;
      }
    }
    const jitter = (r.next() - 0.5) * 4 * 86_400_000;
    const publishedAt = new Date(Math.max(START, START + n * spacingMs + jitter)).toISOString();
    const entities: Entities = {
      organisations: event.orgs.map((o) => ({ ...o, matched: o.name })),
      money: [{ text: event.facts.sum, pounds: event.pounds }],
    };
    const id = `g_${n.toString(16).padStart(10, '0')}`;
    return {
      story: {
        id,
        sourceId,
        guid: `https://example.org/${sourceId}/${n}`,
        url: `https://example.org/news/${n}`,
        title,
        summary,
        content,
        author: null,
        categories: [],
        publishedAt,
        publishedEstimated: false,
        paywalled,
      },
      tags: tagsFor(event, r),
      entities,
    };
  }
  return { item, vocabulary };
}

/**
 * Corpus items [from, to) as one poll's batch, keyed by story id (a later item with the same id
 * replaces the earlier one in its place, as a feed's repeat would), each passed through `map`.
 */
export function corpusBatch(
  corpus: Corpus,
  from: number,
  to: number,
  map: (item: CorpusItem) => CorpusItem = (item) => item,
): Map<string, CorpusItem> {
  const items = new Map<string, CorpusItem>();
  for (let n = from; n < to; n++) {
    const item = map(corpus.item(n));
    items.set(item.story.id, item);
  }
  return items;
}

/** The annotator tagAndStore is given in the benches: tags looked up, not computed. */
export function annotateFrom(items: Map<string, CorpusItem>) {
  return (story: { id: string }) => {
    const item = items.get(story.id)!;
    return { tags: item.tags, entities: item.entities, rulesVersion: 'bench' };
  };
}
