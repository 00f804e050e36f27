// Discord v10 wire shapes the fakes share: snowflakes, the bot user, and message objects as
// discord.js expects to parse them (https://discord.com/developers/docs/resources/message).

let snowflakeCounter = 0n;
export function nextSnowflake(): string {
  snowflakeCounter += 1n;
  return (((BigInt(Date.now()) - 1420070400000n) << 22n) + snowflakeCounter).toString();
}

export const FAKE_BOT_USER = {
  id: '900000000000000001',
  username: 'briefing',
  discriminator: '0',
  global_name: null,
  avatar: null,
  bot: true,
};

export interface FakeMessage {
  id: string;
  channel_id: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  nonce: string | null;
  allowed_mentions: unknown;
  flags: number;
}

export function createMessage(
  channelId: string,
  b: Record<string, unknown>,
  nonce: string | null,
): FakeMessage {
  return {
    id: nextSnowflake(),
    channel_id: channelId,
    content: typeof b.content === 'string' ? b.content : '',
    embeds: Array.isArray(b.embeds) ? b.embeds : [],
    components: Array.isArray(b.components) ? b.components : [],
    nonce,
    allowed_mentions: b.allowed_mentions ?? null,
    flags: typeof b.flags === 'number' ? b.flags : 0,
  };
}

export function toWire(msg: FakeMessage): Record<string, unknown> {
  return {
    id: msg.id,
    channel_id: msg.channel_id,
    type: 0,
    author: FAKE_BOT_USER,
    content: msg.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: msg.embeds,
    components: msg.components,
    pinned: false,
    flags: msg.flags,
    ...(msg.nonce !== null ? { nonce: msg.nonce } : {}),
  };
}
