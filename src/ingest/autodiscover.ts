// Feed autodiscovery: when a "feed" URL returns an HTML page, the page usually advertises its
// feeds with <link rel="alternate" type="application/rss+xml|atom+xml" href> in its head
// (the RSS Autodiscovery convention). We list them, absolute, so the user can fix the URL.
import { load } from 'cheerio';
import { resolveHttpUrl } from './canonical-url.js';

const FEED_TYPES =
  /^application\/(?:rss|atom|rdf|feed)\+xml$|^application\/(?:rss|atom)$|^text\/xml$/i;

function isRelative(href: string): boolean {
  return href !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(href);
}

/**
 * Feed URLs advertised by an HTML page, in document order, without duplicates: absolute when
 * the page URL is known, relative links as written when it is not.
 */
export function findFeedLinks(html: string, pageUrl: string | null): string[] {
  const $ = load(html);
  const base = resolveHttpUrl($('base[href]').first().attr('href') ?? null, pageUrl) ?? pageUrl;
  const found: string[] = [];
  $('link[href], a[href]').each((_, element) => {
    const el = $(element);
    const rel = (el.attr('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (el.attr('type') ?? '').trim();
    if (!rel.includes('alternate') || !FEED_TYPES.test(type)) return;
    const href = (el.attr('href') ?? '').trim();
    // Without a page URL (a local file) a relative link cannot be resolved: show it as written.
    const url = resolveHttpUrl(href, base) ?? (base === null && isRelative(href) ? href : null);
    if (url && !found.includes(url)) found.push(url);
  });
  return found;
}
