// The outbox holds weeks ("2026-W49"), days ("2026-12-07") and alert batches ("2026-12-07 alert 1")
// side by side; those labels do not sort in time order, so "latest" and "oldest" follow the order
// the parts were recorded in.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/store/database.js';
import {
  insertParts,
  listDueGroups,
  listParts,
  markFailed,
  summariseChannelDeliveries,
  markSent,
} from '../../src/store/outbox.js';
import { pauseSubscription, resumeSubscription } from '../../src/store/subscriptions.js';
import { CHANNEL, subscribe } from './delivery-fixtures.js';

const T0 = new Date('2026-12-07T08:00:00.000Z');
let db: Db;
afterEach(() => db.close());

function record(label: string, at: Date): void {
  insertParts(
    db,
    [
      {
        week: label,
        channel: CHANNEL,
        index: 0,
        total: 1,
        payload: {},
        text: label,
        key: `k ${label}`,
      },
    ],
    at,
  );
}

describe('outbox labels of several kinds', () => {
  it('delivers in recording order, and a resume requeues the latest recorded', () => {
    db = openDatabase(':memory:');
    subscribe(db, new Date('2026-11-01T00:00:00Z'));
    record('2026-W49', T0); // last week's catch-up, asked for at subscribe
    record('2026-12-07', T0); // then the channel went daily
    expect(listDueGroups(db, T0).map((g) => g.week)).toEqual(['2026-W49', '2026-12-07']);

    for (const label of ['2026-W49', '2026-12-07']) {
      markFailed(db, listParts(db, label, CHANNEL)[0]!.id, 'channel_not_found', T0);
    }
    pauseSubscription(db, CHANNEL, 'channel_not_found', T0);
    expect(resumeSubscription(db, CHANNEL, T0)).toBe(true);
    expect(listParts(db, '2026-12-07', CHANNEL)[0]!.status).toBe('pending');
    expect(listParts(db, '2026-W49', CHANNEL)[0]!.status).toBe('failed');
  });

  it('status names the last catch-up delivered, not an alert', () => {
    db = openDatabase(':memory:');
    subscribe(db, new Date('2026-11-01T00:00:00Z'));
    record('2026-W49', T0);
    record('2026-12-07', T0);
    record('2026-12-07 alert 1', T0);
    for (const label of ['2026-W49', '2026-12-07', '2026-12-07 alert 1']) {
      markSent(db, listParts(db, label, CHANNEL)[0]!.id, `m ${label}`, T0);
    }
    expect(summariseChannelDeliveries(db, CHANNEL).lastDeliveredWeek).toBe('2026-12-07');
  });
});
