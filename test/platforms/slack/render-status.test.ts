// Status in Slack shows the parts still in flight below the channel's delivery line: who claimed
// each, whether that process is alive, and when the part is retried.
import { describe, expect, it } from 'vitest';
import { findLimitProblems } from '../../../src/platforms/slack/block-kit.js';
import { renderSlackResult } from '../../../src/platforms/slack/render-result.js';
import { ALIVE_LINE, DEAD_LINE, inFlightStatus } from '../../commands/in-flight-fixtures.js';
import { collectTexts } from './hostile-text.js';

describe('Slack status: parts in flight', () => {
  it('lists each part with its claimant and retry time', () => {
    const options = { commandName: '/briefing', timeZone: 'Europe/London' };
    const [reply] = renderSlackResult(inFlightStatus('slack', 'C0POLICY1'), options);
    expect(findLimitProblems(reply!)).toEqual([]);
    const lines = collectTexts(reply!).join('\n').split('\n');
    const channel = lines.findIndex((l) => l.startsWith('<#C0POLICY1>: last digest 2017-W06'));
    expect(channel).toBeGreaterThan(0);
    expect(lines.slice(channel + 1, channel + 3)).toEqual([
      `    :warning: in flight: ${DEAD_LINE}`,
      `    :hourglass_flowing_sand: in flight: ${ALIVE_LINE}`,
    ]);
  });
});
