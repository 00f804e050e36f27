// Two questions the Slack app asks Slack before changing a subscription:
// - Is this user a workspace admin? users.info `is_admin` / `is_owner` / `is_primary_owner`
//   (scope users:read). Unknown means "no": a failed check never grants rights.
// - Can the bot post in this channel? conversations.info tells membership (channels:read,
//   groups:read); a public channel it is not in is joined with conversations.join
//   (channels:join). A private channel only reveals itself once the bot is invited, so there the
//   user is asked to `/invite` the bot.
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../logging.js';
import { slackErrorName } from './classify-slack-error.js';

export async function checkWorkspaceAdmin(
  client: webApi.WebClient,
  userId: string,
  logger: Logger,
): Promise<boolean> {
  try {
    const result = await client.users.info({ user: userId });
    const user = result.user;
    return Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
  } catch (error) {
    logger.warn(
      { platform: 'slack', user: userId, error: slackErrorName(error) ?? String(error) },
      'slack: could not check admin status; treating the user as not an admin',
    );
    return false;
  }
}

export type ChannelAccess =
  | { ok: true; joined: boolean }
  | { ok: false; reason: 'invite-needed' | 'archived' | 'unknown'; detail: string };

export async function ensureBotInChannel(
  client: webApi.WebClient,
  channelId: string,
  logger: Logger,
): Promise<ChannelAccess> {
  let isPrivate: boolean | null = null;
  try {
    const info = await client.conversations.info({ channel: channelId });
    if (info.channel?.is_archived) return { ok: false, reason: 'archived', detail: 'is_archived' };
    if (info.channel?.is_member) return { ok: true, joined: false };
    isPrivate = Boolean(info.channel?.is_private || info.channel?.is_im || info.channel?.is_mpim);
  } catch (error) {
    const name = slackErrorName(error);
    // Private channels and DMs the bot is not in look like missing channels.
    if (name === 'channel_not_found') return { ok: false, reason: 'invite-needed', detail: name };
    if (name !== 'missing_scope') return unknown(error, logger, channelId);
  }
  if (isPrivate) return { ok: false, reason: 'invite-needed', detail: 'private channel' };
  try {
    await client.conversations.join({ channel: channelId });
    logger.info({ platform: 'slack', channel: channelId }, 'slack: joined public channel');
    return { ok: true, joined: true };
  } catch (error) {
    const name = slackErrorName(error);
    if (
      name === 'missing_scope' ||
      name === 'method_not_supported_for_channel_type' ||
      name === 'channel_not_found'
    ) {
      return { ok: false, reason: 'invite-needed', detail: name };
    }
    if (name === 'is_archived') return { ok: false, reason: 'archived', detail: name };
    return unknown(error, logger, channelId);
  }
}

function unknown(error: unknown, logger: Logger, channelId: string): ChannelAccess {
  const detail = slackErrorName(error) ?? (error instanceof Error ? error.message : String(error));
  logger.warn(
    { platform: 'slack', channel: channelId, error: detail },
    'slack: channel check failed',
  );
  return { ok: false, reason: 'unknown', detail };
}
