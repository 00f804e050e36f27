// Normalise at the edge: every parsed item becomes one domain Story, and nothing downstream sees
// XML, HTML or a library type. Rules:
// - id: the fallback chain in story-id.ts (GUID, canonical URL, title + date);
// - url: canonical-url.ts (absolute http(s) only, tracking parameters removed);
// - title and summary: plain text (plain-text.ts); a title is markup only when it holds tags,
//   else its angle brackets are characters; title at most 300 characters cut at a word,
//   summary at most 3 sentences / 400 characters cut at a sentence boundary;
// - publishedAt: ISO UTC; missing, unparseable or before 1990 (epoch-zero artefacts) -> `now`
//   with publishedEstimated = true; more than a day in the future -> `now`, estimated;
// - paywalled sources keep headline and standfirst only: content is always '', and the summary
//   (and a missing title) come from the item's description alone, never from its body. A
//   description longer than a standfirst (over SUMMARY_MAX characters once plain) is the article
//   text, not a standfirst: only its first sentence (at most PAYWALLED_LEAD_MAX characters) is kept;
// - items with the same id in one document: the first wins; items with neither title, link nor
//   text are dropped.
import type { Source, Story } from '../domain.js';
import { canonicaliseUrl } from './canonical-url.js';
import { parseFeedDate } from './parse-date.js';
import type { ParsedFeed, RawItem } from './parsed-feed.js';
import {
  cleanText,
  fieldToPlainText,
  htmlToPlainText,
  summariseText,
  truncateAtWord,
} from './plain-text.js';
import { computeStoryId } from './story-id.js';

export const TITLE_MAX = 300;
export const SUMMARY_MAX = 400;
export const SUMMARY_SENTENCES = 3;
export const CONTENT_MAX = 50_000;
const AUTHOR_MAX = 200;
const CATEGORY_MAX = 100;
const CATEGORIES_MAX = 25;
const GUID_MAX = 2_000;
/** A paywalled item's over-long description keeps this much: its first sentence, as a standfirst. */
export const PAYWALLED_LEAD_MAX = 250;

/** Dates before this are CMS defaults (1970-01-01, 0001-01-01), not publication dates. */
const EARLIEST_PLAUSIBLE = Date.UTC(1990, 0, 1);
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

export function normalisePublished(
  raw: string | null,
  now: Date,
): { publishedAt: string; publishedEstimated: boolean } {
  const parsed = parseFeedDate(raw);
  if (
    parsed === null ||
    parsed.getTime() < EARLIEST_PLAUSIBLE ||
    parsed.getTime() > now.getTime() + FUTURE_TOLERANCE_MS
  ) {
    return { publishedAt: now.toISOString(), publishedEstimated: true };
  }
  return { publishedAt: parsed.toISOString(), publishedEstimated: false };
}

function normaliseCategories(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const category of raw) {
    const text = truncateAtWord(fieldToPlainText(category), CATEGORY_MAX);
    const key = text.toLowerCase();
    if (text === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(text);
    if (out.length === CATEGORIES_MAX) break;
  }
  return out;
}

/**
 * The summary: for open sources the description, else the body, at most 3 sentences. Paywalled
 * sources: the description only (a standfirst), and an over-long one is body text: first sentence.
 */
function summariseItem(description: string, content: string, paywalled: boolean): string {
  if (!paywalled) {
    return summariseText(
      description !== '' ? description : content,
      SUMMARY_MAX,
      SUMMARY_SENTENCES,
    );
  }
  if (description.length > SUMMARY_MAX) return summariseText(description, PAYWALLED_LEAD_MAX, 1);
  return summariseText(description, SUMMARY_MAX, SUMMARY_SENTENCES);
}

/** One item to a Story, or null when it has nothing worth keeping. */
export function normaliseItem(item: RawItem, source: Source, now: Date): Story | null {
  const url = canonicaliseUrl(item.link);
  const summarySource = htmlToPlainText(item.summaryHtml);
  // A paywalled item's body is never read, not even for a missing title.
  const contentText = source.paywalled ? '' : htmlToPlainText(item.contentHtml);
  const longText = summarySource !== '' ? summarySource : contentText;
  let title = truncateAtWord(fieldToPlainText(item.title), TITLE_MAX);
  if (title === '') {
    if (longText === '' && url === null) return null;
    title = longText !== '' ? truncateAtWord(summariseText(longText, 120, 1), 120) : '(untitled)';
  }
  const rawGuid = cleanText(item.guid ?? '');
  const guid = rawGuid === '' ? null : rawGuid.slice(0, GUID_MAX);
  const { id } = computeStoryId({
    sourceId: source.id,
    guid,
    canonicalUrl: url,
    title,
    rawPublished: item.published,
  });
  const author = item.author ? truncateAtWord(fieldToPlainText(item.author), AUTHOR_MAX) : '';
  return {
    id,
    sourceId: source.id,
    guid,
    url,
    title,
    summary: summariseItem(summarySource, contentText, source.paywalled),
    content: source.paywalled ? '' : truncateAtWord(contentText, CONTENT_MAX),
    author: author === '' ? null : author,
    categories: normaliseCategories(item.categories),
    ...normalisePublished(item.published, now),
    paywalled: source.paywalled,
  };
}

/** Every usable item of a parsed document as Stories, first occurrence of each id kept. */
export function normaliseItems(feed: ParsedFeed, source: Source, now: Date): Story[] {
  const seen = new Set<string>();
  const stories: Story[] = [];
  for (const item of feed.items) {
    const story = normaliseItem(item, source, now);
    if (story === null || seen.has(story.id)) continue;
    seen.add(story.id);
    stories.push(story);
  }
  return stories;
}
