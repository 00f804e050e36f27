import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build-digest.js';
import { escapeMarkdown, renderDigestMarkdown, safeUrl } from '../../src/digest/render-markdown.js';
import { summarise, splitSentences } from '../../src/digest/summarise.js';
import { weekRange } from '../../src/time/week.js';
import { generateWeek } from './generate-week.js';
import { makeStory, SOURCES, THEMES } from './make-story.js';

const WEEK = { year: 2017, week: 7 };
const build = (
  stories: ReturnType<typeof makeStory>[],
  failed: { id: string; name: string; reason: string }[] = [],
) =>
  buildDigest({
    week: WEEK,
    timeZone: 'Europe/London',
    stories,
    themes: THEMES,
    sources: SOURCES,
    failedSources: failed,
    perThemeCap: 6,
  });

describe('summarise', () => {
  it.each([
    ['One. Two. Three.', 'One. Two.'],
    [
      'Dr. Smith said the £1.2bn plan, e.g. new theatres, is late. It was due in May.',
      'Dr. Smith said the £1.2bn plan, e.g. new theatres, is late. It was due in May.',
    ],
    [
      'Lord J. Carter met St. Thomas’ staff. They agreed.',
      'Lord J. Carter met St. Thomas’ staff. They agreed.',
    ],
    ['No full stop at all', 'No full stop at all'],
    ['', ''],
    [
      `${'A long first sentence '.repeat(8)}ends here. Second sentence.`,
      `${'A long first sentence '.repeat(8)}ends here.`,
    ],
  ])('%j -> %j', (text, expected) => {
    expect(summarise(text, 200)).toBe(expected);
  });

  it('cuts an overlong sentence at a word with an ellipsis', () => {
    const out = summarise('word '.repeat(100), 50);
    expect(out.length).toBeLessThanOrEqual(50);
    expect(out.endsWith('word…')).toBe(true);
  });

  it('splits on question and exclamation marks and quotes', () => {
    expect(splitSentences('Is it over? “Not yet,” he said! Next.')).toEqual([
      'Is it over?',
      '“Not yet,” he said!',
      'Next.',
    ]);
  });
});

describe('renderDigestMarkdown', () => {
  it('renders entries with links, sources, dates, summary, organisations and sums', () => {
    const digest = build([
      makeStory({
        id: 'a',
        sourceId: 'nhse',
        title: 'Model Hospital adds community metrics',
        summary: 'The tool now covers community trusts. It follows Lord Carter’s review.',
        url: 'https://www.england.nhs.uk/model-hospital/',
        tags: { carter: 5 },
        publishedAt: '2017-02-14T09:00:00.000Z',
        organisations: [['nhs-england', 'NHS England']],
        money: [['£5bn', 5e9]],
      }),
      makeStory({
        id: 'b',
        sourceId: 'hsj',
        paywalled: true,
        title: 'Model Hospital community metrics added',
        summary: 'Community trusts now feature in the tool.',
        url: 'https://www.hsj.co.uk/x',
        tags: { carter: 3 },
        publishedAt: '2017-02-14T11:00:00.000Z',
      }),
    ]);
    const md = renderDigestMarkdown(digest);
    expect(md).toContain('# Catch up: week of 13 February 2017');
    expect(md).toContain('13–19 February 2017 (Europe/London time) · 1 story in 1 theme');
    expect(md).toContain('## Carter reviews');
    expect(md).toContain(
      '1. **[Model Hospital adds community metrics](https://www.england.nhs.uk/model-hospital/)**\\\n' +
        '   NHS England news · 14 Feb 2017 · also [HSJ (subscription)](https://www.hsj.co.uk/x)\\\n' +
        '   The tool now covers community trusts. It follows Lord Carter’s review.\\\n' +
        '   Organisations: NHS England · Sums: £5bn\n',
    );
    expect(md).toContain('Coverage: every source was checked this week.');
  });

  it('says so plainly when the week is empty, and names the sources that failed', () => {
    const md = renderDigestMarkdown(build([], [{ id: 'hsj', name: 'HSJ', reason: 'HTTP 503' }]));
    expect(md).toContain('Nothing was published in the sources we follow this week.');
    expect(md).toContain('Coverage: could not check HSJ (HTTP 503) at some point this week');
  });

  it('names the other sections a story was filed in, escaped', () => {
    const digest = buildDigest({
      week: { year: 2021, week: 47 },
      timeZone: 'Europe/London',
      stories: [
        makeStory({
          id: 'a',
          title: 'Merger agreed',
          publishedAt: '2021-11-23T10:00:00.000Z',
          tags: { stp: 3 },
        }),
      ],
      themes: THEMES,
      sources: SOURCES,
      failedSources: [],
      perThemeCap: 6,
    });
    const entry = digest.sections[0]!.entries[0]!;
    const md = renderDigestMarkdown({
      ...digest,
      sections: [
        { ...digest.sections[0]!, entries: [{ ...entry, alsoIn: ['Procurement', '*Mergers*'] }] },
      ],
    });
    expect(md).toContain('Also in: Procurement, \\*Mergers\\*');
  });

  it('neutralises hostile feed text', () => {
    const hostile = [
      '# Heading <script>alert(1)</script>',
      '[click](javascript:alert(1)) **bold** `code` ![img](http://x/y.png)',
      '<img src=x onerror=alert(1)> & friends | table | ~~strike~~',
      '1. Not a list',
      '- not a bullet\n\n## not a heading',
    ];
    const digest = build(
      hostile.map((title, i) =>
        makeStory({
          id: `h${i}`,
          title,
          summary: title,
          url: i === 1 ? 'javascript:alert(1)' : `https://example.org/a (b)/${i}`,
          tags: { stp: 1 + i },
        }),
      ),
    );
    const md = renderDigestMarkdown(digest);
    expect(md).not.toMatch(/<script|<img|(?<!\\)\]\(javascript:/i);
    expect(md).not.toMatch(/^#{1,6} (?!Catch up|STPs)/m);
    expect(md).not.toMatch(/\*\*bold\*\*/);
    expect(md).toContain('https://example.org/a%20%28b%29/0');
    // the javascript: story keeps its title but gets no link
    expect(md).toContain('**\\[click\\](javascript:alert(1)) \\*\\*bold\\*\\* \\`code\\`');
    expect(escapeMarkdown('&lt;b&gt; & co')).toBe('&amp;lt;b&amp;gt; & co');
    expect(escapeMarkdown('1. Not a list')).toBe('1\\. Not a list');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,x')).toBeNull();
  });

  it('renders a 500-story week with every theme capped', () => {
    const { startsAt } = weekRange(WEEK, 'Europe/London');
    const { stories } = generateWeek(500, startsAt);
    const digest = build(stories);
    expect(digest.storyCount).toBeGreaterThan(480);
    for (const section of digest.sections) {
      expect(section.entries.length).toBeLessThanOrEqual(6);
      expect(section.moreCount).toBeGreaterThan(0);
    }
    const shownAndHidden = digest.sections.reduce(
      (n, s) => n + s.moreCount + s.entries.reduce((m, e) => m + e.storyIds.length, 0),
      0,
    );
    // every story lands in at least one theme (some in two)
    expect(shownAndHidden).toBeGreaterThanOrEqual(digest.storyCount);
    const md = renderDigestMarkdown(digest);
    expect(md.split('\n').filter((l) => /^\d+\. \*\*/.test(l))).toHaveLength(
      digest.sections.reduce((n, s) => n + s.entries.length, 0),
    );
    expect(md.length).toBeLessThan(40_000);
  });
});
