// Status in Discord shows the parts still in flight below the channel's delivery line: who claimed
// each, whether that process is alive, and when the part is retried.
import { describe, expect, it } from 'vitest';
import { renderResult } from '../../../src/platforms/discord/render-result.js';
import { createSearchQueryCache } from '../../../src/platforms/discord/search-paging.js';
import { ALIVE_LINE, DEAD_LINE, inFlightStatus } from '../../commands/in-flight-fixtures.js';

describe('Discord status: parts in flight', () => {
  it('lists each part with its claimant and retry time', () => {
    const [reply] = renderResult(inFlightStatus('discord', '800000000000000001'), {
      cache: createSearchQueryCache(),
      timeZone: 'Europe/London',
    });
    const deliveries = reply!.embeds.find((e) => e.title === 'Deliveries')!;
    expect(deliveries.description!.split('\n')).toEqual([
      '<#800000000000000001>: last digest 2017-W06 (13 Feb 2017), 2 part(s) pending',
      `⚠️ in flight: ${DEAD_LINE}`,
      `⏳ in flight: ${ALIVE_LINE}`,
    ]);
  });
});
