// Deterministic feed documents for the parse and poll benchmarks: RSS 2.0 and Atom, items with
// HTML summaries, entities, categories and dates, built from a seeded PRNG so every run parses
// exactly the same bytes. The wording is invented for the benchmark (no third-party text).
import { createRng, type Rng } from './measure.js';

const BODIES = [
  'NHS England',
  'The Department of Health and Social Care',
  'An integrated care board in the north west',
  'A foundation trust in the Midlands',
  'The Care Quality Commission',
  'NHS Providers',
  'The King’s Fund',
  'A group of GP practices',
  'The health select committee',
  'An ambulance trust',
];
const ACTIONS = [
  'publishes plans for',
  'delays a decision on',
  'opens a consultation on',
  'reports progress with',
  'sets aside £40m for',
  'warns about pressure on',
  'awards a contract for',
  'reviews the cost of',
  'agrees a new approach to',
  'pilots a scheme for',
];
const TOPICS = [
  'community diagnostic centres',
  'elective recovery',
  'pathology networks',
  'the provider selection regime',
  'winter discharge funding',
  'neighbourhood health teams',
  'procurement of agency staff',
  'mental health crisis beds',
  'digital patient records',
  'capital spending on estates',
  'the new care models programme',
  'waiting lists for hip operations',
];
const CLAUSES = [
  'Managers said the change would take effect from April',
  'Local leaders asked for more detail on funding',
  'The board will review the figures again in the autumn',
  'Unions & staff groups said they had not been consulted',
  'The plan follows a year of pressure on urgent care',
  'Officials expect savings of around 3% a year',
  'Patients’ groups welcomed the move but asked for a timetable',
  'A fuller evaluation is due to be published next spring',
];
const CATEGORIES = ['Policy', 'Finance', 'Workforce', 'Primary care', 'Acute care', 'Digital'];

export type FeedFormat = 'rss' | 'atom';

export interface GeneratedFeedOptions {
  format: FeedFormat;
  items: number;
  /** Distinguishes sources: links and GUIDs are unique per (source, item). */
  sourceIndex: number;
  seed: number;
  /** Origin used for item links, e.g. https://news.example.org */
  origin?: string;
  /**
   * Paragraphs of a full article body per item (RSS content:encoded, Atom content), as news
   * sites that publish whole articles do; 0 or absent: summaries only (the same bytes as before).
   */
  bodyParagraphs?: number;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function sentence(rng: Rng): string {
  return `${rng.pick(BODIES)} ${rng.pick(ACTIONS)} ${rng.pick(TOPICS)}`;
}

function summaryHtml(rng: Rng): string {
  const paragraphs: string[] = [];
  const count = rng.int(1, 3);
  for (let i = 0; i < count; i++) {
    paragraphs.push(
      `<p>${escapeXml(sentence(rng))}. ${escapeXml(rng.pick(CLAUSES))}. <a href="/story/${rng.int(1, 9999)}">Read more</a></p>`,
    );
  }
  return paragraphs.join('\n');
}

/** A real-length article body: paragraphs of several sentences with the usual inline markup. */
function articleHtml(rng: Rng, paragraphs: number): string {
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const sentences: string[] = [];
    for (let s = rng.int(3, 5); s > 0; s--) {
      const text = `${escapeXml(sentence(rng))}, and ${escapeXml(rng.pick(CLAUSES).toLowerCase())}`;
      sentences.push(rng.next() < 0.2 ? `<strong>${text}</strong>` : text);
    }
    out.push(`<p>${sentences.join('. ')}.</p>`);
    if (p === 2) out.push(`<figure><img src="/img/${rng.int(1, 999)}.jpg" alt=""/></figure>`);
    if (p === 5)
      out.push(
        `<ul><li>${escapeXml(rng.pick(CLAUSES))}</li><li>${escapeXml(rng.pick(CLAUSES))}</li></ul>`,
      );
  }
  return out.join('\n');
}

/** One feed document as a string; same options, same bytes. */
export function generateFeedDocument(options: GeneratedFeedOptions): string {
  const rng = createRng(options.seed * 7919 + options.sourceIndex);
  const origin = options.origin ?? `https://news${options.sourceIndex}.example.org`;
  const base = Date.UTC(2026, 9, 1, 9, 0, 0);
  const items: string[] = [];
  const paragraphs = options.bodyParagraphs ?? 0;
  for (let i = 0; i < options.items; i++) {
    const title = escapeXml(sentence(rng));
    const link = `${origin}/news/${options.sourceIndex}/${i}-${rng.int(1000, 9999)}?utm_source=rss`;
    const when = new Date(base - i * 3_600_000 * rng.int(1, 12));
    const html = escapeXml(summaryHtml(rng));
    const cats = [rng.pick(CATEGORIES), rng.pick(CATEGORIES)];
    const body = paragraphs > 0 ? [articleHtml(rng, paragraphs)] : [];
    if (options.format === 'rss') {
      items.push(
        [
          '  <item>',
          `    <title>${title}</title>`,
          `    <link>${escapeXml(link)}</link>`,
          `    <guid isPermaLink="false">src${options.sourceIndex}-item${i}</guid>`,
          `    <pubDate>${when.toUTCString()}</pubDate>`,
          ...cats.map((c) => `    <category>${c}</category>`),
          `    <description>${html}</description>`,
          ...body.map((b) => `    <content:encoded><![CDATA[${b}]]></content:encoded>`),
          '  </item>',
        ].join('\n'),
      );
    } else {
      items.push(
        [
          '  <entry>',
          `    <title type="text">${title}</title>`,
          `    <link rel="alternate" href="${escapeXml(link)}"/>`,
          `    <id>tag:example.org,2026:src${options.sourceIndex}-item${i}</id>`,
          `    <published>${when.toISOString()}</published>`,
          `    <updated>${when.toISOString()}</updated>`,
          ...cats.map((c) => `    <category term="${c}"/>`),
          `    <author><name>Health desk</name></author>`,
          `    <summary type="html">${html}</summary>`,
          ...body.map((b) => `    <content type="html">${escapeXml(b)}</content>`),
          '  </entry>',
        ].join('\n'),
      );
    }
  }
  if (options.format === 'rss') {
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      paragraphs > 0
        ? '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        : '<rss version="2.0">',
      '<channel>',
      `  <title>Bench source ${options.sourceIndex}</title>`,
      `  <link>${origin}/</link>`,
      '  <description>Generated for the benchmark</description>',
      ...items,
      '</channel>',
      '</rss>',
      '',
    ].join('\n');
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>Bench source ${options.sourceIndex}</title>`,
    `  <link rel="alternate" href="${origin}/"/>`,
    `  <id>tag:example.org,2026:src${options.sourceIndex}</id>`,
    `  <updated>${new Date(base).toISOString()}</updated>`,
    ...items,
    '</feed>',
    '',
  ].join('\n');
}
