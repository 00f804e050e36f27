// The archive index (every archived week, newest first) and one week's catch-up. The catch-up
// is the shared digest renderer (digest/render-digest-html.ts, as the email uses) over the view a
// channel following everything gets, so the page says what the chat platforms said; here every
// entry also links to its story page.
import { renderDigestHtml, type DigestHtmlStyle } from '../../digest/render-digest-html.js';
import type { Digest } from '../../domain.js';
import { escapeHtml } from '../../text/escape-html.js';
import { storyRef } from '../../text/story-ref.js';
import { renderPage } from './layout.js';
import type { WeekSummary } from './week-summary.js';

export function storyPath(storyId: string): string {
  return `/stories/${encodeURIComponent(storyRef(storyId))}`;
}

const WEB_STYLE: DigestHtmlStyle = {
  attrs: {
    title: '',
    weekLine: ' class="week-line"',
    heading: '',
    entries: ' class="entries"',
    entry: ' class="entry"',
    muted: ' class="muted"',
    link: '',
    ref: ' class="ref"',
    host: ' class="host"',
    whyLabel: ' class="why-label"',
    whyList: ' class="why-list"',
    coverage: ' class="coverage"',
  },
  storyHref: storyPath,
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function renderWeekItem(summary: WeekSummary): string {
  const themes =
    summary.themes.length === 0
      ? 'no theme stories'
      : summary.themes.map((t) => `${escapeHtml(t.label)} (${t.stories})`).join(', ');
  return [
    '<li>',
    `<h2 class="week-title"><a href="${escapeHtml(summary.path)}">${escapeHtml(summary.dates)}</a></h2>`,
    `<p class="muted">${escapeHtml(summary.week)} · ${plural(summary.storyCount, 'story', 'stories')}</p>`,
    `<p>Themes: ${themes}</p>`,
    '</li>',
  ].join('');
}

export function renderIndexPage(weeks: readonly WeekSummary[]): string {
  const list =
    weeks.length === 0
      ? '<p>No weekly catch-up has been archived yet. The bot writes one when the first channel’s digest falls due (or run <code>briefing digest --post</code>).</p>'
      : `<ul class="weeks">${weeks.map(renderWeekItem).join('')}</ul>`;
  const body = [
    '<h1>Weekly catch-ups</h1>',
    '<p>Every week’s catch-up as the bot archived it, newest first. <a href="/search">Search the archive</a> for anything older or narrower.</p>',
    list,
  ].join('\n');
  return renderPage({ title: 'Weekly catch-ups', body, current: 'weeks' });
}

export interface WeekNeighbours {
  newer: string | null;
  older: string | null;
}

/** `view` is viewForChannel(archived digest, null). */
export function renderWeekPage(view: Digest, neighbours: WeekNeighbours): string {
  const links = [
    neighbours.older
      ? `<a href="/weeks/${escapeHtml(neighbours.older)}" rel="prev">Older: ${escapeHtml(neighbours.older)}</a>`
      : '',
    neighbours.newer
      ? `<a href="/weeks/${escapeHtml(neighbours.newer)}" rel="next">Newer: ${escapeHtml(neighbours.newer)}</a>`
      : '',
    `<a href="/api/weeks/${escapeHtml(view.week)}">JSON</a>`,
  ].filter((l) => l !== '');
  const body = [
    renderDigestHtml(view, WEB_STYLE),
    `<nav aria-label="Other weeks" class="pager">${links.join('')}</nav>`,
  ].join('\n');
  return renderPage({ title: view.title, body, current: 'weeks' });
}
