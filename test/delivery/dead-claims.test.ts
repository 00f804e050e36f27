// Crash recovery between processes (issue 12): two "processes" are two connections to one real
// SQLite file, each a delivery instance with its own id and a fake clock. A part claimed by an
// instance that is gone (its pid exited on this host, or it stopped beating elsewhere) is taken
// over at once, through findSent; a live claimant keeps its lease.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryAdapter } from '../../src/delivery/adapter.js';
import type { HostProbe } from '../../src/delivery/claimant-state.js';
import { listDeliveryHealth } from '../../src/delivery/delivery-health.js';
import {
  isProcessRunning,
  startDeliveryInstance,
  type HostIdentity,
} from '../../src/delivery/delivery-instance.js';
import { enqueueDigest } from '../../src/delivery/enqueue-digest.js';
import { MemoryAdapter, MemoryPlatform } from '../../src/delivery/memory-adapter.js';
import type { ChannelPlatform } from '../../src/domain.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { claimPart, listParts } from '../../src/store/outbox.js';
import { CHANNEL, sampleDigest, subscribe, tick } from './delivery-fixtures.js';
import { driveOutbox, GatedAdapter } from './gated-adapter.js';

const T0 = new Date('2017-02-20T08:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const SECOND = 1000;
const adaptersOf = (adapter: DeliveryAdapter) =>
  new Map<ChannelPlatform, DeliveryAdapter>([['memory', adapter]]);
/** The heartbeat is written only when the test says so. */
const noTimer = () => () => undefined;

/** "This" process (B) lives in pid namespace `here`; process A sometimes elsewhere. */
const HERE: HostProbe = { hostKey: 'ns-here', isRunning: isProcessRunning };
const elsewhere: HostIdentity = { name: 'bot-a', key: 'ns-elsewhere', pid: 4242 };

let dir: string;
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

function openProcess(): Db {
  const db = openDatabase(join(dir, 'briefing.db'));
  open.push(db);
  return db;
}

/** A pid that surely belongs to no running process: a child that has exited (and been reaped). */
function exitedPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  expect(child.pid).toBeGreaterThan(0);
  expect(isProcessRunning(child.pid)).toBe(false);
  return child.pid;
}

/**
 * Process A (as `host`) enqueues a one-part digest and dies right after the platform accepted
 * the part: the part is left 'sending', claimed by A. Returns A's instance id and the platform.
 */
async function crashWhileSending(host: HostIdentity) {
  dir = mkdtempSync(join(tmpdir(), 'briefing-dead-claims-'));
  const dbA = openProcess();
  const subscription = subscribe(dbA, T0);
  const chat = new MemoryPlatform();
  const before = new MemoryAdapter({ platform: chat, maxChars: 10_000 });
  enqueueDigest(dbA, { digest: sampleDigest(), subscription, adapter: before, now: T0 });
  const instanceA = startDeliveryInstance(dbA, { clock: () => T0, host, every: noTimer });
  before.failNext({ kind: 'crash-after-accept', crash: () => dbA.close() });
  await expect(tick(dbA, adaptersOf(before), T0, { instance: instanceA })).rejects.toThrow();
  expect(chat.messages).toHaveLength(1);
  return { instanceA, chat };
}

