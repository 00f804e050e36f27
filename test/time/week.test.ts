import { describe, expect, it } from 'vitest';
import {
  formatWeek,
  nextWeek,
  parseWeek,
  previousWeek,
  weekOf,
  weekRange,
  weekTitle,
  weeksInYear,
  zonedTimeToUtc,
} from '../../src/time/week.js';

const HOUR = 3_600_000;
const LONDON = 'Europe/London';

describe('weekRange in Europe/London', () => {
  it.each([
    // week, startsAt (UTC), endsAt (UTC), hours
    ['2017-W07', '2017-02-13T00:00:00.000Z', '2017-02-20T00:00:00.000Z', 168],
    // last Sunday of March 2017 is 26 March: clocks go forward, the week is an hour short
    ['2017-W12', '2017-03-20T00:00:00.000Z', '2017-03-26T23:00:00.000Z', 167],
    ['2017-W13', '2017-03-26T23:00:00.000Z', '2017-04-02T23:00:00.000Z', 168],
    // last Sunday of October 2017 is 29 October: clocks go back, the week is an hour long
    ['2017-W43', '2017-10-22T23:00:00.000Z', '2017-10-30T00:00:00.000Z', 169],
    ['2024-W13', '2024-03-25T00:00:00.000Z', '2024-03-31T23:00:00.000Z', 167],
    ['2024-W43', '2024-10-20T23:00:00.000Z', '2024-10-28T00:00:00.000Z', 169],
    ['2026-W13', '2026-03-23T00:00:00.000Z', '2026-03-29T23:00:00.000Z', 167],
    ['2026-W43', '2026-10-18T23:00:00.000Z', '2026-10-26T00:00:00.000Z', 169],
  ])('%s runs %s to %s (%d hours)', (label, startsAt, endsAt, hours) => {
    const parsed = parseWeek(label);
    if (!parsed.ok) throw new Error(parsed.reason);
    const range = weekRange(parsed.week, LONDON);
    expect(range.startsAt.toISOString()).toBe(startsAt);
    expect(range.endsAt.toISOString()).toBe(endsAt);
    expect((range.endsAt.getTime() - range.startsAt.getTime()) / HOUR).toBe(hours);
  });

  it.each([LONDON, 'America/New_York', 'Australia/Sydney', 'UTC', 'America/Santiago'])(
    'consecutive weeks neither overlap nor leave a gap, 2015-2030, in %s',
    (tz) => {
      let week = { year: 2015, week: 1 };
      let previous = weekRange(week, tz);
      let count = 0;
      while (week.year < 2031) {
        week = nextWeek(week);
        const range = weekRange(week, tz);
        expect(range.startsAt.getTime()).toBe(previous.endsAt.getTime());
        const hours = (range.endsAt.getTime() - range.startsAt.getTime()) / HOUR;
        expect([167, 168, 169]).toContain(hours);
        // the first instant of the week is in the week, the last millisecond before is not
        expect(weekOf(range.startsAt, tz)).toEqual(week);
        expect(weekOf(new Date(range.startsAt.getTime() - 1), tz)).toEqual(previousWeek(week));
        previous = range;
        count++;
      }
      expect(count).toBeGreaterThan(800);
    },
  );
});

describe('weekOf', () => {
  it.each([
    // Sunday 23:30 BST is still Sunday in London although it is Sunday 22:30 UTC
    ['2017-10-01T22:30:00Z', LONDON, '2017-W39'],
    // Sunday 23:30 UTC in summer is Monday 00:30 BST: the next week in London
    ['2017-07-02T23:30:00Z', LONDON, '2017-W27'],
    ['2017-07-02T23:30:00Z', 'UTC', '2017-W26'],
    // ISO years differ from calendar years at the edges
    ['2021-01-03T12:00:00Z', LONDON, '2020-W53'],
    ['2019-12-30T12:00:00Z', LONDON, '2020-W01'],
    ['2016-01-01T12:00:00Z', LONDON, '2015-W53'],
  ])('%s in %s is %s', (instant, tz, label) => {
    expect(formatWeek(weekOf(new Date(instant), tz))).toBe(label);
  });
});

describe('week labels', () => {
  it.each([
    ['2017-W07', '2017-W07'],
    ['2017-w7', '2017-W07'],
    ['2017W07', '2017-W07'],
    ['2020-W53', '2020-W53'],
  ])('parses %s as %s', (text, label) => {
    const parsed = parseWeek(text);
    expect(parsed.ok && formatWeek(parsed.week)).toBe(label);
  });

  it.each(['2017-W00', '2017-W53', '2017-07', 'last', ''])('rejects %s', (text) => {
    expect(parseWeek(text).ok).toBe(false);
  });

  it('steps across year ends', () => {
    expect(formatWeek(previousWeek({ year: 2021, week: 1 }))).toBe('2020-W53');
    expect(formatWeek(nextWeek({ year: 2020, week: 53 }))).toBe('2021-W01');
    expect(formatWeek(previousWeek({ year: 2018, week: 1 }))).toBe('2017-W52');
    expect([weeksInYear(2015), weeksInYear(2017), weeksInYear(2020)]).toEqual([53, 52, 53]);
  });

  it('titles the week by its Monday', () => {
    expect(weekTitle({ year: 2017, week: 7 })).toBe('Catch up: week of 13 February 2017');
    expect(weekTitle({ year: 2021, week: 1 })).toBe('Catch up: week of 4 January 2021');
  });
});

describe('zonedTimeToUtc', () => {
  it('resolves skipped and repeated local times', () => {
    // 01:30 on 26 March 2017 does not exist in London: it moves forward to 02:30 BST
    expect(zonedTimeToUtc({ year: 2017, month: 3, day: 26 }, 1, 30, LONDON).toISOString()).toBe(
      '2017-03-26T01:30:00.000Z',
    );
    // Santiago skipped midnight on 13 August 2017: the day starts at 01:00 local (04:00 UTC)
    expect(
      zonedTimeToUtc({ year: 2017, month: 8, day: 13 }, 0, 0, 'America/Santiago').toISOString(),
    ).toBe('2017-08-13T04:00:00.000Z');
    // 01:30 on 29 October 2017 happens twice: the earlier (BST) one
    expect(zonedTimeToUtc({ year: 2017, month: 10, day: 29 }, 1, 30, LONDON).toISOString()).toBe(
      '2017-10-29T00:30:00.000Z',
    );
    expect(zonedTimeToUtc({ year: 2017, month: 2, day: 13 }, 8, 0, LONDON).toISOString()).toBe(
      '2017-02-13T08:00:00.000Z',
    );
  });
});
