// Subscription confirmations and lists. Channel references use Slack's `<#C123>` syntax (a link to
// the channel, never a ping) only for ids that look like Slack channel ids; anything else is
// escaped text. Schedules and organisations read as commands/plain-words.ts words them.
import type { Subscription } from '../../domain.js';
import { describeOrganisations, describeSchedule } from '../../commands/plain-words.js';
import type { SubscriptionWords } from '../../commands/types.js';
import { describeDaily } from '../../commands/describe-cadence.js';
import { escapeMrkdwn, fitMrkdwn } from './mrkdwn.js';

export function formatChannel(channelId: string): string {
  return /^[CGD][A-Z0-9]{2,20}$/.test(channelId) ? `<#${channelId}>` : escapeMrkdwn(channelId);
}

export function describeThemes(themes: Subscription['themes']): string {
  return themes === 'all' ? 'all themes' : themes.join(', ') || 'all themes';
}

export function describeSubscription(
  sub: Subscription,
  words: SubscriptionWords,
  timeZone: string,
): string {
  const parts = [`themes: ${fitMrkdwn(describeThemes(sub.themes), 600)}`];
  if (sub.organisations.length > 0) {
    const orgs = describeOrganisations(sub.organisations, words.organisationNames);
    parts.push(`organisations: ${fitMrkdwn(orgs, 800)}`);
  }
  const usual = words.defaultSchedule
    ? `on the usual schedule, ${describeSchedule(words.defaultSchedule, timeZone)}`
    : 'on the usual weekly schedule';
  const daily = describeDaily(sub, words.defaultSchedule?.time ?? null, timeZone);
  const weekly = sub.schedule ? describeSchedule(sub.schedule, timeZone) : usual;
  parts.push(fitMrkdwn(daily ?? weekly, 200));
  if (sub.alerts) parts.push('alerts on');
  if (sub.pausedReason) parts.push(`:pause_button: paused: ${fitMrkdwn(sub.pausedReason, 200)}`);
  return parts.join(' · ');
}

export function renderSubscribedText(
  sub: Subscription,
  created: boolean,
  words: SubscriptionWords,
  timeZone: string,
): string {
  const which = sub.cadence === 'daily' ? 'daily' : 'weekly';
  const head = created
    ? `:white_check_mark: This channel will now receive the ${which} NHS policy catch-up.`
    : ':white_check_mark: Subscription updated.';
  return `${head}\n${describeSubscription(sub, words, timeZone)}`;
}

export function renderSubscriptionLines(
  subs: Subscription[],
  words: SubscriptionWords,
  timeZone: string,
): string[] {
  if (subs.length === 0) return ['No channel in this workspace is subscribed yet.'];
  return [
    `*Subscriptions in this workspace* · ${subs.length}`,
    ...subs.map(
      (s) => `• ${formatChannel(s.channelId)}: ${describeSubscription(s, words, timeZone)}`,
    ),
  ];
}
