// The lookup answers as cards: a search page (with a "More results" button carrying the command
// text and the next offset back to the bot), the bot's status (sources, then this team's
// deliveries and parts in flight) and `explain` (themes with the rules that fired, near misses,
// organisations and sums). Pure; wording shared with Slack and Discord (commands/plain-words.ts,
// commands/describe-in-flight.ts).
import { describeQuery } from '../../commands/describe-query.js';
import { describeCorrection } from '../../commands/describe-corrections.js';
import { describeInFlightPart } from '../../commands/describe-in-flight.js';
import { describeSearchCount } from '../../commands/search-notes.js';
import {
  describeEvidence,
  describeNearMissReason,
  describePublished,
  describeThemeScore,
} from '../../commands/plain-words.js';
import type { CommandResult, DeliveryHealth } from '../../commands/types.js';
import type { Evidence, SearchPage } from '../../domain.js';
import { formatDay, formatIsoMinute } from '../../text/format-dates.js';
import { storyRef } from '../../text/story-ref.js';
import { createCard, text, type AdaptiveCard, type CardElement } from './adaptive-card.js';
import { fitCardText, formatCardCode, formatCardLink } from './card-markdown.js';
import { packCards } from './pack-card.js';

/** `data.action` of the "More results" button (handle-activity.ts reads it back). */
export const MORE_RESULTS_ACTION = 'briefing-more-results';

export function renderSearchCard(
  page: SearchPage,
  options: { timeZone: string; searchText?: string },
): AdaptiveCard {
  const { query, hits, total } = page;
  const first = query.offset + 1;
  const last = query.offset + hits.length;
  const title =
    total === 0 ? 'No stories found' : `${describeSearchCount(page)} · showing ${first}–${last}`;
  const body: CardElement[] = [text(title, { size: 'Medium', weight: 'Bolder' })];
  if (total === 0) {
    body.push(
      text(
        `Nothing in the archive matches ${fitCardText(describeQuery(query), 600)}. Try fewer words, another theme, or a wider date range.`,
      ),
    );
  }
  for (const hit of hits) {
    const meta = [
      fitCardText(hit.source, 80),
      formatDay(hit.publishedAt, options.timeZone, true),
      hit.themes.length > 0 ? fitCardText(hit.themes.join(', '), 120) : '',
      formatCardCode(storyRef(hit.id), 20),
    ].filter((s) => s !== '');
    const snippet = hit.snippet.trim() === '' ? '' : `\n\n${fitCardText(hit.snippet, 240)}`;
    body.push(
      text(
        `**${formatCardLink(hit.url, hit.title || 'Untitled', 200)}**\n\n${meta.join(' · ')}${snippet}`,
        {
          separator: true,
        },
      ),
    );
  }
  body.push(
    text(fitCardText(`Search: ${describeQuery(query)}`, 300), { isSubtle: true, size: 'Small' }),
  );
  const card = createCard(body);
  if (page.nextOffset !== null && options.searchText !== undefined) {
    card.actions = [
      {
        type: 'Action.Submit',
        title: 'More results',
        data: {
          action: MORE_RESULTS_ACTION,
          text: options.searchText.slice(0, 1000),
          offset: page.nextOffset,
        },
      },
    ];
  }
  return card;
}

export function renderStatusCards(
  result: Extract<CommandResult, { kind: 'status' }>,
  timeZone: string,
): AdaptiveCard[] {
  const failing = result.sources.filter((s) => s.consecutiveFailures > 0 || s.lastError);
  const healthy = result.sources.length - failing.length;
  const lines = [
    `✅ ${healthy} of ${result.sources.length} sources are healthy.`,
    ...failing.map((s) => {
      const since = s.lastSuccessAt
        ? `last worked ${formatDay(s.lastSuccessAt, timeZone, true)}`
        : 'never worked';
      return `❌ **${fitCardText(s.name, 80)}** — ${fitCardText(s.lastError ?? 'failing', 200)} (${s.consecutiveFailures}×, ${since})`;
    }),
    '**Deliveries**',
    ...(result.deliveries.length === 0
      ? ['No subscription here yet.']
      : result.deliveries.flatMap((d) => [
          renderDelivery(d, timeZone),
          ...d.inFlight.map(
            (part) =>
              `${part.claimant === 'dead' ? '⚠️' : '⏳'} in flight: ${fitCardText(
                describeInFlightPart(part, (iso) => formatIsoMinute(iso, timeZone)),
                400,
              )}`,
          ),
        ])),
  ];
  return packCards('Briefing status', lines);
}

