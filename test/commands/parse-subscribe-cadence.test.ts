// `subscribe ... cadence: alerts: now` in Slack's text: the request carries them only when given.
import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../src/commands/parse-command-text.js';
import { vocabulary } from './sample-vocabulary.js';

const parse = (text: string) => parseCommandText(text, vocabulary);

describe('subscribe: cadence, alerts and now', () => {
  it.each([
    ['subscribe carter', {}],
    ['subscribe carter cadence:daily', { cadence: 'daily' }],
    ['subscribe carter cadence:WEEKLY', { cadence: 'weekly' }],
    ['subscribe carter every:daily alerts:on', { cadence: 'daily', alerts: true }],
    ['subscribe carter alerts:off', { alerts: false }],
    ['subscribe carter now', { now: true }],
    ['subscribe all NOW time:07:30', { now: true }],
  ])('%s', (text, extras) => {
    const result = parse(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const {
      command,
      themes: _t,
      organisations: _o,
      schedule: _s,
      ...rest
    } = result.request as {
      command: string;
      themes: unknown;
      organisations: unknown;
      schedule: unknown;
    };
    expect(command).toBe('subscribe');
    expect(rest).toEqual(extras);
  });

  it.each([
    ['subscribe carter cadence:hourly', "unknown cadence 'hourly'", 'cadence:daily'],
    ['subscribe carter cadence:daly', "did you mean 'daily'", 'cadence:weekly'],
    ['subscribe carter alerts:maybe', 'alerts: takes on or off', 'alerts:on'],
    ['subscribe carter cadense:daily', "unknown option 'cadense:'", 'cadence:'],
  ])('%s is refused helpfully', (text, message, hint) => {
    const result = parse(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(`${result.error.message} ${result.error.hint}`).toContain(message);
    expect(`${result.error.message} ${result.error.hint}`).toContain(hint);
  });

  it('now alone still needs themes', () => {
    const result = parse('subscribe now');
    expect(result.ok).toBe(false);
  });
});
