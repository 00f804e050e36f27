// When a channel's next catch-up is due (time/digest-schedule.ts), weekly and daily, in London
// time across both clock changes. Pure.
import { describe, expect, it } from 'vitest';
import { candidatePeriods, nextDigestPeriod } from '../../src/time/digest-schedule.js';
import { dayRange, parseDayLabel } from '../../src/time/day.js';

const LONDON = 'Europe/London';
const MONDAY_0800 = { day: 1, time: '08:00' };

describe('nextDigestPeriod', () => {
  it.each([
    // from, cadence, schedule, expected label, expected due (UTC)
    ['2026-12-03T12:00:00Z', 'weekly', MONDAY_0800, '2026-W49', '2026-12-07T08:00:00.000Z'],
    // Monday before the digest time: the week that just ended is still to come
    ['2026-12-07T07:59:00Z', 'weekly', MONDAY_0800, '2026-W49', '2026-12-07T08:00:00.000Z'],
    ['2026-12-07T08:01:00Z', 'weekly', MONDAY_0800, '2026-W50', '2026-12-14T08:00:00.000Z'],
    // Friday 16:30: the week that just ended goes out this Friday
    [
      '2026-12-08T10:00:00Z',
      'weekly',
      { day: 5, time: '16:30' },
      '2026-W49',
      '2026-12-11T16:30:00.000Z',
    ],
    // The clocks go forward on Sunday 29 March 2026: Monday 08:00 BST is 07:00 UTC
    ['2026-03-27T12:00:00Z', 'weekly', MONDAY_0800, '2026-W13', '2026-03-30T07:00:00.000Z'],
    ['2026-03-28T12:00:00Z', 'daily', MONDAY_0800, '2026-03-28', '2026-03-29T07:00:00.000Z'],
    ['2026-03-28T07:00:00Z', 'daily', MONDAY_0800, '2026-03-27', '2026-03-28T08:00:00.000Z'],
    // ... and back on Sunday 25 October 2026
    [
      '2026-10-24T12:00:00Z',
      'daily',
      { day: 1, time: '06:45' },
      '2026-10-24',
      '2026-10-25T06:45:00.000Z',
    ],
  ] as const)('from %s (%s) -> %s due %s', (from, cadence, schedule, label, due) => {
    const period = nextDigestPeriod(cadence, schedule, new Date(from), LONDON);
    expect(period.label).toBe(label);
    expect(period.dueAt.toISOString()).toBe(due);
  });
});

describe('candidatePeriods', () => {
  it('daily: the two days before today, oldest first, each a local day long', () => {
    const periods = candidatePeriods(
      'daily',
      MONDAY_0800,
      new Date('2026-03-30T09:00:00Z'),
      LONDON,
    );
    expect(periods.map((p) => [p.label, p.startsAt.toISOString(), p.endsAt.toISOString()])).toEqual(
      [
        ['2026-03-28', '2026-03-28T00:00:00.000Z', '2026-03-29T00:00:00.000Z'],
        // the day the clocks go forward is 23 hours long
        ['2026-03-29', '2026-03-29T00:00:00.000Z', '2026-03-29T23:00:00.000Z'],
      ],
    );
  });

  it('weekly: the two weeks before this one', () => {
    const periods = candidatePeriods(
      'weekly',
      MONDAY_0800,
      new Date('2026-12-03T12:00:00Z'),
      LONDON,
    );
    expect(periods.map((p) => p.label)).toEqual(['2026-W47', '2026-W48']);
  });
});

describe('day labels', () => {
  it('parses valid ISO dates only', () => {
    expect(parseDayLabel('2026-02-28')).toEqual({ year: 2026, month: 2, day: 28 });
    expect(parseDayLabel('2026-02-29')).toBeNull();
    expect(parseDayLabel('2026-W09')).toBeNull();
    expect(dayRange({ year: 2026, month: 10, day: 25 }, LONDON).endsAt.toISOString()).toBe(
      '2026-10-26T00:00:00.000Z',
    );
  });
});
