// Source health: every configured source with its status, last poll and its outcome, the last
// error, stories stored and the next poll, in the configured time zone. The status words are the
// CLI's (`briefing sources`): ok, failing xN, not polled, disabled.
import type { SourceHealth } from '../../domain.js';
import { escapeHtml } from '../../text/escape-html.js';
import { formatIsoMinute } from '../../text/format-dates.js';
import { renderPage } from './layout.js';

export type SourceStatus = 'ok' | 'failing' | 'not polled' | 'disabled';

export interface SourceRow extends SourceHealth {
  status: SourceStatus;
  /** The later of the last success and the last error (ISO UTC), or null. */
  lastPollAt: string | null;
  /** How the last poll ended. */
  lastOutcome: 'ok' | 'failed' | null;
}

export function describeSource(health: SourceHealth): SourceRow {
  const { lastSuccessAt: ok, lastErrorAt: failed } = health;
  const lastPollAt = ok === null ? failed : failed === null || ok >= failed ? ok : failed;
  const lastOutcome = lastPollAt === null ? null : lastPollAt === ok ? 'ok' : 'failed';
  let status: SourceStatus = 'ok';
  if (!health.enabled) status = 'disabled';
  else if (lastPollAt === null) status = 'not polled';
  else if (health.consecutiveFailures > 0) status = 'failing';
  return { ...health, status, lastPollAt, lastOutcome };
}

function when(iso: string | null, timeZone: string): string {
  return iso === null ? '–' : escapeHtml(formatIsoMinute(iso, timeZone) || iso);
}

function renderRow(row: SourceRow, timeZone: string): string {
  const statusText = row.status === 'failing' ? `failing ×${row.consecutiveFailures}` : row.status;
  const statusClass =
    row.status === 'ok' ? 'status-ok' : row.status === 'failing' ? 'status-failing' : '';
  const outcome = row.lastOutcome === null ? '' : ` (${row.lastOutcome})`;
  const dropped = row.itemsDropped ? ` · ${row.itemsDropped} items dropped` : '';
  return [
    '<tr>',
    `<th scope="row">${escapeHtml(row.name)}<br><span class="muted">${escapeHtml(row.sourceId)}</span></th>`,
    `<td data-label="Status"${statusClass ? ` class="${statusClass}"` : ''}>${escapeHtml(statusText)}</td>`,
    `<td data-label="Last poll">${when(row.lastPollAt, timeZone)}${outcome}</td>`,
    `<td data-label="Last error">${row.lastError === null ? '–' : escapeHtml(row.lastError)}</td>`,
    `<td data-label="Stories">${row.storyCount}${dropped}</td>`,
    `<td data-label="Next poll">${when(row.nextPollAt, timeZone)}</td>`,
    '</tr>',
  ].join('');
}

export function renderSourcesPage(rows: readonly SourceRow[], timeZone: string): string {
  const failing = rows.filter((r) => r.status === 'failing').length;
  const summary =
    failing === 0
      ? `${rows.length} sources; none failing.`
      : `${rows.length} sources; ${failing} failing.`;
  const body = [
    '<h1>Sources</h1>',
    `<p>${escapeHtml(summary)} Times are ${escapeHtml(timeZone)} time.</p>`,
    // Focusable and named: a region that may scroll sideways must be reachable by keyboard
    // (WCAG 2.1.1); on a phone the rows stack instead (site.css).
    '<div class="table-wrap" role="region" aria-labelledby="sources-caption" tabindex="0"><table>',
    '<caption id="sources-caption" class="muted">Each source’s last poll, its outcome and error, stories stored and next poll</caption>',
    '<thead><tr><th scope="col">Source</th><th scope="col">Status</th><th scope="col">Last poll</th><th scope="col">Last error</th><th scope="col">Stories</th><th scope="col">Next poll</th></tr></thead>',
    `<tbody>${rows.map((r) => renderRow(r, timeZone)).join('')}</tbody>`,
    '</table></div>',
  ].join('\n');
  return renderPage({ title: 'Sources', body, current: 'sources' });
}
