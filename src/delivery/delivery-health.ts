// What `status` shows about deliveries: per subscribed channel, the last week delivered, parts
// still waiting (or held by a pause) and the last error. Matches CommandDeps.deliveryHealth.
import type { DeliveryHealth } from '../commands/types.js';
import type { Platform } from '../domain.js';
import type { Db } from '../store/database.js';
import { summariseChannelDeliveries } from '../store/outbox.js';
import { getSubscription, listSubscriptions } from '../store/subscriptions.js';

export function listDeliveryHealth(
  db: Db,
  platform: Platform,
  workspaceId: string,
  channelId: string | null,
): DeliveryHealth[] {
  const subscriptions =
    channelId === null
      ? listSubscriptions(db, platform, workspaceId)
      : [getSubscription(db, { platform, workspaceId, channelId })].filter((s) => s !== null);
  return subscriptions.map((subscription) => {
    const summary = summariseChannelDeliveries(db, subscription);
    return {
      subscription,
      ...summary,
      lastError: subscription.pausedReason ?? summary.lastError,
    };
  });
}
