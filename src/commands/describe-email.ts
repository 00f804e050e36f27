// The `email` command's answers in plain words (no platform markup): a title and lines that Slack,
// Discord and Teams each escape and lay out their own way, so the three say the same thing.
// `public`: the answer tells the channel its catch-up now also goes to an address (or no longer
// does); lists and refusals are for the asker only.
import { formatDay } from '../text/format-dates.js';
import type { EmailResult } from './email-types.js';
import type { Subscription } from '../domain.js';

export interface EmailAnswer {
  title: string;
  lines: string[];
  public: boolean;
}

export function describeEmailResult(result: EmailResult, timeZone: string): EmailAnswer {
  switch (result.kind) {
    case 'email-added':
      return describeAdded(result);
    case 'email-removed':
      return result.removed
        ? {
            title: 'Email removed',
            lines: [`${result.address} will no longer get the catch-up.`],
            public: true,
          }
        : {
            title: 'Nothing removed',
            lines: [
              `${result.address} was not added from this channel, so there was nothing to remove.`,
            ],
            public: false,
          };
    case 'email-list':
      return {
        title: 'Email addresses added here',
        lines:
          result.recipients.length === 0
            ? ['None yet: add one with email add followed by the address.']
            : result.recipients.map(
                (r) =>
                  `${r.subscription.channelId}: ${describeWhat(r.subscription)}; ${describeState(r.subscription, r.awaitingConfirmation)}; added by ${r.addedBy} on ${formatDay(r.addedAt, timeZone, true)}`,
              ),
        public: false,
      };
  }
}

function describeAdded(result: Extract<EmailResult, { kind: 'email-added' }>): EmailAnswer {
  const what = describeWhat(result.subscription);
  switch (result.confirmation.status) {
    case 'sent':
      return {
        title: 'Confirmation sent',
        lines: [
          `A confirmation mail went to ${result.address} (${what}).`,
          'Nothing is delivered until the recipient confirms it.',
        ],
        public: true,
      };
    case 'failed':
      return {
        title: 'Confirmation not sent',
        lines: [
          `${result.address} is added (${what}), but the confirmation mail could not be sent: ${result.confirmation.reason}.`,
          'Nothing is delivered until the recipient confirms; run the same `email add` again to retry.',
        ],
        public: false,
      };
    case 'not-needed':
      return {
        title: 'Email updated',
        lines: [`${result.address} now gets ${what}.`],
        public: true,
      };
  }
}

function describeWhat(sub: Subscription): string {
  const themes = sub.themes === 'all' ? 'all themes' : sub.themes.join(', ');
  return `${sub.cadence === 'daily' ? 'the daily catch-up' : 'the weekly catch-up'} of ${themes}`;
}

function describeState(sub: Subscription, awaiting: boolean): string {
  if (awaiting) return 'waiting for the recipient to confirm';
  return sub.pausedReason ? `paused: ${sub.pausedReason}` : 'confirmed, receiving';
}
