// Invented digests for renderer tests: plausible NHS policy stories written for these tests,
// scaled up to a 500-story week and salted with hostile text on demand.
import type { Digest, DigestEntry, DigestSection } from '../../../src/domain.js';

const THEMES: [string, string][] = [
  ['carter', 'Carter reviews'],
  ['stp', 'STPs and integrated care systems'],
  ['mcp', 'MCPs and new care models'],
  ['procurement', 'Procurement'],
  ['covid_cip', 'Covid and CIPs'],
  ['workforce', 'Workforce and leadership'],
  ['mental_health', 'Mental health'],
  ['finance', 'Finance and funding'],
  ['mergers', 'Mergers and consolidation'],
  ['regulation', 'Regulation and ratings'],
  ['social_care', 'Integration with social care'],
];

const SOURCES: [string, string, boolean][] = [
  ['nhse', 'NHS England news', false],
  ['hsj', 'HSJ', true],
  ['dhsc', 'DHSC on GOV.UK', false],
  ['kingsfund', "The King's Fund", false],
];

export interface DigestShape {
  themes?: number;
  perTheme?: number;
  moreCount?: number;
  /** Titles/summaries/links cycle through these when given. */
  hostile?: readonly string[];
  failedSources?: number;
}

export function makeEntry(theme: string, i: number, hostile?: readonly string[]): DigestEntry {
  const h = hostile && hostile.length > 0 ? hostile[i % hostile.length]! : null;
  const links = SOURCES.slice(0, 1 + (i % SOURCES.length)).map(([id, name, paywalled], j) => ({
    sourceId: id,
    sourceName: h && j === 1 ? h : name,
    url:
      h && j === 2
        ? 'javascript:alert(document.cookie)'
        : `https://news.example.org/${id}/${theme}/${i}?utm_source=x&id=${j}`,
    title: `Story ${i} from ${name}`,
    publishedAt: '2017-02-14T09:30:00.000Z',
    paywalled,
  }));
  return {
    storyIds: links.map((_, j) => `${theme}-${i}-${j}`),
    title: h
      ? `${h} (story ${i})`
      : `Trust ${i} publishes its ${theme} plan as regulators ask for £${10 + i}m savings`,
    url: links[0]!.url,
    links,
    publishedAt: '2017-02-14T09:30:00.000Z',
    summary: h
      ? `${h} Summary text with more ${h}`
      : `The board of trust ${i} agreed a plan on Tuesday. Managers expect the changes to take two years and to save money through shared back-office services.`,
    organisations: h
      ? [h, 'NHS Improvement']
      : ['NHS Improvement', `Example Hospitals NHS Trust ${i}`],
    money: [`£${10 + i}m`, '£1.2bn'],
    score: 100 - i,
  };
}

export function makeDigest(shape: DigestShape = {}): Digest {
  const themes = THEMES.slice(0, shape.themes ?? 5);
  const perTheme = shape.perTheme ?? 3;
  const sections: DigestSection[] = themes.map(([id, label]) => ({
    themeId: id,
    label,
    entries: Array.from({ length: perTheme }, (_, i) => makeEntry(id, i, shape.hostile)),
    moreCount: shape.moreCount ?? 0,
    moreQuery: `theme:${id} week:2017-W07`,
  }));
  const failed = Array.from({ length: shape.failedSources ?? 0 }, (_, i) => ({
    id: `src${i}`,
    name: shape.hostile
      ? (shape.hostile[i % shape.hostile.length] ?? `Source ${i}`)
      : `Source ${i}`,
    reason: 'HTTP 503',
  }));
  return {
    week: '2017-W07',
    title: 'Catch up: week of 13 February 2017',
    timeZone: 'Europe/London',
    startsAt: '2017-02-13T00:00:00.000Z',
    endsAt: '2017-02-20T00:00:00.000Z',
    sections,
    coverage: { failedSources: failed },
    storyCount: sections.reduce((n, s) => n + s.entries.length + s.moreCount, 0),
  };
}

/** Every link target a renderer may legitimately produce for this digest. */
export function allowedUrls(digest: Digest): Set<string> {
  const urls = new Set<string>();
  for (const s of digest.sections) {
    for (const e of s.entries) {
      if (e.url) urls.add(new URL(e.url).href);
      for (const l of e.links) if (l.url && /^https?:/.test(l.url)) urls.add(new URL(l.url).href);
    }
  }
  return urls;
}
