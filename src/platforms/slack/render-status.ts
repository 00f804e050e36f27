// Status (source health, deliveries) and explain (why a story got its themes) as Block Kit.
// Both can be long (dozens of sources, many evidence lines): lines are packed into sections under
// the limits and the rest is counted, never sent as an invalid message.
import type { Evidence, SourceHealth } from '../../domain.js';
import {
  describeEvidence,
  describeMention,
  describeNearMissReason,
  describePublished,
  describeSum,
  describeThemeScore,
} from '../../commands/plain-words.js';
import { describeCorrection } from '../../commands/describe-corrections.js';
import { describeInFlightPart } from '../../commands/describe-in-flight.js';
import type { CommandResult, DeliveryHealth } from '../../commands/types.js';
import type { SlackBlock } from './block-kit.js';
import { formatDay, formatIsoMinute } from '../../text/format-dates.js';
import { escapeMrkdwn, fitMrkdwn, formatLink } from './mrkdwn.js';
import { packLines } from './pack-lines.js';
import { formatChannel } from './render-subscriptions.js';

/** Long lists stop here (about 60,000 characters): a reply should stay readable. */
export const MAX_LIST_BLOCKS = 20;

type StatusResult = Extract<CommandResult, { kind: 'status' }>;
type ExplainResult = Extract<CommandResult, { kind: 'explain' }>;

export function renderStatusBlocks(result: StatusResult, timeZone: string): SlackBlock[] {
  const sources = result.sources;
  const failing = sources.filter((s) => s.enabled && s.consecutiveFailures > 0);
  const lines = [
    `*Sources* · ${sources.filter((s) => s.enabled).length} enabled, ${failing.length} failing`,
    ...sources.map((s) => renderSourceLine(s, timeZone)),
    '',
    `*Deliveries* · ${result.deliveries.length === 0 ? 'no subscriptions here yet' : result.deliveries.length}`,
    ...result.deliveries.flatMap((d) => [
      renderDeliveryLine(d, timeZone),
      ...renderInFlightLines(d, timeZone),
    ]),
  ];
  return withOmitted(lines, MAX_LIST_BLOCKS);
}

function renderSourceLine(s: SourceHealth, timeZone: string): string {
  const name = fitMrkdwn(s.name, 100);
  if (!s.enabled) return `:white_circle: ${name}: disabled`;
  const stories = `${s.storyCount} stories`;
  if (s.consecutiveFailures > 0) {
    const since = s.lastErrorAt ? ` since ${formatDay(s.lastErrorAt, timeZone)}` : '';
    const reason = s.lastError ? `: ${fitMrkdwn(s.lastError, 200)}` : '';
    return `:red_circle: ${name}: ${s.consecutiveFailures} failed checks${since}${reason} (${stories})`;
  }
  const last = s.lastSuccessAt
    ? `checked ${formatDay(s.lastSuccessAt, timeZone)}`
    : 'not checked yet';
  return `:large_green_circle: ${name}: ${last} (${stories})`;
}

function renderDeliveryLine(d: DeliveryHealth, timeZone: string): string {
  const sub = d.subscription;
  const where = formatChannel(sub.channelId);
  const last = d.lastDeliveredWeek
    ? `last digest ${escapeMrkdwn(d.lastDeliveredWeek)}${d.lastDeliveredAt ? ` (${formatDay(d.lastDeliveredAt, timeZone)})` : ''}`
    : 'no digest yet';
  const parts = [`${where}: ${last}`];
  if (d.pendingParts > 0) parts.push(`${d.pendingParts} parts pending`);
  if (sub.pausedReason)
    parts.push(
      `:pause_button: paused: ${fitMrkdwn(sub.pausedReason, 200)} (fix that, then subscribe again to resume)`,
    );
  else if (d.lastError) parts.push(`last error: ${fitMrkdwn(d.lastError, 200)}`);
  return parts.join(' · ');
}

/** Parts still marked in flight (e.g. left by a crash): who has them and when they are retried. */
function renderInFlightLines(d: DeliveryHealth, timeZone: string): string[] {
  const at = (iso: string) => formatIsoMinute(iso, timeZone);
  return d.inFlight.map((part) => {
    const icon = part.claimant === 'dead' ? ':warning:' : ':hourglass_flowing_sand:';
    return `    ${icon} in flight: ${fitMrkdwn(describeInFlightPart(part, at), 400)}`;
  });
}

export function renderExplainBlocks(result: ExplainResult, timeZone: string): SlackBlock[] {
  const { story, tags, nearMisses, entities } = result;
  const scores = result.showScores === true;
  const lines: string[] = [
    `*${formatLink(story.url, story.title, 300)}*`,
    fitMrkdwn(
      `${story.sourceIds.join(', ')} · published ${describePublished(story.publishedAt, timeZone, story.publishedEstimated)}`,
      300,
    ),
    '',
    tags.length === 0 ? '*Themes:* none' : `*Themes:* ${tags.length}`,
  ];
  for (const tag of tags) {
    lines.push(`• *${fitMrkdwn(tag.theme, 80)}*: ${describeThemeScore(tag.score, scores)}`);
    for (const e of tag.evidence.slice(0, 8)) lines.push(renderEvidence(e, scores));
    if (tag.evidence.length > 8) lines.push(`    …and ${tag.evidence.length - 8} more rules`);
  }
  if (nearMisses.length > 0) {
    lines.push('*Near misses:*');
    for (const miss of nearMisses) {
      const reason = describeNearMissReason(miss.reason, scores);
      lines.push(
        `• ${fitMrkdwn(miss.theme, 80)}: ${describeThemeScore(miss.score, scores)}, ${fitMrkdwn(reason, 300)}`,
      );
      for (const e of miss.evidence.slice(0, 4)) lines.push(renderEvidence(e, scores));
    }
  }
  const orgs = entities.organisations.map(describeMention);
  const sums = entities.money.map(describeSum);
  if (orgs.length > 0) lines.push(`*Organisations:* ${fitMrkdwn(orgs.join(', '), 1000)}`);
  if (sums.length > 0) lines.push(`*Sums:* ${fitMrkdwn(sums.join(', '), 500)}`);
  const corrections = result.corrections ?? [];
  if (corrections.length > 0) lines.push('*Corrections in this workspace:*');
  for (const c of corrections) lines.push(`• ${fitMrkdwn(describeCorrection(c, timeZone), 500)}`);
  if (!scores) lines.push('_Add `scores:true` to see the score behind each word._');
  return withOmitted(lines, MAX_LIST_BLOCKS);
}

function renderEvidence(e: Evidence, scores: boolean): string {
  return `    ${describeEvidence(e, scores)}: \`${fitMrkdwn(e.rule.replace(/`/g, "'"), 80)}\` “${fitMrkdwn(e.context, 240)}”`;
}

/** Packs lines, then says how many did not fit (one extra context block). */
export function withOmitted(lines: string[], maxBlocks: number): SlackBlock[] {
  const { blocks, omitted } = packLines(lines, maxBlocks);
  if (omitted > 0) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `…and ${omitted} more lines not shown.` }],
    });
  }
  return blocks;
}
