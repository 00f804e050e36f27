// Generates large, plausible weeks of archived stories for scale tests and the digest benchmark.
// Deterministic (seeded PRNG). About a fifth of items are covered by two or three sources with
// reworded headlines, so clustering has real work to do.
import type { StoredStory } from '../../src/domain.js';
import { makeStory, SOURCES, THEMES } from './make-story.js';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  'Trust',
  'Integrated care board',
  'Hospital group',
  'Ambulance service',
  'Mental health trust',
  'Community provider',
  'Foundation trust',
  'Regulator',
  'Think tank',
  'Royal college',
];
const PLACES = [
  'Dudley',
  'Leeds',
  'Cornwall',
  'Norfolk',
  'Manchester',
  'Bristol',
  'Kent',
  'Cumbria',
  'Surrey',
  'Lincolnshire',
  'Sheffield',
  'Devon',
  'Birmingham',
  'Essex',
  'Hampshire',
  'Derby',
];
const ACTIONS = [
  'awards pathology contract',
  'publishes productivity plan',
  'names new chief executive',
  'launches recruitment drive',
  'faces deficit warning',
  'signs framework agreement',
  'opens diagnostic centre',
  'consults on merger',
  'rated inadequate',
  'cuts agency spending',
  'reviews theatre efficiency',
  'extends vanguard pilot',
];
const QUARTERS = ['', 'North ', 'South ', 'East ', 'West ', 'Mid ', 'Greater ', 'Central '];
const TOPICS = [
  'theatre',
  'pathology',
  'radiology',
  'maternity',
  'stroke',
  'cancer',
  'dementia',
  'orthopaedic',
  'outpatient',
  'estates',
  'pharmacy',
  'ambulance',
  'diagnostic',
  'endoscopy',
  'dialysis',
  'vaccination',
  'discharge',
  'rostering',
  'catering',
  'laundry',
  'IT',
  'records',
  'imaging',
  'physiotherapy',
  'audiology',
  'dermatology',
  'cardiology',
  'urology',
  'ophthalmology',
  'sexual health',
];
const FRAMES = [
  (p: string, t: string, w: string) =>
    `Board papers show ${p} expects the ${t} changes to take ${w} months.`,
  (p: string, t: string, w: string) =>
    `Managers in ${p} blamed ${t} delays and ${w} unfilled posts.`,
  (p: string, t: string, w: string) => `The ${t} review in ${p} was ordered after ${w} complaints.`,
  (p: string, t: string, w: string) => `Unions in ${p} warned ${t} staff of ${w} job changes.`,
  (p: string, t: string, w: string) =>
    `Commissioners want the ${t} service in ${p} redesigned within ${w} weeks.`,
  (p: string, t: string, w: string) =>
    `Patients in ${p} waited ${w} days on average for ${t} care.`,
];
const REWORD: [RegExp, string][] = [
  [/awards/, 'hands'],
  [/publishes/, 'unveils'],
  [/names/, 'appoints'],
  [/launches/, 'starts'],
  [/faces/, 'handed'],
  [/signs/, 'agrees'],
  [/opens/, 'unveils'],
  [/consults on/, 'proposes'],
];

export interface GeneratedWeek {
  stories: StoredStory[];
  /** How many distinct items the stories report. */
  items: number;
  /** story id -> the item it reports (stories with one item number are the same news). */
  itemOf: Map<string, number>;
}

/** `count` stories published in [startsAt, startsAt + 7 days). */
export function generateWeek(count: number, startsAt: Date, seed = 7): GeneratedWeek {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const stories: StoredStory[] = [];
  let items = 0;
  const itemOf = new Map<string, number>();
  while (stories.length < count) {
    items++;
    const place = `${pick(QUARTERS)}${pick(PLACES)}`;
    const action = pick(ACTIONS);
    const sum = `£${1 + Math.floor(random() * 900)}m`;
    const topic = pick(TOPICS);
    const title = `${place} ${pick(SUBJECTS).toLowerCase()} ${action} for ${topic} (${sum})`;
    const detail = pick(FRAMES)(place, topic, String(12 + Math.floor(random() * 5000)));
    const theme = pick(THEMES).id;
    const second = random() < 0.3 ? pick(THEMES).id : null;
    const at = startsAt.getTime() + Math.floor(random() * 7 * 86_400_000);
    const copies = random() < 0.2 ? 2 + Math.floor(random() * 2) : 1;
    for (let c = 0; c < copies && stories.length < count; c++) {
      const source = SOURCES[(items + c * 3) % SOURCES.length]!;
      const reworded =
        c === 0 ? title : REWORD.reduce((t, [from, to]) => t.replace(from, to), title);
      itemOf.set(`g${seed}-${stories.length}`, items);
      stories.push(
        makeStory({
          id: `g${seed}-${stories.length}`,
          sourceId: source.id,
          title: c === 2 ? `Response: ${reworded}` : reworded,
          summary:
            c === 0
              ? detail
              : `${detail.replace(/^The |^Board papers show /, '')} ${pick(FRAMES)(place, pick(TOPICS), '9')}`,
          publishedAt: new Date(at + c * 3_600_000).toISOString(),
          paywalled: source.id === 'hsj',
          tags: { [theme]: 1 + Math.floor(random() * 8), ...(second ? { [second]: 2 } : {}) },
          organisations: [[`ORG-${place.toUpperCase()}`, `${place} NHS Trust`]],
          money: [[sum, Number(sum.slice(1, -1)) * 1e6]],
        }),
      );
    }
  }
  return { stories, items, itemOf };
}
