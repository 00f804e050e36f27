// Backoff of failing sources and Retry-After parsing.
import { describe, expect, it } from 'vitest';
import { backoffDelayMs, nextAttemptAfterFailure } from '../../src/ingest/backoff.js';
import { parseRetryAfter } from '../../src/ingest/fetch-errors.js';

const MIN = 60_000;

describe('backoff', () => {
  it.each([
    [1, undefined, 30 * MIN],
    [2, undefined, 60 * MIN],
    [3, undefined, 120 * MIN],
    [10, undefined, 1440 * MIN], // capped
    [1, 5 * 60 * MIN, 5 * 60 * MIN], // Retry-After longer than the backoff wins
    [3, 60_000, 120 * MIN], // shorter Retry-After does not shorten the backoff
    [1, 30 * 24 * 60 * MIN, 1440 * MIN], // absurd Retry-After is capped
  ])('failure %i, Retry-After %s -> %i ms', (failures, retryAfter, delay) => {
    expect(backoffDelayMs(failures, 30, 1440, retryAfter)).toBe(delay);
  });

  it('returns the instant of the next attempt', () => {
    const now = new Date('2017-02-14T09:00:00Z');
    expect(nextAttemptAfterFailure(2, 30, 1440, undefined, now).toISOString()).toBe(
      '2017-02-14T10:00:00.000Z',
    );
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2017-02-14T09:00:00Z');
  it.each([
    ['120', 120_000],
    ['0', 0],
    ['Tue, 14 Feb 2017 09:10:00 GMT', 600_000],
    ['Tue, 14 Feb 2017 08:00:00 GMT', 0],
    ['soon', undefined],
    [null, undefined],
  ])('%j -> %s', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });
});
