// Parts marked in flight, with their claimant judged alive or dead (claimant-state.ts):
// - listInFlightParts: what `briefing deliver` and `status` show;
// - releaseDeadClaims: on start and at every outbox pass, parts claimed by a dead instance are
//   made due at once instead of waiting out their lease. The part stays 'sending' with its
//   attempts, so whoever claims it next asks the platform (findSent) before posting again: the
//   dead process may have got the message through before it died. A live claimant keeps its
//   lease; this process's own claims are never touched.
import type { InFlightPart } from '../commands/types.js';
import type { Logger } from '../logging.js';
import type { Db } from '../store/database.js';
import { getInstances } from '../store/delivery-instances.js';
import {
  listSendingParts,
  releaseClaim,
  type SendingFilter,
  type SendingPart,
} from '../store/outbox-claims.js';
import { judgeClaimant, type ClaimantVerdict, type HostProbe } from './claimant-state.js';
import { describeChannel } from './enqueue-digest.js';

interface JudgedPart {
  part: SendingPart;
  verdict: ClaimantVerdict;
}

function judgeSendingParts(
  db: Db,
  filter: SendingFilter,
  now: Date,
  probe: HostProbe,
): { judged: JudgedPart[]; instances: ReturnType<typeof getInstances> } {
  const parts = listSendingParts(db, filter);
  const instances = getInstances(
    db,
    parts.flatMap((p) => (p.claimedBy === null ? [] : [p.claimedBy])),
  );
  const judged = parts.map((part) => ({
    part,
    verdict: judgeClaimant(
      part.claimedBy,
      part.claimedBy === null ? undefined : instances.get(part.claimedBy),
      now,
      probe,
    ),
  }));
  return { judged, instances };
}

export function listInFlightParts(
  db: Db,
  filter: SendingFilter,
  now: Date,
  probe: HostProbe,
): InFlightPart[] {
  const { judged, instances } = judgeSendingParts(db, filter, now, probe);
  return judged.map(({ part, verdict }) => {
    const instance = part.claimedBy === null ? undefined : instances.get(part.claimedBy);
    const leaseOver = Date.parse(part.nextAttemptAt) <= now.getTime();
    const nextPass = verdict.state === 'dead' || leaseOver;
    return {
      week: part.week,
      channel: part.channel,
      index: part.index,
      total: part.total,
      attempts: part.attempts,
      claimedBy: instance
        ? {
            instanceId: instance.id,
            hostName: instance.hostName,
            pid: instance.pid,
            heartbeatAt: instance.heartbeatAt,
          }
        : null,
      claimant: verdict.state,
      claimantReason: verdict.reason,
      retry: nextPass ? 'next-pass' : 'after-lease',
      retryAt: nextPass && !leaseOver ? now.toISOString() : part.nextAttemptAt,
    };
  });
}

/** Makes every part claimed by a dead instance (other than `ownId`) due at `now`; the count. */
export function releaseDeadClaims(
  db: Db,
  now: Date,
  probe: HostProbe,
  ownId: string | null,
  logger?: Logger,
): number {
  const { judged } = judgeSendingParts(db, { scope: 'all' }, now, probe);
  let released = 0;
  for (const { part, verdict } of judged) {
    if (verdict.state !== 'dead' || part.claimedBy === ownId) continue;
    if (!releaseClaim(db, part, `interrupted: ${verdict.reason}`, now)) continue;
    released++;
    logger?.warn(
      {
        platform: part.channel.platform,
        channel: describeChannel(part.channel),
        iso_week: part.week,
        part: part.index,
        instance: part.claimedBy,
        reason: verdict.reason,
      },
      'delivery: released a part left in flight by a dead process',
    );
  }
  return released;
}
