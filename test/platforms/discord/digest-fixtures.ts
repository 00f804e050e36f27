// Invented digests for the Discord renderer tests: a normal week, a 500-story week and a week of
// hostile feed text. Stories are written for these tests (no third-party text).
import type { Digest, DigestEntry, DigestSection } from '../../../src/domain.js';

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
): DigestSection {
  return {
    themeId,
    label,
    entries,
    moreCount,
    moreQuery: `search theme:${themeId} since:2017-02-13 until:2017-02-20`,
  };
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
