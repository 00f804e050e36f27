// digest: this week so far, last week, a past ISO week, future weeks refused, an empty week, and
// the channel's own view (its themes only).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCommandText } from '../../src/commands/run-command.js';
import type { CommandResult } from '../../src/commands/types.js';
import type { Digest } from '../../src/domain.js';
import { recordPollFailure } from '../../src/store/source-state.js';
import { createAppFixture, type AppFixture } from '../helpers/app-fixture.js';
import { sectionLabelOf } from '../../src/digest/section-labels.js';

let app: AppFixture;
beforeEach(() => {
  app = createAppFixture();
});
afterEach(() => app.close());

function digestOf(text: string, overrides = {}): { digest: Digest; partial: boolean } {
  const result: CommandResult = runCommandText(text, app.invocation(overrides), app.deps);
  expect(result.kind, JSON.stringify(result)).toBe('digest');
  return result as Extract<CommandResult, { kind: 'digest' }>;
}

const storyIds = (digest: Digest) => [
  ...(digest.lead?.storyIds ?? []),
  ...digest.sections.flatMap((s) => s.entries.flatMap((e) => e.storyIds)),
];

/**
 * The sections a reader meets a story under, by label: the lead's and folded entries' included
 * (`foldedFrom` holds theme ids, labelled as the renderers label them).
 */
const shownSections = (digest: Digest) => {
  const labelOf = sectionLabelOf(digest);
  return [
    ...new Set([
      ...(digest.lead?.foldedFrom?.split(', ') ?? []).map(labelOf),
      ...digest.sections.flatMap((s) =>
        s.entries.length === 0
          ? [s.label]
          : s.entries.map((e) => (e.foldedFrom ? labelOf(e.foldedFrom) : s.label)),
      ),
    ]),
  ];
};

describe('digest', () => {
  it('this week so far is partial and holds this week’s stories', () => {
    const { digest, partial } = digestOf('digest');
    expect(partial).toBe(true);
    expect(digest.week).toBe('2017-W07');
    expect(digest.title).toBe('Catch up: week of 13 February 2017');
    expect(digest.timeZone).toBe('Europe/London');
    expect(storyIds(digest)).toEqual(
      expect.arrayContaining(['fx-model-hospital', 'fx-procurement-league']),
    );
    expect(storyIds(digest)).not.toContain('fx-carter-anniversary');
  });

  it('last week and a named past week are complete', () => {
    const last = digestOf('digest last');
    expect(last.partial).toBe(false);
    expect(last.digest.week).toBe('2017-W06');
    expect(storyIds(last.digest)).toContain('fx-carter-anniversary');
    expect(digestOf('digest 2017-W06')).toEqual(last);
  });

  it('this week named by its label is still partial', () => {
    expect(digestOf('digest 2017-W07').partial).toBe(true);
  });

  it('last week across a year boundary', () => {
    const { digest } = digestOf('digest last', { now: new Date('2021-01-06T12:00:00Z') });
    expect(digest.week).toBe('2020-W53');
  });

  it('refuses a week that has not happened', () => {
    const result = runCommandText('digest 2017-W08', app.invocation(), app.deps);
    expect(result).toEqual({
      kind: 'error',
      message: '2017-W08 has not happened yet (this is 2017-W07)',
      hint: expect.stringMatching(/digest last/),
    });
    expect(runCommandText('digest 2071-W01', app.invocation(), app.deps).kind).toBe('error');
  });

  it('an empty week is a digest with no sections and no stories', () => {
    const { digest, partial } = digestOf('digest 2015-W30');
    expect(partial).toBe(false);
    expect(digest.storyCount).toBe(0);
    expect(digest.sections).toEqual([]);
    expect(digest.week).toBe('2015-W30');
  });

  it('names sources that could not be checked during the week', () => {
    recordPollFailure(app.db, 'hsj', {
      at: new Date('2017-02-14T09:00:00Z'),
      reason: 'HTTP 503 Service Unavailable',
      nextPollAt: new Date('2017-02-14T10:00:00Z'),
    });
    const { digest } = digestOf('digest');
    expect(digest.coverage.failedSources).toEqual([
      { id: 'hsj', name: expect.stringMatching(/HSJ/), reason: 'HTTP 503 Service Unavailable' },
    ]);
    expect(digestOf('digest last').digest.coverage.failedSources).toEqual([]);
  });

  it('shows a subscribed channel only its themes', () => {
    runCommandText('subscribe stp', app.invocation(), app.deps);
    const { digest } = digestOf('digest');
    const stp = app.deps.themes().find((t) => t.id === 'stp')!.label;
    expect(shownSections(digest)).toEqual([stp]);
    const elsewhere = digestOf('digest', { channelId: 'C-UNSUBSCRIBED' });
    expect(shownSections(elsewhere.digest).length).toBeGreaterThan(1);
  });

  it('puts the organisations a channel follows first', () => {
    runCommandText('subscribe procurement org:"Dudley Group"', app.invocation(), app.deps);
    const { digest } = digestOf('digest');
    // The followed organisation's story leads, and says why.
    expect(digest.lead?.storyIds).toContain('fx-model-hospital');
    expect(digest.lead?.whyItMatters).toContainEqual(
      expect.stringMatching(/^Touches .*Dudley.*, which this channel follows$/),
    );
    const procurement = app.deps.themes().find((t) => t.id === 'procurement')!.label;
    expect(shownSections(digest).filter((l) => l !== 'Organisations you follow')).toEqual(
      expect.arrayContaining([procurement]),
    );
  });

  it('uses the injected time, so BST does not move the week', () => {
    // Sunday 26 March 2017 23:30 BST is still 2017-W12 in London although it is 22:30 UTC.
    const { digest } = digestOf('digest', { now: new Date('2017-03-26T22:30:00Z') });
    expect(digest.week).toBe('2017-W12');
    const monday = digestOf('digest', { now: new Date('2017-03-26T23:30:00Z') });
    expect(monday.digest.week).toBe('2017-W13');
  });
});
