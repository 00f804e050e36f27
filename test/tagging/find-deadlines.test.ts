// Closing dates read from story text (src/tagging/find-deadlines.ts): what is pinned, what is
// refused (no year and ambiguous, seasons, relative phrases, past dates), and hostile long text.
import { describe, expect, it } from 'vitest';
import { findDeadlines } from '../../src/tagging/find-deadlines.js';

const ZONE = 'Europe/London';

function find(summary: string, publishedAt = '2021-11-20T10:00:00.000Z', title = '') {
  return findDeadlines({ title, summary, publishedAt }, ZONE);
}

describe('findDeadlines: pinned dates', () => {
  it.each([
    // text, published, closesOn, closesAt (UTC), kind, phrase
    [
      'The consultation closes on 12 January 2022.',
      '2021-11-20T10:00:00.000Z',
      '2022-01-12',
      '2022-01-12T23:59:00.000Z',
      'consultation',
      'closes on 12 January 2022',
    ],
    [
      'Responses by 5pm on 3 March.',
      '2022-01-20T10:00:00.000Z',
      '2022-03-03',
      '2022-03-03T17:00:00.000Z',
      'other',
      'by 5pm on 3 March',
    ],
    [
      'The consultation runs for eight weeks.',
      '2021-11-20T10:00:00.000Z',
      '2022-01-15',
      '2022-01-15T23:59:00.000Z',
      'consultation',
      'runs for eight weeks',
    ],
    [
      'NHS England has launched a 12-week consultation on the contract.',
      '2017-07-25T09:00:00.000Z',
      '2017-10-17',
      '2017-10-17T22:59:00.000Z',
      'consultation',
      '12-week consultation',
    ],
    [
      'The deadline for submissions is 14 February 2022.',
      '2021-11-20T10:00:00.000Z',
      '2022-02-14',
      '2022-02-14T23:59:00.000Z',
      'other',
      'deadline for submissions is 14 February 2022',
    ],
    [
      'The call for evidence is open until 31 March.',
      '2022-02-01T10:00:00.000Z',
      '2022-03-31',
      '2022-03-31T22:59:00.000Z',
      'call_for_evidence',
      'until 31 March',
    ],
    [
      'Leaders have days to submit proposals before the 31 July deadline.',
      '2017-07-25T09:00:00.000Z',
      '2017-07-31',
      '2017-07-31T22:59:00.000Z',
      'other',
      '31 July deadline',
    ],
    [
      'The tender closes at midnight on Friday 10 December.',
      '2021-11-20T10:00:00.000Z',
      '2021-12-10',
      '2021-12-10T23:59:00.000Z',
      'tender',
      'closes at midnight on Friday 10 December',
    ],
    [
      'Bids must be received no later than 3pm on 6 December 2021.',
      '2021-11-20T10:00:00.000Z',
      '2021-12-06',
      '2021-12-06T15:00:00.000Z',
      'tender',
      'no later than 3pm on 6 December 2021',
    ],
    [
      // Numeric dates are day first (en-GB).
      'Applications close on 03/12/2021.',
      '2021-11-20T10:00:00.000Z',
      '2021-12-03',
      '2021-12-03T23:59:00.000Z',
      'other',
      'close on 03/12/2021',
    ],
    [
      // A year-less date in the new year after a December story: the next occurrence.
      'Views are welcome until 14 January.',
      '2021-12-15T10:00:00.000Z',
      '2022-01-14',
      '2022-01-14T23:59:00.000Z',
      'other',
      'until 14 January',
    ],
  ])('%s', (text, published, closesOn, closesAt, kind, phrase) => {
    expect(find(text, published)).toEqual([{ kind, closesOn, closesAt, timeZone: ZONE, phrase }]);
  });

  it('takes the kind from the headline when the sentence does not say', () => {
    const [found] = find(
      'Responses are due by 5 January 2022.',
      '2021-11-20T10:00:00.000Z',
      'Call for evidence on the NHS workforce plan',
    );
    expect(found?.kind).toBe('call_for_evidence');
  });

  it('reads every field and keeps each (day, kind) once', () => {
    const found = findDeadlines(
      {
        title: 'Consultation closes on 12 January 2022',
        summary: 'The consultation closes on 12 January 2022.',
        content: 'The consultation closes on 12 January 2022. A tender closes on 3 February 2022.',
        publishedAt: '2021-11-20T10:00:00.000Z',
      },
      ZONE,
    );
    expect(found.map((d) => [d.closesOn, d.kind])).toEqual([
      ['2022-01-12', 'consultation'],
      ['2022-02-03', 'tender'],
    ]);
  });
});

describe('findDeadlines: not guessed', () => {
  it.each([
    ['a ward, not something taking responses', 'The ward closes on 3 March 2022.'],
    ['a season', 'The consultation will run in the spring.'],
    ['later this year', 'The consultation will close later this year.'],
    ['a relative phrase', 'The consultation closes in two weeks.'],
    ['tomorrow', 'The consultation closes tomorrow.'],
    ['a weekday alone', 'The consultation closes on Friday.'],
    ['a month alone', 'The consultation closes in March.'],
    ['the end of a month', 'The consultation closes at the end of March.'],
    ['a past deadline', 'The consultation closed on 12 January 2021.'],
    ['a date before publication', 'The consultation closes on 1 November 2021.'],
    ['an agent, not a date', 'The consultation was launched by NHS England on 3 December 2021.'],
    ['a day that does not exist', 'The consultation closes on 31 February 2022.'],
    ['a weekday that does not match', 'The consultation closes on Monday 10 December 2021.'],
    // Published 20 November: 5 October next year is ten months away, more likely a past date.
    ['no year and ambiguous', 'Responses by 5 October.'],
    ['no year and long past', 'Responses were invited until 19 November.'],
    ['too far ahead', 'The consultation closes on 12 January 2030.'],
    ['a duration of no consultation', 'The ward runs for eight weeks.'],
  ])('%s', (_name, text) => {
    expect(find(text)).toEqual([]);
  });

  it('finds nothing without a publication date to count from', () => {
    expect(
      findDeadlines({ title: '', summary: 'Closes on 12 January 2022.', publishedAt: 'x' }, ZONE),
    ).toEqual([]);
  });
});

describe('findDeadlines: hostile text', () => {
  it('reads at most a bounded number of triggers in a long body of them', () => {
    const noise = 'the consultation closes by until deadline 12 12 12 1/1/1 '.repeat(20_000);
    const content = `${noise} The consultation closes on 12 January 2022.`;
    const found = findDeadlines(
      { title: '', summary: '', content, publishedAt: '2021-11-20T10:00:00.000Z' },
      ZONE,
    );
    // At most MAX_TRIGGERS triggers are read per field: the real one, 1.1 MB in, is past them.
    expect(found).toEqual([]);
  });

  it('reads a run of dates after a trigger as one date (chrono never sees the run)', () => {
    const content = `The consultation closes on ${'12 January '.repeat(50_000)}2022.`;
    const found = findDeadlines(
      { title: '', summary: '', content, publishedAt: '2021-11-20T10:00:00.000Z' },
      ZONE,
    );
    expect(found.map((d) => d.closesOn)).toEqual(['2022-01-12']);
  });

  it('is not fooled by long runs without sentence ends or triggers', () => {
    const content = `${'a'.repeat(200_000)} ${' '.repeat(200_000)}${'9'.repeat(100_000)}`;
    expect(
      findDeadlines(
        { title: '', summary: '', content, publishedAt: '2021-11-20T10:00:00.000Z' },
        ZONE,
      ),
    ).toEqual([]);
  });
});
