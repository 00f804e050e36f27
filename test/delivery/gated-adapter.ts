// A delivery adapter for concurrency tests: every send waits at a gate until the test opens it,
// and the adapter records when each send started and ended, how many were in flight at most, and
// what waited at each opening. Behind the gate it is the real MemoryAdapter (messages, findSent),
// and a channel can be made to fail permanently or to throw. Time plays no part: `driveOutbox`
// opens the gate whenever everything runnable has run (one setImmediate), never after a delay.
import type { DeliveryAdapter, OutboundPart, SendContext } from '../../src/delivery/adapter.js';
import { MemoryAdapter } from '../../src/delivery/memory-adapter.js';
import type { ChannelPlatform, ChannelRef, Digest } from '../../src/domain.js';

export type ChannelFault = 'permanent' | 'throw';

export class GatedAdapter implements DeliveryAdapter {
  readonly inner: MemoryAdapter;
  /** "start C1#0" / "end C1#0" (channel id and part index), in the order they happened. */
  readonly events: string[] = [];
  /** How many sends were waiting at each opening of the gate. */
  readonly waves: number[] = [];
  inFlight = 0;
  maxInFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly faults = new Map<string, ChannelFault>();

  constructor(
    readonly platform: ChannelPlatform = 'memory',
    maxChars = 340,
  ) {
    this.inner = new MemoryAdapter({ maxChars });
  }

  /** Every send to this channel fails this way once it passes the gate. */
  fail(channelId: string, fault: ChannelFault): this {
    this.faults.set(channelId, fault);
    return this;
  }

  render(view: Digest): OutboundPart[] {
    return this.inner.render(view);
  }

  findSent(channel: ChannelRef, context: SendContext): Promise<string | null> {
    return this.inner.findSent(channel, context);
  }

  async send(channel: ChannelRef, part: OutboundPart, context: SendContext) {
    const label = `${channel.channelId}#${part.index}`;
    this.events.push(`start ${label}`);
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    try {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      const fault = this.faults.get(channel.channelId);
      if (fault === 'permanent')
        return { status: 'permanent' as const, reason: 'channel_not_found' };
      if (fault === 'throw') throw new Error('socket hang up');
      return await this.inner.send(channel, part, context);
    } finally {
      this.inFlight--;
      this.events.push(`end ${label}`);
    }
  }

  /** Lets every send waiting now go on; returns how many there were. */
  openGate(): number {
    const released = this.waiting.splice(0);
    if (released.length > 0) this.waves.push(released.length);
    for (const resolve of released) resolve();
    return released.length;
  }

  /** The events of one channel, in order. */
  eventsOf(channelId: string): string[] {
    return this.events.filter((e) => e.split(' ')[1]?.startsWith(`${channelId}#`));
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Awaits `work`, opening the adapters' gates each time nothing else can run. */
export async function driveOutbox<T>(
  adapters: readonly GatedAdapter[],
  work: Promise<T>,
): Promise<T> {
  let settled = false;
  const done = work.finally(() => {
    settled = true;
  });
  // Never reached by a working outbox (a few dozen turns suffice); stops a broken one hanging.
  for (let turn = 0; turn < 10_000 && !settled; turn++) {
    await nextTurn();
    for (const adapter of adapters) adapter.openGate();
  }
  if (!settled) throw new Error('gated adapter: the outbox did not finish');
  return done;
}
