// Invented digests for the Slack and Discord renderer and delivery tests, one set for both
// platforms: a normal week, a week of any shape (`makeDigest`), a 500-story week and a week of
// hostile feed text. Stories are written for these tests (no third-party text).
import type { Digest, DigestEntry, DigestSection } from '../../src/domain.js';

export const HOSTILE_TITLES: readonly string[] = [
  '@everyone Lord Carter publishes the acute productivity review',
  '@here STP footprints redrawn in the north west',
  '<@123456789012345678> named interim chief executive of the ICB',
  'Role ping <@&987654321098765432> for the finance team',
  'See <#111111111111111111> for the procurement league table',
  '[NHS England](https://evil.example/phish) confirms £5bn for Model Hospital',
  '**Bold** __under__ ~~strike~~ ||spoiler|| `code` > quote # heading',
  '\u202eevil reversed\u202c text and مستشفى الملكة RTL title',
  '</briefing subscribe:123> and <t:1487000000:F> and <:nhs:555>',
  'Plain https://evil.example/autolink in a title',
  `${'Very long title about unwarranted variation '.repeat(250)}end`,
];

export function entry(n: number, overrides: Partial<DigestEntry> = {}): DigestEntry {
  const url = `https://news.example.org/story/${n}`;
  return {
    storyIds: [`s${n}`],
    title: `Story ${n}: trust publishes its cost improvement plan for the year`,
    url,
    links: [
      {
        sourceId: 'hsj',
        sourceName: 'HSJ',
        url,
        title: `Story ${n}`,
        publishedAt: '2017-02-14T09:00:00Z',
        paywalled: true,
      },
      {
        sourceId: 'nhse',
        sourceName: 'NHS England',
        url: `https://www.england.example/news/${n}`,
        title: `Story ${n}`,
        publishedAt: '2017-02-14T10:00:00Z',
        paywalled: false,
      },
    ],
    publishedAt: '2017-02-14T09:00:00Z',
    summary:
      'The board agreed a savings programme worth several million pounds. Managers expect most of it to come from agency staffing and procurement. ' +
      'A consultation on the ward changes closes next month.',
    organisations: ['The Dudley Group NHS Foundation Trust', 'NHS Improvement'],
    money: ['£12m', '£1.2bn'],
    score: 1,
    ...overrides,
  };
}

export function section(
  themeId: string,
  label: string,
  entries: DigestEntry[],
  moreCount = 0,
  moreQuery = `search theme:${themeId} since:2017-02-13 until:2017-02-20`,
): DigestSection {
  return { themeId, label, entries, moreCount, moreQuery };
}

export function digest(
  sections: DigestSection[],
  failed: Digest['coverage']['failedSources'] = [],
): Digest {
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

/** 500 stories in 10 themes of 50, with long summaries, five links each and a "more" tail. */
export function bigDigest(): Digest {
  const sections: DigestSection[] = [];
  let n = 0;
  for (let t = 0; t < 10; t++) {
    const entries: DigestEntry[] = [];
    for (let i = 0; i < 50; i++) {
      n += 1;
      const base = entry(n);
      entries.push({
        ...base,
        summary: `${base.summary} ${'Further detail on the plan and its risks. '.repeat(20)}`,
        links: [
          ...base.links,
          ...[1, 2, 3].map((k) => ({
            ...base.links[1]!,
            sourceName: `Outlet ${k}`,
            url: `https://outlet${k}.example/${n}`,
          })),
        ],
      });
    }
    sections.push(section(`theme${t}`, `Theme number ${t}`, entries, 7));
  }
  return digest(sections, [{ id: 'kingsfund', name: "The King's Fund", reason: 'HTTP 503' }]);
}

/** Every hostile string as a title, a summary, a source name, an organisation and a URL. */
export function hostileDigest(): Digest {
  const entries = HOSTILE_TITLES.map((title, i) =>
    entry(1000 + i, {
      title,
      summary: `${title} — summary repeats it: [click](javascript:alert(1)) <script>alert(1)</script>`,
      organisations: [title.slice(0, 60)],
      money: ['@everyone £5bn'],
      url: i % 2 === 0 ? 'javascript:alert(1)' : `https://news.example.org/story/${1000 + i}`,
      links: [
        {
          sourceId: 'evil',
          sourceName: '@everyone [Official](https://evil.example/src)',
          url: i % 2 === 0 ? 'javascript:alert(1)' : `https://news.example.org/story/${1000 + i}`,
          title,
          publishedAt: '2017-02-14T09:00:00Z',
          paywalled: false,
        },
      ],
    }),
  );
  return digest(
    [
      {
        ...section('carter', '@here Carter <@&1> reviews', entries, 3),
        moreQuery: 'search `@everyone` <@1>',
      },
    ],
    [{ id: 'evil', name: '<@123> @everyone', reason: '[link](https://evil.example)' }],
  );
}

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

/** A week of `themes` sections of `perTheme` stories each (hostile text cycled in on demand). */
export function makeDigest(shape: DigestShape = {}): Digest {
  const perTheme = shape.perTheme ?? 3;
  const sections = THEMES.slice(0, shape.themes ?? 5).map(([id, label]) =>
    section(
      id,
      label,
      Array.from({ length: perTheme }, (_, i) => makeEntry(id, i, shape.hostile)),
      shape.moreCount ?? 0,
      `theme:${id} week:2017-W07`,
    ),
  );
  const failed = Array.from({ length: shape.failedSources ?? 0 }, (_, i) => ({
    id: `src${i}`,
    name: shape.hostile
      ? (shape.hostile[i % shape.hostile.length] ?? `Source ${i}`)
      : `Source ${i}`,
    reason: 'HTTP 503',
  }));
  return digest(sections, failed);
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
