// Discord's typed options must produce exactly what Slack's text produces for the same intent,
// errors included: both go through the same builders.
import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../src/commands/parse-command-text.js';
import { requestFromOptions, type OptionValue } from '../../src/commands/request-from-options.js';
import { COMMAND_SPECS } from '../../src/commands/command-specs.js';
import { vocabulary } from './sample-vocabulary.js';

type Options = Record<string, OptionValue>;

const equivalent: [string, string, Options][] = [
  ['subscribe carter stp', 'subscribe', { themes: 'carter stp' }],
  ['subscribe carter stp', 'subscribe', { themes: 'carter, stp' }],
  ['subscribe all', 'subscribe', { themes: 'all' }],
  [
    'subscribe carter org:"Dudley Group" day:monday time:08:30',
    'subscribe',
    { themes: 'carter', org: 'Dudley Group', day: 'monday', time: '08:30' },
  ],
  ['subscribe org:"Dudley Group; RNA"', 'subscribe', { org: 'Dudley Group; RNA' }],
  ['subscribe stp day:friday', 'subscribe', { themes: 'stp', day: 'friday', time: undefined }],
  [
    'subscribe carter cadence:daily alerts:on now',
    'subscribe',
    { themes: 'carter', cadence: 'daily', alerts: true, now: true },
  ],
  ['subscribe all alerts:off', 'subscribe', { themes: 'all', alerts: false, now: false }],
  ['subscribe all cadence:hourly', 'subscribe', { themes: 'all', cadence: 'hourly' }],
  ['unsubscribe', 'unsubscribe', {}],
  ['subscriptions', 'subscriptions', {}],
  ['themes', 'themes', {}],
  ['status', 'status', {}],
  ['digest', 'digest', {}],
  ['digest', 'digest', { week: 'this' }],
  ['digest last', 'digest', { week: 'last' }],
  ['digest 2017-W07', 'digest', { week: '2017-w7' }],
  ['explain https://www.hsj.co.uk/x', 'explain', { story: 'https://www.hsj.co.uk/x' }],
  [
    'explain https://www.hsj.co.uk/x scores:true',
    'explain',
    { story: 'https://www.hsj.co.uk/x', scores: true },
  ],
  [
    'explain https://www.hsj.co.uk/x scores:false',
    'explain',
    { story: 'https://www.hsj.co.uk/x', scores: false },
  ],
  ['explain x scores:maybe', 'explain', { story: 'x', scores: 'maybe' }],
  ['help', 'help', {}],
  ['help digest', 'help', { command: 'digest' }],
  [
    'search procurement league table theme:carter since:2020-01-01 source:hsj',
    'search',
    { words: 'procurement league table', theme: 'carter', since: '2020-01-01', source: 'hsj' },
  ],
  ['search "league table" page:3', 'search', { words: '"league table"', page: 3 }],
  ['search theme:procurement', 'search', { theme: 'procurement' }],
  ['search trust org:"Dudley Group"', 'search', { words: 'trust', org: 'Dudley Group' }],
  // Errors agree too.
  ['subscribe cartr', 'subscribe', { themes: 'cartr' }],
  ['subscribe carter day:funday', 'subscribe', { themes: 'carter', day: 'funday' }],
  ['subscribe carter time:9pm', 'subscribe', { themes: 'carter', time: '9pm' }],
  ['digest 2017-W60', 'digest', { week: '2017-W60' }],
  ['search nhs theme:stpp', 'search', { words: 'nhs', theme: 'stpp' }],
  ['search nhs source:hjs', 'search', { words: 'nhs', source: 'hjs' }],
  ['search nhs page:0', 'search', { words: 'nhs', page: 0 }],
  ['help serch', 'help', { command: 'serch' }],
];

describe('Slack text and Discord options agree', () => {
  it.each(equivalent)('%j', (text, name, options) => {
    expect(requestFromOptions(name, options, vocabulary)).toEqual(
      parseCommandText(text, vocabulary),
    );
  });
});

describe('requestFromOptions: option names', () => {
  it('reports an option the command does not have', () => {
    const result = requestFromOptions('subscribe', { theme: 'carter' }, vocabulary);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(
        /subscribe has no option 'theme' — did you mean 'themes'\?/,
      );
      expect(result.error.hint).toMatch(/Options: themes, org, day, time/);
    }
  });

  it('reports options on a command that takes none', () => {
    const result = requestFromOptions('status', { verbose: true }, vocabulary);
    expect(result.ok ? null : result.error.hint).toMatch(/takes no options/);
  });

  it('reports an unknown command name', () => {
    const result = requestFromOptions('subscibe', {}, vocabulary);
    expect(result.ok ? null : result.error.message).toMatch(/did you mean 'subscribe'/);
  });

  it('accepts every option the specs declare (what Discord registers)', () => {
    for (const spec of COMMAND_SPECS) {
      for (const option of spec.options) {
        const result = requestFromOptions(spec.name, { [option.name]: undefined }, vocabulary);
        if (!result.ok) expect(result.error.message).not.toMatch(/has no option/);
      }
    }
  });
});
