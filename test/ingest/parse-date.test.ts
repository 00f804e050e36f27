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
