// A story's page: headline, source, date, the link out, summary, then what `explain` shows
// (commands/explain.ts over the same deps): each theme it is filed under with the evidence (rule,
// field, matched words in context), the near misses, organisations with their kind, sums with
// what they are, the other outlets in its cluster, and readers' corrections. Plain words from
// commands/plain-words.ts, as in chat and the CLI.
import type { ThemeCorrection } from '../../commands/types.js';
import { describeCorrection } from '../../commands/describe-corrections.js';
import {
  describeEvidence,
  describeMention,
  describeNearMissReason,
  describePublished,
  describeSum,
  describeThemeScore,
} from '../../commands/plain-words.js';
import type { Entities, Evidence, NearMiss, StoredStory, Tag } from '../../domain.js';
import { escapeHtml, linkHtml, safeHref } from '../../text/escape-html.js';
import { storyRef } from '../../text/story-ref.js';
import { renderPage } from './layout.js';
import type { StoryCluster } from './story-cluster.js';
import { storyPath } from './week-pages.js';
import { weekPath } from './week-summary.js';

export interface StoryView {
  story: StoredStory;
  tags: Tag[];
  nearMisses: NearMiss[];
  entities: Entities;
  corrections: ThemeCorrection[];
  cluster: StoryCluster | null;
  themeLabels: ReadonlyMap<string, string>;
  sourceNames: ReadonlyMap<string, string>;
  timeZone: string;
}

const HOST = ' class="host"';

function label(view: StoryView, themeId: string): string {
  return view.themeLabels.get(themeId) ?? themeId;
}

function renderEvidence(list: readonly Evidence[]): string {
  if (list.length === 0) return '';
  const items = list.map(
    (e) =>
      `<li>${escapeHtml(describeEvidence(e, false))}: <code>${escapeHtml(e.rule)}</code> “${escapeHtml(e.context)}”</li>`,
  );
  return `<ul>${items.join('')}</ul>`;
}

function renderThemes(view: StoryView): string {
  const tagged = view.tags.map(
    (t) =>
      `<li><strong>${escapeHtml(label(view, t.theme))}</strong>: ${escapeHtml(describeThemeScore(t.score, false))}${renderEvidence(t.evidence)}</li>`,
  );
  const near = view.nearMisses.map(
    (m) =>
      `<li>${escapeHtml(label(view, m.theme))}: ${escapeHtml(describeNearMissReason(m.reason, false))}${renderEvidence(m.evidence)}</li>`,
  );
  return [
    '<h2>Themes</h2>',
    tagged.length > 0
      ? `<ul class="evidence">${tagged.join('')}</ul>`
      : '<p>Not filed under any theme (Other news).</p>',
    near.length > 0 ? `<h3>Near misses</h3><ul class="evidence">${near.join('')}</ul>` : '',
  ].join('\n');
}

function renderList(heading: string, items: readonly string[], none: string): string {
  const body =
    items.length > 0 ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : `<p>${none}</p>`;
  return `<h2>${heading}</h2>\n${body}`;
}

function renderOutlets(view: StoryView): string {
  const { story, cluster } = view;
  const carriedBy = story.sourceIds
    .slice(1)
    .map((id) => `${escapeHtml(view.sourceNames.get(id) ?? id)} (the same item in its feed)`);
  const others = (cluster?.links ?? [])
    .filter((l) => l.url !== story.url || l.sourceId !== story.sourceId)
    .map((l) => `${linkHtml(l.title, l.url, '', HOST)} · ${escapeHtml(l.sourceName)}`);
  const siblings = (cluster?.storyIds ?? [])
    .filter((id) => id !== story.id)
    .map(
      (id) => `<a class="ref" href="${escapeHtml(storyPath(id))}">${escapeHtml(storyRef(id))}</a>`,
    );
  const items = [...carriedBy, ...others];
  if (siblings.length > 0) items.push(`Their story pages: ${siblings.join(', ')}`);
  const week = cluster
    ? `<p class="muted">As clustered in the catch-up of <a href="${escapeHtml(weekPath(cluster.week))}">${escapeHtml(cluster.week)}</a>.</p>`
    : '';
  return `${renderList('Other outlets', items, 'No other outlet’s copy was found.')}\n${week}`;
}

function renderFacts(view: StoryView): string {
  const { story } = view;
  // Only http(s) links are shown at all: anything else in the feed is not a web page.
  const link = safeHref(story.url) ? linkHtml(story.url ?? '', story.url, '', HOST) : 'none';
  const rows: [string, string][] = [
    ['Source', escapeHtml(view.sourceNames.get(story.sourceId) ?? story.sourceId)],
    [
      'Published',
      escapeHtml(describePublished(story.publishedAt, view.timeZone, story.publishedEstimated)),
    ],
    ['Link', `${link}${story.paywalled ? ' (subscription)' : ''}`],
    ['Reference', `<code>${escapeHtml(storyRef(story.id))}</code>`],
  ];
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

export function renderStoryPage(view: StoryView): string {
  const { story, entities } = view;
  const corrections = view.corrections.map(
    (c) =>
      `${escapeHtml(describeCorrection(c, view.timeZone))} <span class="muted">(${escapeHtml(c.platform)} workspace ${escapeHtml(c.workspaceId)}; ${escapeHtml(label(view, c.theme))})</span>`,
  );
  const body = [
    `<h1>${escapeHtml(story.title || 'Untitled')}</h1>`,
    renderFacts(view),
    story.summary.trim() !== '' ? `<p>${escapeHtml(story.summary)}</p>` : '',
    renderThemes(view),
    renderList(
      'Organisations',
      entities.organisations.map((o) => escapeHtml(describeMention(o))),
      'None found.',
    ),
    renderList(
      'Sums',
      entities.money.map(
        (m) => `${escapeHtml(describeSum(m))} (£${escapeHtml(m.pounds.toLocaleString('en-GB'))})`,
      ),
      'None found.',
    ),
    renderOutlets(view),
    renderList(
      'Corrections',
      corrections,
      'No reader has corrected this story’s themes. Corrections apply in the workspace that made them.',
    ),
  ].join('\n');
  return renderPage({ title: story.title || 'Story', body });
}
