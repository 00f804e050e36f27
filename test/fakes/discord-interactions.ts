// Builders for INTERACTION_CREATE payloads as Discord sends them over the gateway (v10):
// chat input commands (type 2), message components / buttons (type 3) and autocomplete (type 4).
// https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object
import { nextSnowflake } from './discord-rest.js';

export const PERMISSION_MANAGE_CHANNELS = 1n << 4n;
export const PERMISSION_VIEW_AND_SEND = (1n << 10n) | (1n << 11n);

export interface InteractionWhere {
  applicationId: string;
  guildId: string;
  channelId: string;
  userId?: string;
  /** Member permission bits (as Discord computes them for the channel). */
  permissions?: bigint;
}

export type OptionValue = string | number | boolean;

export interface BuiltInteraction {
  id: string;
  token: string;
  payload: Record<string, unknown>;
}

function base(where: InteractionWhere, type: number): BuiltInteraction {
  const id = nextSnowflake();
  const token = `tok-${id}`;
  const userId = where.userId ?? '300000000000000001';
  return {
    id,
    token,
    payload: {
      id,
      application_id: where.applicationId,
      type,
      token,
      version: 1,
      guild_id: where.guildId,
      channel_id: where.channelId,
      channel: {
        id: where.channelId,
        type: 0,
        guild_id: where.guildId,
        name: 'policy-news',
        position: 0,
        permission_overwrites: [],
        nsfw: false,
        parent_id: null,
      },
      member: {
        user: {
          id: userId,
          username: 'policy-lead',
          discriminator: '0',
          global_name: null,
          avatar: null,
        },
        roles: [],
        permissions: String(where.permissions ?? PERMISSION_VIEW_AND_SEND),
        joined_at: '2024-01-01T00:00:00.000Z',
        deaf: false,
        mute: false,
        flags: 0,
      },
      app_permissions: String(PERMISSION_VIEW_AND_SEND | (1n << 14n) | (1n << 16n)),
      locale: 'en-GB',
      guild_locale: 'en-GB',
      entitlements: [],
      authorizing_integration_owners: { '0': where.guildId },
      context: 0,
    },
  };
}

function toOptions(
  options: Record<string, OptionValue>,
  focused?: string,
): Record<string, unknown>[] {
  return Object.entries(options).map(([name, value]) => ({
    name,
    type: typeof value === 'string' ? 3 : typeof value === 'boolean' ? 5 : 4,
    value,
    ...(name === focused ? { focused: true } : {}),
  }));
}

/** `/briefing <subcommand> name:value …` */
export function chatInput(
  where: InteractionWhere,
  subcommand: string,
  options: Record<string, OptionValue> = {},
): BuiltInteraction {
  const built = base(where, 2);
  built.payload.data = {
    id: '600000000000000001',
    name: 'briefing',
    type: 1,
    options: [{ type: 1, name: subcommand, options: toOptions(options) }],
  };
  return built;
}

/** Autocomplete while typing `focused` in `/briefing <subcommand>`. */
export function autocomplete(
  where: InteractionWhere,
  subcommand: string,
  options: Record<string, OptionValue>,
  focused: string,
): BuiltInteraction {
  const built = base(where, 4);
  built.payload.data = {
    id: '600000000000000001',
    name: 'briefing',
    type: 1,
    options: [{ type: 1, name: subcommand, options: toOptions(options, focused) }],
  };
  return built;
}

/** A button press on a message the bot sent (e.g. search paging). */
export function buttonPress(
  where: InteractionWhere,
  customId: string,
  message: Record<string, unknown> = {},
): BuiltInteraction {
  const built = base(where, 3);
  built.payload.data = { custom_id: customId, component_type: 2 };
  built.payload.message = {
    id: nextSnowflake(),
    channel_id: where.channelId,
    type: 20,
    author: {
      id: '900000000000000001',
      username: 'briefing',
      discriminator: '0',
      bot: true,
      avatar: null,
    },
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    flags: 64,
    ...message,
  };
  return built;
}

/** A string select choice on a message the bot sent (component_type 3, the chosen values). */
export function selectChoice(
  where: InteractionWhere,
  customId: string,
  values: string[],
): BuiltInteraction {
  const built = buttonPress(where, customId);
  built.payload.data = { custom_id: customId, component_type: 3, values };
  return built;
}
