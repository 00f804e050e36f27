// One sentence for what a channel's subscription delivers ("the weekly catch-up for carter, stp,
// on Mondays at 08:30 (Europe/London), with alerts"), as Discord and Teams word it. Plain text:
// each renderer escapes it for its own markup. Slack's list form is render-subscriptions.ts.
import type { Subscription } from '../domain.js';
import { describeDaily } from './describe-cadence.js';
import { describeOrganisations, describeSchedule } from './plain-words.js';
import type { SubscriptionWords } from './types.js';

export function describeSubscription(
  s: Subscription,
  words: SubscriptionWords,
  timeZone: string,
): string {
  const themes = s.themes === 'all' ? 'every theme' : s.themes.join(', ');
  const orgs =
    s.organisations.length > 0
      ? `, and stories about ${describeOrganisations(s.organisations, words.organisationNames)}`
      : '';
  const usual = words.defaultSchedule
    ? `, on the usual schedule, ${describeSchedule(words.defaultSchedule, timeZone)}`
    : '';
  const daily = describeDaily(s, words.defaultSchedule?.time ?? null, timeZone);
  const scheduled = s.schedule ? `, ${describeSchedule(s.schedule, timeZone)}` : usual;
  const when = daily ? `, ${daily}` : scheduled;
  const alerts = s.alerts ? ', with alerts' : '';
  return `the ${s.cadence === 'daily' ? 'daily' : 'weekly'} catch-up for ${themes}${orgs}${when}${alerts}`;
}
