// HTML listing sources (think tanks without feeds): a page of story teasers read with the CSS
// selectors declared in config/sources.yaml, producing the same ParsedFeed as a feed.
// `item` scopes the other selectors; `link` is read from `linkAttr` (default href) and resolved
// against <base href> or the page URL; `date` prefers `dateAttr`, then a datetime attribute,
// then the text. Scripts and styles are removed first, and paragraph texts are joined by hand
// because cheerio's .text() runs block elements together.
import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import type { HtmlSelectors } from '../domain.js';
import { resolveHttpUrl } from './canonical-url.js';
import { escapeHtml } from './feed-fields.js';
import type { ParsedFeed, RawItem } from './parsed-feed.js';
import { cleanText } from './plain-text.js';

const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, div, br';

/** Text of the matched elements with block boundaries kept as spaces. */
function blockText($: CheerioAPI, elements: Cheerio<AnyNode>): string {
  const parts: string[] = [];
  elements.each((_, element) => {
    const clone = $(element).clone();
    clone.find(BLOCKS).each((__, block) => {
      $(block).before(' ').after(' ');
    });
    parts.push(clone.text());
  });
  return cleanText(parts.join(' '));
}

/** Finds within an item; a selector of "&" or ":scope" means the item element itself. */
function within(item: Cheerio<AnyNode>, selector: string): Cheerio<AnyNode> {
  const trimmed = selector.trim();
  if (trimmed === '&' || trimmed === ':scope') return item;
  return item.find(trimmed);
}

export function parseHtmlListing(
  text: string,
  pageUrl: string,
  selectors: HtmlSelectors,
): ParsedFeed {
  const $ = load(text);
  $('script, style, noscript, template').remove();
  const base = resolveHttpUrl($('base[href]').first().attr('href') ?? null, pageUrl) ?? pageUrl;
  const items: RawItem[] = [];
  $(selectors.item).each((_, element) => {
    const item = $(element);
    const title = blockText($, within(item, selectors.title).first());
    const linkElement = within(item, selectors.link).first();
    const link = resolveHttpUrl(linkElement.attr(selectors.linkAttr ?? 'href') ?? null, base);
    if (title === '' && link === null) return;
    let published: string | null = null;
    if (selectors.date) {
      const dateElement = within(item, selectors.date).first();
      published =
        (selectors.dateAttr ? dateElement.attr(selectors.dateAttr) : undefined) ??
        dateElement.attr('datetime') ??
        (cleanText(dateElement.text()) || null);
    }
    const summary = selectors.summary ? blockText($, within(item, selectors.summary)) : '';
    items.push({
      guid: null,
      link,
      title: escapeHtml(title),
      summaryHtml: escapeHtml(summary),
      contentHtml: '',
      author: null,
      categories: [],
      published: published?.trim() || null,
    });
  });
  const siteName = $('meta[property="og:site_name"]').attr('content') ?? $('title').first().text();
  return {
    title: cleanText(siteName ?? ''),
    link: pageUrl,
    format: 'html-listing',
    parser: 'html-listing',
    items,
  };
}
