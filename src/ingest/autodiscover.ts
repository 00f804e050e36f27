// Feed autodiscovery: when a "feed" URL returns an HTML page, the page usually advertises its
// feeds with <link rel="alternate" type="application/rss+xml|atom+xml" href> in its head
// (the RSS Autodiscovery convention). We list them, absolute, so the user can fix the URL.
import { load } from 'cheerio';
import { resolveHttpUrl } from './canonical-url.js';

const FEED_TYPES =
  /^application\/(?:rss|atom|rdf|feed)\+xml$|^application\/(?:rss|atom)$|^text\/xml$/i;

/** Absolute feed URLs advertised by an HTML page, in document order, without duplicates. */
export function findFeedLinks(html: string, pageUrl: string | null): string[] {
  const $ = load(html);
  const base = resolveHttpUrl($('base[href]').first().attr('href') ?? null, pageUrl) ?? pageUrl;
  const found: string[] = [];
  $('link[href], a[href]').each((_, element) => {
    const el = $(element);
    const rel = (el.attr('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (el.attr('type') ?? '').trim();
    if (!rel.includes('alternate') || !FEED_TYPES.test(type)) return;
    const url = resolveHttpUrl(el.attr('href') ?? null, base);
    if (url && !found.includes(url)) found.push(url);
  });
  return found;
}
