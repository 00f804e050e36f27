// What `status` shows about deliveries: per subscribed channel, the last week delivered, parts
// still waiting (or held by a pause) and the last error, which is (in order) the pause reason,
// the reason the latest week was skipped (e.g. missed after downtime beyond the grace period),
// or the outbox's last error; and the parts marked in flight, with who claimed them, whether that
// process is alive and when each will be retried (in-flight-parts.ts). Matches
// CommandDeps.deliveryHealth.
import type { DeliveryHealth } from '../commands/types.js';
import type { ChannelPlatform } from '../domain.js';
import type { Db } from '../store/database.js';
import { getLatestDigestRun } from '../store/digest-runs.js';
import { summariseChannelDeliveries } from '../store/outbox.js';
import { getSubscription, listSubscriptions } from '../store/subscriptions.js';
import type { HostProbe } from './claimant-state.js';
import { currentHostProbe } from './delivery-instance.js';
import { listInFlightParts } from './in-flight-parts.js';

export function listDeliveryHealth(
  db: Db,
  platform: ChannelPlatform,
  workspaceId: string,
  channelId: string | null,
  now: Date = new Date(),
  probe: HostProbe = currentHostProbe(),
): DeliveryHealth[] {
  const subscriptions =
    channelId === null
      ? listSubscriptions(db, platform, workspaceId)
      : [getSubscription(db, { platform, workspaceId, channelId })].filter((s) => s !== null);
  return subscriptions.map((subscription) => {
    const summary = summariseChannelDeliveries(db, subscription);
    const latest = getLatestDigestRun(db, subscription);
    const skipped =
      latest?.status === 'skipped'
        ? `${latest.week} not sent: ${latest.reason ?? 'skipped'}`
        : null;
    return {
      subscription,
      ...summary,
      lastError: subscription.pausedReason ?? skipped ?? summary.lastError,
      inFlight: listInFlightParts(db, { scope: 'channel', channel: subscription }, now, probe),
    };
  });
}