describe('a part left in flight by a dead process', () => {
  it('elsewhere: kept while its heartbeat is recent, taken over once 3 beats are missed', async () => {
    const { instanceA, chat } = await crashWhileSending(elsewhere);
    const dbB = openProcess();
    const [left] = listParts(dbB, '2017-W07', CHANNEL);
    expect(left).toMatchObject({ status: 'sending', attempts: 1, claimedBy: instanceA.id });

    const after = new MemoryAdapter({ platform: chat, maxChars: 10_000 });
    // 20 s after A's last heartbeat (it beats every 10 s): A may still be sending.
    const early = await tick(dbB, adaptersOf(after), at(20 * SECOND), { hostProbe: HERE });
    expect(early).toMatchObject({ released: 0, sent: 0, recovered: 0 });
    const [alive] = listDeliveryHealth(dbB, 'memory', 'T1', 'C1', at(20 * SECOND), HERE);
    expect(alive!.inFlight).toEqual([
      {
        week: '2017-W07',
        channel: CHANNEL,
        index: 0,
        total: 1,
        attempts: 1,
        claimedBy: {
          instanceId: instanceA.id,
          hostName: 'bot-a',
          pid: 4242,
          heartbeatAt: T0.toISOString(),
        },
        claimant: 'alive',
        claimantReason: `pid 4242 on bot-a: heartbeat at ${T0.toISOString()}`,
        retry: 'after-lease',
        retryAt: at(5 * 60 * SECOND).toISOString(),
      },
    ]);

    // 31 s: three beats missed, long before the 5-minute lease. Looked up, not posted again.
    const [dead] = listDeliveryHealth(dbB, 'memory', 'T1', 'C1', at(31 * SECOND), HERE);
    expect(dead!.inFlight[0]).toMatchObject({
      claimant: 'dead',
      claimantReason: `pid 4242 on bot-a: no heartbeat since ${T0.toISOString()} (3 beats missed)`,
      retry: 'next-pass',
      retryAt: at(31 * SECOND).toISOString(),
    });
    const report = await tick(dbB, adaptersOf(after), at(31 * SECOND), { hostProbe: HERE });
    expect(report).toMatchObject({ released: 1, recovered: 1, sent: 0 });
    expect(after.calls.map((c) => c.op)).toEqual(['findSent']);
    expect(chat.messagesIn(CHANNEL)).toHaveLength(1);
    expect(listParts(dbB, '2017-W07', CHANNEL)[0]).toMatchObject({
      status: 'sent',
      messageId: chat.messages[0]!.messageId,
    });
    expect(
      listDeliveryHealth(dbB, 'memory', 'T1', 'C1', at(31 * SECOND), HERE)[0]!.inFlight,
    ).toEqual([]);
  });

  it('on this host: taken over at once when its pid has exited, even with a fresh heartbeat', async () => {
    const { chat } = await crashWhileSending({
      name: 'bot-a',
      key: HERE.hostKey,
      pid: exitedPid(),
    });
    const dbB = openProcess();
    const [health] = listDeliveryHealth(dbB, 'memory', 'T1', 'C1', at(SECOND), HERE);
    expect(health!.inFlight[0]).toMatchObject({ claimant: 'dead', retry: 'next-pass' });
    expect(health!.inFlight[0]!.claimantReason).toMatch(/^pid \d+ on bot-a has exited$/);

    const after = new MemoryAdapter({ platform: chat, maxChars: 10_000 });
    const report = await tick(dbB, adaptersOf(after), at(SECOND), { hostProbe: HERE });
    expect(report).toMatchObject({ released: 1, recovered: 1, sent: 0 });
    expect(chat.messagesIn(CHANNEL)).toHaveLength(1);
    // the reason it was interrupted stays on the part
    expect(listParts(dbB, '2017-W07', CHANNEL)[0]!.lastError).toMatch(/^interrupted: pid \d+/);
  });

  it('on this host: a running pid keeps its lease even when its heartbeat is late', async () => {
    await crashWhileSending({ name: 'bot-a', key: HERE.hostKey, pid: process.pid });
    const dbB = openProcess();
    const after = new MemoryAdapter({ maxChars: 10_000 });
    const report = await tick(dbB, adaptersOf(after), at(2 * 60 * SECOND), { hostProbe: HERE });
    expect(report).toMatchObject({ released: 0, sent: 0, recovered: 0 });
    expect(after.calls).toEqual([]);
    const [health] = listDeliveryHealth(dbB, 'memory', 'T1', 'C1', at(2 * 60 * SECOND), HERE);
    expect(health!.inFlight[0]).toMatchObject({ claimant: 'alive', retry: 'after-lease' });
  });
});

describe('a part claimed before instances were recorded (migration 0006)', () => {
  it('is shown with an unknown claimant and waits for its lease, as before', async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefing-dead-claims-'));
    const db = openProcess();
    const subscription = subscribe(db, T0);
    const adapter = new MemoryAdapter({ maxChars: 10_000 });
    enqueueDigest(db, { digest: sampleDigest(), subscription, adapter, now: T0 });
    const [part] = listParts(db, '2017-W07', CHANNEL);
    expect(claimPart(db, part!, at(5 * 60 * SECOND), T0)).toBe(true);
    const [health] = listDeliveryHealth(db, 'memory', 'T1', 'C1', at(SECOND), HERE);
    expect(health!.inFlight[0]).toMatchObject({
      claimedBy: null,
      claimant: 'unknown',
      retry: 'after-lease',
      retryAt: at(5 * 60 * SECOND).toISOString(),
    });
    const within = await tick(db, adaptersOf(adapter), at(4 * 60 * SECOND), { hostProbe: HERE });
    expect(within).toMatchObject({ released: 0, sent: 0, recovered: 0 });
    const after = await tick(db, adaptersOf(adapter), at(5 * 60 * SECOND), { hostProbe: HERE });
    expect(after).toMatchObject({ released: 0, sent: 1 });
  });
});

