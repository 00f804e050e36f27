// A status result for a channel with two digest parts in flight: one claimed by a process that has
// exited (retried at the next pass), one by a live process (retried when its lease ends).
import type { CommandResult, DeliveryHealth, InFlightPart } from '../../src/commands/types.js';
import type { Platform, Subscription } from '../../src/domain.js';

export function inFlightStatus(platform: Platform, channelId: string): CommandResult {
  const subscription: Subscription = {
    id: 1,
    platform,
    workspaceId: 'T1',
    channelId,
    themes: 'all',
    organisations: [],
    schedule: null,
    createdBy: 'U1',
    createdAt: '2017-02-01T00:00:00.000Z',
    pausedReason: null,
  };
  const part = (over: Partial<InFlightPart>): InFlightPart => ({
    week: '2017-W07',
    channel: { platform, workspaceId: 'T1', channelId },
    index: 1,
    total: 3,
    attempts: 1,
    claimedBy: {
      instanceId: 'ab12cd34',
      hostName: 'bot-1',
      pid: 4242,
      heartbeatAt: '2017-02-20T08:00:00.000Z',
    },
    claimant: 'dead',
    claimantReason: 'pid 4242 on bot-1 has exited',
    retry: 'next-pass',
    retryAt: '2017-02-20T08:01:00.000Z',
    ...over,
  });
  const health: DeliveryHealth = {
    subscription,
    lastDeliveredWeek: '2017-W06',
    lastDeliveredAt: '2017-02-13T08:00:00.000Z',
    pendingParts: 2,
    lastError: null,
    inFlight: [
      part({}),
      part({
        week: '2017-W08',
        index: 0,
        claimedBy: {
          instanceId: 'ef56ab78',
          hostName: 'bot-2',
          pid: 77,
          heartbeatAt: '2017-02-27T08:00:10.000Z',
        },
        claimant: 'alive',
        claimantReason: 'pid 77 on bot-2 is running',
        retry: 'after-lease',
        retryAt: '2017-02-27T08:05:00.000Z',
      }),
    ],
  };
  return { kind: 'status', sources: [], deliveries: [health] };
}

export const DEAD_LINE =
  '2017-W07 part 2 of 3: claimed by instance ab12cd34, dead (pid 4242 on bot-1 has exited); retried at the next delivery pass, after checking the platform for it';
/** Times in Europe/London (GMT in February). */
export const ALIVE_LINE =
  '2017-W08 part 1 of 3: claimed by instance ef56ab78, alive (pid 77 on bot-2 is running); retried from 2017-02-27 08:05 unless it finishes first';
