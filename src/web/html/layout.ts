// The page shell every archive page shares: lang="en-GB", a viewport for phones, the site's own
// stylesheet (no inline style or script: the Content-Security-Policy forbids both), a skip link,
// the site navigation and one <main>. The page's own body brings its single <h1>.
import { escapeHtml } from '../../text/escape-html.js';

export const SITE_NAME = 'NHS policy briefing';

export type NavItem = 'weeks' | 'search' | 'sources';

const NAV: readonly { id: NavItem; href: string; label: string }[] = [
  { id: 'weeks', href: '/', label: 'Weekly catch-ups' },
  { id: 'search', href: '/search', label: 'Search' },
  { id: 'sources', href: '/sources', label: 'Sources' },
];

export interface PageInput {
  /** The document title (escaped here); the site name is added after it. */
  title: string;
  /** Trusted HTML of <main>'s content, starting with its <h1>. */
  body: string;
  /** The navigation entry this page belongs to (aria-current), if any. */
  current?: NavItem | null;
}

function renderNav(current: NavItem | null): string {
  const items = NAV.map((item) => {
    const here = item.id === current ? ' aria-current="page"' : '';
    return `<li><a href="${item.href}"${here}>${item.label}</a></li>`;
  }).join('');
  return `<nav aria-label="Site"><ul class="nav">${items}<li><a href="/feed.atom">Atom feed</a></li></ul></nav>`;
}

export function renderPage(input: PageInput): string {
  const title = `${escapeHtml(input.title)} · ${SITE_NAME}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    '<link rel="stylesheet" href="/assets/site.css">',
    `<link rel="alternate" type="application/atom+xml" href="/feed.atom" title="${SITE_NAME}: weekly catch-ups">`,
    '</head>',
    '<body>',
    '<a class="skip-link" href="#main">Skip to content</a>',
    `<header class="site-header"><p class="site-name"><a href="/">${SITE_NAME}</a></p>${renderNav(input.current ?? null)}</header>`,
    `<main id="main" tabindex="-1">${input.body}</main>`,
    '<footer class="site-footer"><p>Stories are the publishers\' own headlines and summaries; follow a link to read the original.</p></footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A page that only says something went wrong (404, 400), in the same shell. */
export function renderMessagePage(heading: string, message: string, hint: string | null): string {
  const body = [
    `<h1>${escapeHtml(heading)}</h1>`,
    `<p>${escapeHtml(message)}</p>`,
    hint === null ? '' : `<p>${escapeHtml(hint)}</p>`,
    '<p><a href="/">Back to the weekly catch-ups</a></p>',
  ].join('\n');
  return renderPage({ title: heading, body });
}