describe('a part a live process is sending', () => {
  it('is left alone while the process beats, and is posted once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefing-dead-claims-'));
    const dbA = openProcess();
    const subscription = subscribe(dbA, T0);
    const gated = new GatedAdapter('memory', 10_000);
    enqueueDigest(dbA, { digest: sampleDigest(), subscription, adapter: gated, now: T0 });
    let clockA = T0;
    const instanceA = startDeliveryInstance(dbA, {
      clock: () => clockA,
      host: elsewhere,
      every: noTimer,
    });
    // A's send waits at the gate (a slow platform) while B runs its passes.
    const sending = tick(dbA, adaptersOf(gated), T0, { instance: instanceA, clock: () => clockA });
    while (gated.inFlight === 0) await new Promise((resolve) => setImmediate(resolve));

    const dbB = openProcess();
    const other = new MemoryAdapter({ platform: gated.inner.chat, maxChars: 10_000 });
    clockA = at(25 * SECOND);
    instanceA.beat();
    const report = await tick(dbB, adaptersOf(other), at(50 * SECOND), { hostProbe: HERE });
    expect(report).toMatchObject({ released: 0, sent: 0, recovered: 0 });
    expect(other.calls).toEqual([]);
    const [health] = listDeliveryHealth(dbB, 'memory', 'T1', 'C1', at(50 * SECOND), HERE);
    expect(health!.inFlight[0]).toMatchObject({
      claimant: 'alive',
      claimedBy: { instanceId: instanceA.id, heartbeatAt: at(25 * SECOND).toISOString() },
    });

    expect(await driveOutbox([gated], sending)).toMatchObject({ sent: 1 });
    expect(gated.inner.chat.messagesIn(CHANNEL)).toHaveLength(1);
    expect(listParts(dbB, '2017-W07', CHANNEL)[0]).toMatchObject({ status: 'sent' });
  });

  it('beats on its timer with the injected clock, every 10 s by default, until stopped', () => {
    dir = mkdtempSync(join(tmpdir(), 'briefing-dead-claims-'));
    const db = openProcess();
    let now = T0;
    const timer: { ms?: number; beat?: () => void; cancelled: boolean } = { cancelled: false };
    const instance = startDeliveryInstance(db, {
      clock: () => now,
      host: elsewhere,
      every: (ms, beat) => {
        Object.assign(timer, { ms, beat });
        return () => (timer.cancelled = true);
      },
    });
    const heartbeat = () =>
      (
        db
          .prepare('SELECT heartbeat_at AS at FROM delivery_instances WHERE id = ?')
          .get(instance.id) as { at: string }
      ).at;
    expect(timer.ms).toBe(10_000);
    expect(heartbeat()).toBe(T0.toISOString());
    now = at(10 * SECOND);
    timer.beat!();
    expect(heartbeat()).toBe(at(10 * SECOND).toISOString());
    instance.stop();
    expect(timer.cancelled).toBe(true);
  });

  it('a clean stop is recorded; a stop while sends may be in flight is not', () => {
    dir = mkdtempSync(join(tmpdir(), 'briefing-dead-claims-'));
    const db = openProcess();
    const clean = startDeliveryInstance(db, { clock: () => T0, host: elsewhere, every: noTimer });
    const cut = startDeliveryInstance(db, { clock: () => T0, host: elsewhere, every: noTimer });
    clean.stop();
    cut.stop({ clean: false });
    const rows = db
      .prepare('SELECT id, stopped_at AS stoppedAt FROM delivery_instances ORDER BY id')
      .all() as { id: string; stoppedAt: string | null }[];
    expect(Object.fromEntries(rows.map((r) => [r.id, r.stoppedAt]))).toEqual({
      [clean.id]: T0.toISOString(),
      [cut.id]: null,
    });
  });
});
