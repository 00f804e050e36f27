// An in-memory chat platform and its DeliveryAdapter (channel platform 'memory', not one of the
// shipped `Platform`s and not in the registry), for tests and the demo.
// It records every message it was asked to post, keyed like a platform keeps Slack metadata or a
// Discord nonce, so findSent behaves like the platforms' own lookup; and it fails on demand:
// transient n times (with Retry-After), permanently, or after accepting a message (the message is
// kept, then the call throws, or runs a `crash` hook that stops the test's process state).
// The platform's state (`MemoryPlatform`) is separate from the adapter so it survives a
// simulated restart: a new adapter over the same platform sees what was posted before.
import type { ChannelRef, Digest } from '../domain.js';
import { renderDigestParts } from '../digest/render-markdown.js';
import type { DeliveryAdapter, OutboundPart, SendContext, SendOutcome } from './adapter.js';

export interface MemoryMessage {
  messageId: string;
  channel: ChannelRef;
  key: string;
  parentMessageId: string | null;
  index: number;
  total: number;
  text: string;
}

export type MemoryFailure =
  | { kind: 'retry'; reason?: string; retryAfterMs?: number | null; rateLimited?: boolean }
  | { kind: 'permanent'; reason: string }
  /** Accepts (records) the message, then throws, or calls `crash` (e.g. closes the database). */
  | { kind: 'crash-after-accept'; crash?: () => void };

export class MemoryPlatform {
  readonly messages: MemoryMessage[] = [];
  private nextId = 1;

  accept(message: Omit<MemoryMessage, 'messageId'>): MemoryMessage {
    const stored = { ...message, messageId: `mem-${this.nextId++}` };
    this.messages.push(stored);
    return stored;
  }

  messagesIn(channel: ChannelRef): MemoryMessage[] {
    return this.messages.filter((m) => sameChannel(m.channel, channel));
  }
}

function sameChannel(a: ChannelRef, b: ChannelRef): boolean {
  return (
    a.platform === b.platform && a.workspaceId === b.workspaceId && a.channelId === b.channelId
  );
}

/** Splits Markdown at blank lines into parts of at most maxChars (longer blocks are cut). */
export function splitMarkdown(markdown: string, maxChars: number): string[] {
  const blocks = markdown.split(/\n{2,}/).flatMap((block) => {
    const pieces: string[] = [];
    for (let i = 0; i < block.length; i += maxChars) pieces.push(block.slice(i, i + maxChars));
    return pieces;
  });
  const parts: string[] = [];
  let current = '';
  for (const block of blocks) {
    const next = current === '' ? block : `${current}\n\n${block}`;
    if (next.length > maxChars && current !== '') {
      parts.push(current);
      current = block;
    } else current = next;
  }
  if (current !== '') parts.push(current);
  return parts;
}

export interface MemoryAdapterOptions {
  platform?: MemoryPlatform;
  /** Characters per message part (default 4000, like a roomy chat message). */
  maxChars?: number;
}

export class MemoryAdapter implements DeliveryAdapter {
  readonly platform = 'memory' as const;
  readonly chat: MemoryPlatform;
  /** Every send and findSent call, in order (for assertions). */
  readonly calls: { op: 'send' | 'findSent'; key: string; outcome: string }[] = [];
  private readonly failures: MemoryFailure[] = [];
  private readonly maxChars: number;

  constructor(options: MemoryAdapterOptions = {}) {
    this.chat = options.platform ?? new MemoryPlatform();
    this.maxChars = options.maxChars ?? 4000;
  }

  /** The next `times` sends fail this way (queued after any failures already planned). */
  failNext(failure: MemoryFailure, times = 1): this {
    for (let i = 0; i < times; i++) this.failures.push(failure);
    return this;
  }

  render(view: Digest): OutboundPart[] {
    // The main part, then its continuations, each cut further only if longer than a message.
    const texts = renderDigestParts(view).flatMap((part) => splitMarkdown(part, this.maxChars));
    return texts.map((text, index) => ({
      index,
      total: texts.length,
      payload: { markdown: text },
      text,
    }));
  }

  async send(channel: ChannelRef, part: OutboundPart, context: SendContext): Promise<SendOutcome> {
    const failure = this.failures.shift();
    if (failure?.kind === 'retry') {
      this.calls.push({ op: 'send', key: context.key, outcome: 'retry' });
      return {
        status: 'retry',
        reason: failure.reason ?? 'rate limited',
        retryAfterMs: failure.retryAfterMs ?? null,
        ...(failure.rateLimited === true ? { rateLimited: true } : {}),
      };
    }
    if (failure?.kind === 'permanent') {
      this.calls.push({ op: 'send', key: context.key, outcome: 'permanent' });
      return { status: 'permanent', reason: failure.reason };
    }
    const message = this.chat.accept({
      channel: { ...channel },
      key: context.key,
      parentMessageId: context.parentMessageId,
      index: part.index,
      total: part.total,
      text: part.text,
    });
    if (failure?.kind === 'crash-after-accept') {
      this.calls.push({ op: 'send', key: context.key, outcome: 'crash-after-accept' });
      failure.crash?.();
      throw new Error('memory adapter: connection lost after the message was accepted');
    }
    this.calls.push({ op: 'send', key: context.key, outcome: 'sent' });
    return { status: 'sent', messageId: message.messageId };
  }

  async findSent(channel: ChannelRef, context: SendContext): Promise<string | null> {
    const found = this.chat.messagesIn(channel).find((m) => m.key === context.key) ?? null;
    this.calls.push({ op: 'findSent', key: context.key, outcome: found ? 'found' : 'none' });
    return found?.messageId ?? null;
  }
}
