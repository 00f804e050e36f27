// The two tables behind the chat `email` command (migration NNNN-email-chat.sql): who added each
// email subscription from chat (email_chat_owners, removed with the subscription) and the log of
// confirmation requests per chat channel (email_chat_requests, for the daily limit, pruned after
// two days on each write). Email subscriptions are platform 'email', workspace 'email', channel =
// the address (platforms/email/plugin.ts).
import type { ChannelPlatform, ChannelRef, Subscription } from '../domain.js';
import type { Db } from './database.js';
import { prepareCached } from './prepared.js';
import { getSubscription, listSubscriptions } from './subscriptions.js';

export type ChatChannel = ChannelRef & { userId: string };

export interface EmailOwnerRow extends ChatChannel {
  addedAt: string;
}

const KEEP_REQUESTS_MS = 2 * 86_400_000;

function emailChannel(address: string): ChannelRef {
  return { platform: 'email', workspaceId: 'email', channelId: address };
}

interface OwnerRow {
  platform: string;
  workspace_id: string;
  channel_id: string;
  user_id: string;
  added_at: string;
}

function toOwner(row: OwnerRow): EmailOwnerRow {
  return {
    platform: row.platform as ChannelPlatform,
    workspaceId: row.workspace_id,
    channelId: row.channel_id,
    userId: row.user_id,
    addedAt: row.added_at,
  };
}

/** The chat channel that added the address's subscription, or null. */
export function getEmailOwner(db: Db, address: string): EmailOwnerRow | null {
  const row = prepareCached<[{ address: string }], OwnerRow>(
    db,
    `SELECT o.platform, o.workspace_id, o.channel_id, o.user_id, o.added_at
     FROM email_chat_owners o JOIN subscriptions s ON s.id = o.subscription_id
     WHERE s.platform = 'email' AND s.workspace_id = 'email' AND s.channel_id = @address`,
  ).get({ address });
  return row ? toOwner(row) : null;
}

/** Records (or replaces) the chat channel that added the address's existing subscription. */
export function setEmailOwner(db: Db, address: string, owner: ChatChannel, now: Date): void {
  const subscription = getSubscription(db, emailChannel(address));
  if (!subscription) throw new Error(`store: no email subscription for the address to own`);
  prepareCached<[Record<string, string | number>], unknown>(
    db,
    `INSERT INTO email_chat_owners (subscription_id, platform, workspace_id, channel_id, user_id,
       added_at)
     VALUES (@id, @platform, @workspace, @channel, @user, @at)
     ON CONFLICT (subscription_id) DO UPDATE SET platform = excluded.platform,
       workspace_id = excluded.workspace_id, channel_id = excluded.channel_id,
       user_id = excluded.user_id, added_at = excluded.added_at`,
  ).run({
    id: subscription.id,
    platform: owner.platform,
    workspace: owner.workspaceId,
    channel: owner.channelId,
    user: owner.userId,
    at: now.toISOString(),
  });
}

/** The email subscriptions a chat channel added, by address, with who added each and when. */
export function listEmailsOwnedBy(
  db: Db,
  channel: ChannelRef,
): { subscription: Subscription; owner: EmailOwnerRow }[] {
  const rows = prepareCached<[Record<string, string>], OwnerRow & { address: string }>(
    db,
    `SELECT s.channel_id AS address, o.platform, o.workspace_id, o.channel_id, o.user_id,
       o.added_at
     FROM email_chat_owners o JOIN subscriptions s ON s.id = o.subscription_id
     WHERE o.platform = @platform AND o.workspace_id = @workspace AND o.channel_id = @channel
     ORDER BY s.channel_id`,
  ).all({ platform: channel.platform, workspace: channel.workspaceId, channel: channel.channelId });
  if (rows.length === 0) return [];
  const byAddress = new Map(listSubscriptions(db, 'email', 'email').map((s) => [s.channelId, s]));
  return rows.flatMap((row) => {
    const subscription = byAddress.get(row.address);
    return subscription ? [{ subscription, owner: toOwner(row) }] : [];
  });
}

/** Logs one confirmation request by a chat channel (and prunes requests older than two days). */
export function recordEmailRequest(db: Db, by: ChatChannel, address: string, now: Date): void {
  db.transaction(() => {
    prepareCached<[{ before: string }], unknown>(
      db,
      'DELETE FROM email_chat_requests WHERE requested_at < @before',
    ).run({ before: new Date(now.getTime() - KEEP_REQUESTS_MS).toISOString() });
    prepareCached<[Record<string, string>], unknown>(
      db,
      `INSERT INTO email_chat_requests (platform, workspace_id, channel_id, user_id, address,
         requested_at)
       VALUES (@platform, @workspace, @channel, @user, @address, @at)`,
    ).run({
      platform: by.platform,
      workspace: by.workspaceId,
      channel: by.channelId,
      user: by.userId,
      address,
      at: now.toISOString(),
    });
  })();
}

/** Confirmation requests the chat channel made at or after `since`. */
export function countEmailRequests(db: Db, channel: ChannelRef, since: Date): number {
  const row = prepareCached<[Record<string, string>], { n: number }>(
    db,
    `SELECT count(*) AS n FROM email_chat_requests
     WHERE platform = @platform AND workspace_id = @workspace AND channel_id = @channel
       AND requested_at >= @since`,
  ).get({
    platform: channel.platform,
    workspace: channel.workspaceId,
    channel: channel.channelId,
    since: since.toISOString(),
  });
  return row?.n ?? 0;
}
