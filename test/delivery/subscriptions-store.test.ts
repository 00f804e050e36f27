// The subscriptions table (src/store/subscriptions.ts), as CommandDeps.subscriptions uses it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/store/database.js';
import {
  createSubscriptionStore,
  listAllSubscriptions,
  pauseSubscription,
  resumeSubscription,
} from '../../src/store/subscriptions.js';

const T0 = new Date('2017-02-13T09:00:00.000Z');
const T1 = new Date('2017-02-14T09:00:00.000Z');
let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => db.close());

const input = {
  platform: 'slack' as const,
  workspaceId: 'T1',
  channelId: 'C1',
  themes: ['carter', 'stp', 'carter'],
  organisations: ['RNA'],
  schedule: { day: 5, time: '16:30' },
  createdBy: 'U1',
};

describe('subscriptions store', () => {
  it('creates, reads, updates in place and removes by (platform, workspace, channel)', () => {
    const store = createSubscriptionStore(db);
    const created = store.upsert(input, T0);
    expect(created.created).toBe(true);
    expect(created.subscription).toMatchObject({
      platform: 'slack',
      workspaceId: 'T1',
      channelId: 'C1',
      themes: ['carter', 'stp'],
      organisations: ['RNA'],
      schedule: { day: 5, time: '16:30' },
      createdBy: 'U1',
      createdAt: T0.toISOString(),
      pausedReason: null,
    });
    const updated = store.upsert({ ...input, themes: 'all', schedule: null, createdBy: 'U2' }, T1);
    expect(updated.created).toBe(false);
    expect(updated.subscription).toMatchObject({
      id: created.subscription.id,
      themes: 'all',
      schedule: null,
      createdBy: 'U1',
      createdAt: T0.toISOString(),
    });
    expect(store.get('slack', 'T1', 'C1')).toEqual(updated.subscription);
    // the workspace is part of the key
    expect(store.get('slack', 'T2', 'C1')).toBeNull();
    expect(store.get('discord', 'T1', 'C1')).toBeNull();
    store.upsert({ ...input, channelId: 'C0' }, T1);
    store.upsert({ ...input, workspaceId: 'T2' }, T1);
    expect(store.list('slack', 'T1').map((s) => s.channelId)).toEqual(['C0', 'C1']);
    expect(listAllSubscriptions(db).map((s) => `${s.workspaceId}/${s.channelId}`)).toEqual([
      'T1/C0',
      'T1/C1',
      'T2/C1',
    ]);
    expect(store.remove('slack', 'T1', 'C1')).toBe(true);
    expect(store.remove('slack', 'T1', 'C1')).toBe(false);
    expect(store.get('slack', 'T1', 'C1')).toBeNull();
  });

  it('pauses with a reason; resuming or subscribing again lifts it', () => {
    const store = createSubscriptionStore(db);
    store.upsert(input, T0);
    const channel = { platform: 'slack' as const, workspaceId: 'T1', channelId: 'C1' };
    pauseSubscription(db, channel, 'not_in_channel', T1);
    expect(store.get('slack', 'T1', 'C1')!.pausedReason).toBe('not_in_channel');
    expect(resumeSubscription(db, channel, T1)).toBe(true);
    expect(resumeSubscription(db, channel, T1)).toBe(false);
    pauseSubscription(db, channel, 'missing_scope', T1);
    expect(store.upsert(input, T1).subscription.pausedReason).toBeNull();
  });
});