function renderDelivery(d: DeliveryHealth, timeZone: string): string {
  const last = d.lastDeliveredWeek
    ? `last digest ${d.lastDeliveredWeek}${d.lastDeliveredAt ? ` (${formatDay(d.lastDeliveredAt, timeZone, true)})` : ''}`
    : 'no digest delivered yet';
  const pending = d.pendingParts > 0 ? `, ${d.pendingParts} part(s) pending` : '';
  const paused = d.subscription.pausedReason
    ? `, ⏸ paused: ${d.subscription.pausedReason} (fix that, then subscribe again to resume)`
    : '';
  const error = !d.subscription.pausedReason && d.lastError ? `, last error: ${d.lastError}` : '';
  return fitCardText(`${d.subscription.channelId}: ${last}${pending}${paused}${error}`, 900);
}

function evidenceLines(evidence: readonly Evidence[], scores: boolean): string {
  const lines = evidence
    .slice(0, 8)
    .map(
      (e) =>
        `- ${fitCardText(describeEvidence(e, scores), 120)}: ${formatCardCode(e.rule, 80)} “${fitCardText(e.match, 80)}”`,
    );
  if (evidence.length > 8) lines.push(`- …and ${evidence.length - 8} more`);
  return lines.join('\n') || 'no evidence recorded';
}

export function renderExplainCards(
  result: Extract<CommandResult, { kind: 'explain' }>,
  timeZone: string,
): AdaptiveCard[] {
  const { story, tags, nearMisses, entities } = result;
  const scores = result.showScores === true;
  const filed =
    tags.length === 0
      ? 'not filed under any theme'
      : `filed under ${tags.map((t) => t.theme).join(', ')}`;
  const lines = [
    `**${formatCardLink(story.url, story.title || 'Untitled', 300)}**`,
    fitCardText(
      `${story.sourceIds.join(', ')} · published ${describePublished(story.publishedAt, timeZone, story.publishedEstimated)} · ${filed}`,
      1000,
    ),
    ...tags.map(
      (t) =>
        `✅ **${fitCardText(t.theme, 80)}** · ${describeThemeScore(t.score, scores)}\n\n${evidenceLines(t.evidence, scores)}`,
    ),
    ...nearMisses.map(
      (n) =>
        `✖ **${fitCardText(n.theme, 80)}** · ${describeThemeScore(n.score, scores)} · ${fitCardText(describeNearMissReason(n.reason, scores), 300)}\n\n${evidenceLines(n.evidence, scores)}`,
    ),
  ];
  if (entities.organisations.length > 0)
    lines.push(
      `Organisations: ${fitCardText(entities.organisations.map((o) => o.name).join('; '), 1000)}`,
    );
  if (entities.money.length > 0)
    lines.push(`Sums: ${fitCardText(entities.money.map((m) => m.text).join(', '), 500)}`);
  const corrections = result.corrections ?? [];
  if (corrections.length > 0) {
    lines.push(
      `**Corrected here**\n\n${corrections.map((c) => `- ${fitCardText(describeCorrection(c, timeZone), 300)}`).join('\n')}`,
    );
  }
  if (!scores) lines.push('_Add scores:true to see the score behind each word._');
  return packCards(`Why: ${story.title || 'Untitled'}`, lines);
}
