// Subscription confirmations and lists. Channel references use Slack's `<#C123>` syntax (a link to
// the channel, never a ping) only for ids that look like Slack channel ids; anything else is
// escaped text.
import type { Subscription } from '../../domain.js';
import { escapeMrkdwn, fitMrkdwn } from './mrkdwn.js';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function formatChannel(channelId: string): string {
  return /^[CGD][A-Z0-9]{2,20}$/.test(channelId) ? `<#${channelId}>` : escapeMrkdwn(channelId);
}

export function describeThemes(themes: Subscription['themes']): string {
  return themes === 'all' ? 'all themes' : themes.join(', ') || 'all themes';
}

export function describeSubscription(sub: Subscription): string {
  const parts = [`themes: ${fitMrkdwn(describeThemes(sub.themes), 600)}`];
  if (sub.organisations.length > 0) {
    parts.push(`organisations: ${fitMrkdwn(sub.organisations.join(', '), 400)}`);
  }
  parts.push(
    sub.schedule
      ? `every ${DAYS[sub.schedule.day] ?? '?'} at ${escapeMrkdwn(sub.schedule.time)}`
      : 'on the default weekly schedule',
  );
  if (sub.pausedReason) parts.push(`:pause_button: paused: ${fitMrkdwn(sub.pausedReason, 200)}`);
  return parts.join(' · ');
}

export function renderSubscribedText(sub: Subscription, created: boolean): string {
  const head = created
    ? ':white_check_mark: This channel will now receive the weekly NHS policy catch-up.'
    : ':white_check_mark: Subscription updated.';
  return `${head}\n${describeSubscription(sub)}`;
}

export function renderSubscriptionLines(subs: Subscription[]): string[] {
  if (subs.length === 0) return ['No channel in this workspace is subscribed yet.'];
  return [
    `*Subscriptions in this workspace* · ${subs.length}`,
    ...subs.map((s) => `• ${formatChannel(s.channelId)}: ${describeSubscription(s)}`),
  ];
}
