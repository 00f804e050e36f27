// Feed dates to UTC instants.
import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../src/ingest/parse-date.js';

describe('parseFeedDate', () => {
  it.each([
    ['Tue, 14 Feb 2017 09:00:00 GMT', '2017-02-14T09:00:00.000Z'],
    ['Thu, 14 Jul 2016 08:00:00 BST', '2016-07-14T07:00:00.000Z'],
    ['Wed, 30 Mar 2016 14:00:00 +0100', '2016-03-30T13:00:00.000Z'],
    ['2017-02-13T07:00:00.123+01:00', '2017-02-13T06:00:00.123Z'],
    ['2017-02-13 07:00', '2017-02-13T07:00:00.000Z'],
    ['2017-02-13', '2017-02-13T00:00:00.000Z'],
    ['14 February 2017', '2017-02-14T00:00:00.000Z'],
    ['14/02/2017', '2017-02-14T00:00:00.000Z'],
    ['Tuesday, 14 February 2017 09:00', '2017-02-14T09:00:00.000Z'],
    ['yesterday', null],
    ['', null],
  ])('%j -> %j', (raw, iso) => {
    expect(parseFeedDate(raw)?.toISOString() ?? null).toBe(iso);
  });
});

describe('parseFeedDate fast path for the common RFC 822 form', () => {
  // Each must agree with the general path (Date.parse after zone rewriting).
  it.each([
    ['Tue, 14 Feb 2017 09:00:00 GMT', '2017-02-14T09:00:00.000Z'],
    ['14 Feb 2017 09:00 +0000', '2017-02-14T09:00:00.000Z'],
    ['Wed, 30 Mar 2016 14:00:00 -0530', '2016-03-30T19:30:00.000Z'],
    ['Sun, 01 Jan 2023 00:30:00 +0100', '2022-12-31T23:30:00.000Z'],
    ['Tue,14 Feb 2017 09:00:00 UT', '2017-02-14T09:00:00.000Z'],
    ['Thu, 29 Feb 2024 12:00:00 Z', '2024-02-29T12:00:00.000Z'],
  ])('%j -> %j', (raw, iso) => {
    expect(parseFeedDate(raw)?.toISOString()).toBe(iso);
  });

  it('leaves out-of-range days and times to the general path', () => {
    expect(parseFeedDate('Tue, 31 Feb 2017 09:00:00 GMT')?.toISOString()).toBe(
      new Date(Date.parse('Tue, 31 Feb 2017 09:00:00 +0000')).toISOString(),
    );
    expect(parseFeedDate('Tue, 14 Feb 2017 25:00:00 GMT')?.toISOString() ?? null).toBe(
      Number.isFinite(Date.parse('Tue, 14 Feb 2017 25:00:00 +0000'))
        ? new Date(Date.parse('Tue, 14 Feb 2017 25:00:00 +0000')).toISOString()
        : null,
    );
  });
});
