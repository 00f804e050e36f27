// The chat commands' view of the store, as main.ts wires it: `status` reports why a channel's
// digest did not arrive (a pause, or a week skipped after downtime), not only outbox errors.
import { afterEach, describe, expect, it } from 'vitest';
import { recordDigestRun } from '../../src/store/digest-runs.js';
import { pauseSubscription, upsertSubscription } from '../../src/store/subscriptions.js';
import { createAppFixture, type AppFixture } from '../helpers/app-fixture.js';

let app: AppFixture | undefined;
afterEach(() => app?.close());

const CHANNEL = { platform: 'slack', workspaceId: 'T-FIXTURE', channelId: 'C-FIXTURE' } as const;

function subscribed(): AppFixture {
  app = createAppFixture({ stories: [] });
  upsertSubscription(
    app.db,
    { ...CHANNEL, themes: 'all', organisations: [], schedule: null, createdBy: 'U1' },
    app.now,
  );
  return app;
}

describe('deliveryHealth', () => {
  it('gives a week skipped after downtime as the last error', () => {
    const { db, deps, now } = subscribed();
    recordDigestRun(db, {
      week: '2017-W06',
      channel: CHANNEL,
      status: 'skipped',
      reason: 'missed by more than 24 hours',
      dueAt: now.toISOString(),
      decidedAt: now.toISOString(),
    });
    const [health] = deps.deliveryHealth('slack', 'T-FIXTURE', 'C-FIXTURE');
    expect(health?.lastError).toBe('2017-W06 not sent: missed by more than 24 hours');
  });

  it('gives the pause reason first', () => {
    const { db, deps, now } = subscribed();
    pauseSubscription(db, CHANNEL, 'channel_not_found', now);
    const health = deps.deliveryHealth('slack', 'T-FIXTURE', null);
    expect(health.map((h) => h.lastError)).toEqual(['channel_not_found']);
  });
});
