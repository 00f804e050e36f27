// Status, Discord side, for the parts of a channel's digests still marked in flight (e.g. left by
// a crash): who claimed each, whether that process is alive, and when it will be retried. One line
// each, below the channel's delivery line in render-result.ts's Deliveries embed.
import { describeInFlightPart } from '../../commands/describe-in-flight.js';
import type { DeliveryHealth } from '../../commands/types.js';
import { formatIsoMinute } from '../../text/format-dates.js';
import { fitMarkdown } from './discord-markdown.js';

export function renderInFlightLines(d: DeliveryHealth, timeZone: string): string[] {
  const at = (iso: string) => formatIsoMinute(iso, timeZone);
  return d.inFlight.map((part) => {
    const icon = part.claimant === 'dead' ? '⚠️' : '⏳';
    return `${icon} in flight: ${fitMarkdown(describeInFlightPart(part, at), 400)}`;
  });
}
