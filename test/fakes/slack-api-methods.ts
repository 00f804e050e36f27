// Conversation methods of the fake Slack Web API (chat.postMessage, conversations.history,
// .replies, .join, .info), checked the way Slack checks them. Split from slack-api.ts, which owns
// the HTTP server, tokens, scripted faults and the recorded calls.
import type { FakeChannel, FakeMessage } from './slack-api.js';
import { checkSlackBlocks } from './slack-block-rules.js';

export interface FakeWorld {
  channels: Map<string, FakeChannel>;
  scopes: Set<string>;
  botUserId: string;
  nextTs(): string;
}

export function visibleChannel(world: FakeWorld, id: unknown): FakeChannel | { error: string } {
  const channel = world.channels.get(String(id));
  if (!channel) return { error: 'channel_not_found' };
  if (channel.isPrivate && !channel.members.has(world.botUserId))
    return { error: 'channel_not_found' };
  return channel;
}

export function postMessage(world: FakeWorld, p: Record<string, unknown>): Record<string, unknown> {
  if (!world.scopes.has('chat:write'))
    return { ok: false, error: 'missing_scope', needed: 'chat:write' };
  const channel = visibleChannel(world, p.channel);
  if ('error' in channel) return { ok: false, error: channel.error };
  if (channel.archived) return { ok: false, error: 'is_archived' };
  if (!channel.members.has(world.botUserId)) return { ok: false, error: 'not_in_channel' };
  const text = typeof p.text === 'string' ? p.text : '';
  if (text.trim() === '') return { ok: false, error: 'no_text' };
  if (text.length > 40_000) return { ok: false, error: 'msg_too_long' };
  const blocks = p.blocks === undefined ? [] : p.blocks;
  const problems = checkSlackBlocks(blocks);
  if (problems.length > 0) return { ok: false, error: 'invalid_blocks', errors: problems };
  const threadTs = typeof p.thread_ts === 'string' ? p.thread_ts : null;
  if (threadTs !== null && !channel.messages.some((m) => m.ts === threadTs)) {
    return { ok: false, error: 'thread_not_found' };
  }
  const metadata = p.metadata as FakeMessage['metadata'] | undefined;
  const message: FakeMessage = {
    ts: world.nextTs(),
    threadTs,
    user: world.botUserId,
    text,
    blocks: blocks as unknown[],
    metadata: metadata ?? null,
  };
  channel.messages.push(message);
  return {
    ok: true,
    channel: channel.id,
    ts: message.ts,
    message: { type: 'message', text, ts: message.ts },
  };
}

export function history(world: FakeWorld, p: Record<string, unknown>): Record<string, unknown> {
  const channel = visibleChannel(world, p.channel);
  if ('error' in channel) return { ok: false, error: channel.error };
  const scope = channel.isPrivate ? 'groups:history' : 'channels:history';
  if (!world.scopes.has(scope)) return { ok: false, error: 'missing_scope', needed: scope };
  if (!channel.members.has(world.botUserId)) return { ok: false, error: 'not_in_channel' };
  const limit = Math.min(Number(p.limit ?? 100) || 100, 999);
  const withMeta = p.include_all_metadata === true || p.include_all_metadata === 'true';
  // Like Slack: newest first, top-level messages only (thread replies need conversations.replies).
  const messages = channel.messages
    .filter((m) => m.threadTs === null)
    .slice()
    .reverse()
    .slice(0, limit)
    .map((m) => ({
      type: 'message',
      ts: m.ts,
      user: m.user,
      text: m.text,
      ...(withMeta && m.metadata ? { metadata: m.metadata } : {}),
    }));
  return { ok: true, messages, has_more: false };
}

export function replies(world: FakeWorld, p: Record<string, unknown>): Record<string, unknown> {
  const channel = visibleChannel(world, p.channel);
  if ('error' in channel) return { ok: false, error: channel.error };
  if (!channel.members.has(world.botUserId)) return { ok: false, error: 'not_in_channel' };
  const parent = channel.messages.find((m) => m.ts === p.ts);
  if (!parent) return { ok: false, error: 'thread_not_found' };
  const withMeta = p.include_all_metadata === true || p.include_all_metadata === 'true';
  // Like Slack: the parent first, then replies oldest first.
  const messages = [parent, ...channel.messages.filter((m) => m.threadTs === parent.ts)].map(
    (m) => ({
      type: 'message',
      ts: m.ts,
      thread_ts: parent.ts,
      text: m.text,
      ...(withMeta && m.metadata ? { metadata: m.metadata } : {}),
    }),
  );
  return { ok: true, messages, has_more: false };
}

export function join(world: FakeWorld, p: Record<string, unknown>): Record<string, unknown> {
  if (!world.scopes.has('channels:join'))
    return { ok: false, error: 'missing_scope', needed: 'channels:join' };
  const channel = visibleChannel(world, p.channel);
  if ('error' in channel) return { ok: false, error: channel.error };
  if (channel.isPrivate) return { ok: false, error: 'method_not_supported_for_channel_type' };
  if (channel.archived) return { ok: false, error: 'is_archived' };
  const already = channel.members.has(world.botUserId);
  channel.members.add(world.botUserId);
  return {
    ok: true,
    channel: { id: channel.id },
    ...(already ? { warning: 'already_in_channel' } : {}),
  };
}

export function info(world: FakeWorld, p: Record<string, unknown>): Record<string, unknown> {
  const channel = visibleChannel(world, p.channel);
  if ('error' in channel) return { ok: false, error: channel.error };
  return {
    ok: true,
    channel: {
      id: channel.id,
      name: channel.name,
      is_private: channel.isPrivate,
      is_archived: channel.archived,
      is_member: channel.members.has(world.botUserId),
    },
  };
}
