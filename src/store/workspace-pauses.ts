// Pausing and resuming every subscription of one workspace at once: when a Slack workspace
// uninstalls the app or revokes its token, nothing can be posted there until it installs again.
// A channel already paused for another reason (archived, bot removed) keeps that reason, and a
// resume lifts only the pauses the caller recognises as its own, so an install never hides an
// unrelated problem. Unsent parts are held at once (not at the channel's next turn) and, on
// resume, the latest week's held parts go back to pending (subscriptions.ts resumeSubscription).
import type { ChannelPlatform } from '../domain.js';
import type { Db } from './database.js';
import { holdUnsentParts } from './outbox.js';
import { listSubscriptions, pauseSubscription, resumeSubscription } from './subscriptions.js';

/** Pauses the workspace's active subscriptions with `reason`; returns how many. */
export function pauseWorkspace(
  db: Db,
  platform: ChannelPlatform,
  workspaceId: string,
  reason: string,
  now: Date,
): number {
  return db.transaction(() => {
    const active = listSubscriptions(db, platform, workspaceId).filter(
      (s) => s.pausedReason === null,
    );
    for (const s of active) {
      pauseSubscription(db, s, reason, now);
      holdUnsentParts(db, s, now);
    }
    return active.length;
  })();
}

/** Resumes the workspace's subscriptions whose pause reason `isOwnPause` accepts; returns how many. */
export function resumeWorkspace(
  db: Db,
  platform: ChannelPlatform,
  workspaceId: string,
  isOwnPause: (reason: string) => boolean,
  now: Date,
): number {
  return db.transaction(() => {
    let resumed = 0;
    for (const s of listSubscriptions(db, platform, workspaceId)) {
      if (s.pausedReason !== null && isOwnPause(s.pausedReason) && resumeSubscription(db, s, now))
        resumed += 1;
    }
    return resumed;
  })();
}
