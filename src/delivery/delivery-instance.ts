// This process as a delivery instance: an id, a row in delivery_instances, and a heartbeat written
// every `beatMs` by the injected clock, so another process can tell a claim left by a dead process
// (released at once) from one held by a live process (which keeps its lease).
// Host identity: SQLite's WAL mode needs every process using the database on one host ("WAL does
// not work over a network filesystem", https://www.sqlite.org/wal.html), so pids are usually
// comparable, but containers sharing a volume have separate pid namespaces. The host key is the
// kernel boot id plus the pid namespace (Linux, from /proc), so a pid is only ever checked where
// it means the same process; elsewhere the heartbeat decides (claimant-state.ts).
import { randomUUID } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';
import { hostname, platform } from 'node:os';
import type { Logger } from '../logging.js';
import type { Db } from '../store/database.js';
import {
  insertInstance,
  pruneInstances,
  recordHeartbeat,
  recordStopped,
} from '../store/delivery-instances.js';
import type { HostProbe } from './claimant-state.js';

export interface HostIdentity {
  /** os.hostname(), for people. */
  name: string;
  /** Where `pid` means this process (see the header). */
  key: string;
  pid: number;
}

export interface DeliveryInstanceHandle {
  id: string;
  host: HostIdentity;
  /** Writes the heartbeat now (the timer does it every beatMs). */
  beat(): void;
  /**
   * Stops the heartbeat. `clean` (the default) also records the stop, which tells other processes
   * that nothing this instance claimed is still being sent: only say so once sends have finished.
   */
  stop(options?: { clean: boolean }): void;
}

export interface StartInstanceOptions {
  clock: () => Date;
  /** Heartbeat interval (default 10 s). */
  beatMs?: number;
  /** Default: this process (tests pretend to be another). */
  host?: HostIdentity;
  /** Runs `beat` every `ms`; returns a canceller. Default: an unref'd setInterval. */
  every?: (ms: number, beat: () => void) => () => void;
  logger?: Logger;
}

export const DEFAULT_BEAT_MS = 10_000;
/** Rows of instances silent for longer than this, with no part in flight, are deleted. */
const FORGET_AFTER_MS = 24 * 3_600_000;

/** The kernel's boot id and this process's pid namespace, or the host name off Linux. */
export function currentHostKey(): string {
  try {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return `linux:${boot}:${readlinkSync('/proc/self/ns/pid')}`;
  } catch {
    return `${platform()}:${hostname()}`;
  }
}

export function currentHost(): HostIdentity {
  return { name: hostname(), key: currentHostKey(), pid: process.pid };
}

/** Whether `pid` is a running process here: signal 0 checks without sending anything. */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user. Anything but ESRCH counts as alive (safe).
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

export function currentHostProbe(): HostProbe {
  return { hostKey: currentHostKey(), isRunning: isProcessRunning };
}

const setIntervalUnref = (ms: number, beat: () => void): (() => void) => {
  const timer = setInterval(beat, ms);
  timer.unref();
  return () => clearInterval(timer);
};

/** Registers this process (or `host`) as a delivery instance and starts its heartbeat. */
export function startDeliveryInstance(
  db: Db,
  options: StartInstanceOptions,
): DeliveryInstanceHandle {
  const beatMs = options.beatMs ?? DEFAULT_BEAT_MS;
  const host = options.host ?? currentHost();
  // 48 random bits: a `briefing deliver` a minute keeps about 1,440 rows, so a clash is ~1e-8 a day.
  const id = randomUUID().replaceAll('-', '').slice(0, 12);
  const startedAt = options.clock();
  pruneInstances(db, new Date(startedAt.getTime() - FORGET_AFTER_MS));
  insertInstance(db, {
    id,
    hostName: host.name,
    hostKey: host.key,
    pid: host.pid,
    beatMs,
    startedAt: startedAt.toISOString(),
  });
  let cancel: (() => void) | null = null;
  const beat = (): void => {
    if (!db.open) {
      cancel?.();
      return;
    }
    try {
      recordHeartbeat(db, id, options.clock());
    } catch (error) {
      // A busy database misses one beat; several in a row make others treat us as gone (and
      // then findSent still guards the resend).
      options.logger?.warn({ err: error, instance: id }, 'delivery: heartbeat not written');
    }
  };
  cancel = (options.every ?? setIntervalUnref)(beatMs, beat);
  return {
    id,
    host,
    beat,
    stop({ clean } = { clean: true }) {
      cancel?.();
      cancel = null;
      if (!clean || !db.open) return;
      try {
        recordStopped(db, id, options.clock());
      } catch (error) {
        options.logger?.warn({ err: error, instance: id }, 'delivery: stop not recorded');
      }
    },
  };
}
