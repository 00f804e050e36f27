// `briefing doctor` for Discord: the bot token (GET /users/@me names the bot) and, for each
// subscribed channel, whether the bot can read it (GET /channels/{id}/messages?limit=1). Discord
// has no read-only "may I post here" call; reading the channel proves it is there and visible,
// and missing Send Messages still shows on the first post (the channel is then paused with the
// reason). Codes: https://discord.com/developers/docs/topics/opcodes-and-status-codes
import { DiscordAPIError, Routes } from 'discord.js';
import type { Env } from '../../config/env.js';
import type { AccessCheck } from '../plugin.js';
import { createDeliveryRest } from './delivery-adapter.js';

const CHANNEL_FIXES: Record<number, string> = {
  10003: 'the channel was deleted: unsubscribe it',
  50001: 'the bot cannot see the channel: give its role View Channel there',
  50013: 'the bot lacks a permission there: give its role Read Message History and Send Messages',
};

function describe(error: unknown): { detail: string; code: number | null } {
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : null;
    return { detail: `Discord answered ${error.status}${code ? ` (code ${code})` : ''}`, code };
  }
  return { detail: error instanceof Error ? error.message : String(error), code: null };
}

export async function checkDiscordAccess(
  env: Pick<Env, 'DISCORD_TOKEN' | 'DISCORD_API_URL'>,
  channelIds: readonly string[],
): Promise<AccessCheck[]> {
  if (!env.DISCORD_TOKEN) {
    return [{ name: 'discord token', status: 'fail', detail: 'DISCORD_TOKEN is not set' }];
  }
  const rest = createDeliveryRest({
    token: env.DISCORD_TOKEN,
    ...(env.DISCORD_API_URL ? { apiUrl: env.DISCORD_API_URL } : {}),
    timeoutMs: 10_000,
  });
  try {
    const me = (await rest.get(Routes.user('@me'))) as { username?: string; id?: string };
    const token: AccessCheck = {
      name: 'discord token',
      status: 'ok',
      detail: `valid for bot ${me.username ?? me.id ?? '?'}`,
    };
    const channels = await Promise.all(
      channelIds.map(async (id): Promise<AccessCheck> => {
        const name = `discord channel ${id}`;
        try {
          await rest.get(Routes.channelMessages(id), {
            query: new URLSearchParams({ limit: '1' }),
          });
          return { name, status: 'ok', detail: 'the bot can read it' };
        } catch (error) {
          const { detail, code } = describe(error);
          const fix = (code !== null && CHANNEL_FIXES[code]) || 'check the token and the network';
          return { name, status: 'fail', detail, fix };
        }
      }),
    );
    return [token, ...channels];
  } catch (error) {
    return [
      {
        name: 'discord token',
        status: 'fail',
        detail: `Discord refused it or could not be reached (${describe(error).detail})`,
        fix: 'reset the bot token in the Developer Portal (Bot > Reset Token) and set DISCORD_TOKEN',
      },
    ];
  }
}
