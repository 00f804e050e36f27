// Whether the delivery instance that claimed a part is still alive (pure, given a host probe):
// - stopped cleanly: dead (a clean stop comes after its sends were recorded);
// - on this host (same host key, see delivery-instance.ts): its pid decides. A pid that exited is
//   dead at once; a running pid is alive even if its heartbeat is late (a stalled process may
//   still be sending, and a reused pid only means waiting for the lease, as before);
// - elsewhere: dead once MISSED_BEATS of its own beats have passed without a heartbeat;
// - a part claimed before instances were recorded (or by an id no longer known): unknown, and only
//   its lease frees it.
import type { DeliveryInstance } from '../store/delivery-instances.js';

export type ClaimantState = 'alive' | 'dead' | 'unknown';

export interface ClaimantVerdict {
  state: ClaimantState;
  /** Why, for people: "pid 4242 has exited", "no heartbeat since …". */
  reason: string;
}

export interface HostProbe {
  /** This process's host key (delivery-instance.ts currentHostKey). */
  hostKey: string;
  isRunning(pid: number): boolean;
}

/** Heartbeats an instance may miss before it counts as dead. */
export const MISSED_BEATS = 3;

export function judgeClaimant(
  claimedBy: string | null,
  instance: DeliveryInstance | undefined,
  now: Date,
  probe: HostProbe,
): ClaimantVerdict {
  if (claimedBy === null) {
    return { state: 'unknown', reason: 'claimed before instances were recorded' };
  }
  if (instance === undefined) {
    return { state: 'unknown', reason: `instance ${claimedBy} is not recorded` };
  }
  const where = `pid ${instance.pid} on ${instance.hostName}`;
  if (instance.stoppedAt !== null) {
    return { state: 'dead', reason: `${where} stopped at ${instance.stoppedAt}` };
  }
  if (instance.hostKey === probe.hostKey) {
    return probe.isRunning(instance.pid)
      ? { state: 'alive', reason: `${where} is running` }
      : { state: 'dead', reason: `${where} has exited` };
  }
  const silentMs = now.getTime() - Date.parse(instance.heartbeatAt);
  if (silentMs > instance.beatMs * MISSED_BEATS) {
    return {
      state: 'dead',
      reason: `${where}: no heartbeat since ${instance.heartbeatAt} (${MISSED_BEATS} beats missed)`,
    };
  }
  return { state: 'alive', reason: `${where}: heartbeat at ${instance.heartbeatAt}` };
}
