// Slack's text field -> CommandRequest: every form in the README, and the helpful errors.
import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../src/commands/parse-command-text.js';
import type { CommandRequest } from '../../src/commands/types.js';
import { vocabulary } from './sample-vocabulary.js';

function request(text: string): CommandRequest {
  const result = parseCommandText(text, vocabulary);
  if (!result.ok) throw new Error(`expected a request for ${text}: ${result.error.message}`);
  return result.request;
}

function error(text: string): { message: string; hint: string | null } {
  const result = parseCommandText(text, vocabulary);
  if (result.ok)
    throw new Error(`expected an error for ${text}: ${JSON.stringify(result.request)}`);
  expect(result.error.kind).toBe('error');
  return result.error;
}

describe('parseCommandText: requests', () => {
  const cases: [string, CommandRequest][] = [
    [
      'subscribe carter stp',
      { command: 'subscribe', themes: ['carter', 'stp'], organisations: [], schedule: null },
    ],
    ['subscribe all', { command: 'subscribe', themes: 'all', organisations: [], schedule: null }],
    [
      'SUBSCRIBE Carter,STP carter',
      { command: 'subscribe', themes: ['carter', 'stp'], organisations: [], schedule: null },
    ],
    [
      'subscribe covid-cip',
      { command: 'subscribe', themes: ['covid_cip'], organisations: [], schedule: null },
    ],
    [
      'subscribe procurement themes:mcp',
      { command: 'subscribe', themes: ['procurement', 'mcp'], organisations: [], schedule: null },
    ],
    [
      'subscribe carter org:"Dudley Group" day:monday time:08:30',
      {
        command: 'subscribe',
        themes: ['carter'],
        organisations: ['Dudley Group'],
        schedule: { day: 1, time: '08:30' },
      },
    ],
    [
      'subscribe carter org:\u201CDudley Group\u201D org:RNA day:fri',
      {
        command: 'subscribe',
        themes: ['carter'],
        organisations: ['Dudley Group', 'RNA'],
        schedule: { day: 5, time: '08:00' },
      },
    ],
    [
      'subscribe org:"Dudley Group; Walsall Healthcare" time:7:05',
      {
        command: 'subscribe',
        themes: [],
        organisations: ['Dudley Group', 'Walsall Healthcare'],
        schedule: { day: 1, time: '07:05' },
      },
    ],
    ['sub stp', { command: 'subscribe', themes: ['stp'], organisations: [], schedule: null }],
    ['unsubscribe', { command: 'unsubscribe' }],
    ['subscriptions', { command: 'subscriptions' }],
    ['digest', { command: 'digest', week: 'this' }],
    ['digest this', { command: 'digest', week: 'this' }],
    ['digest last', { command: 'digest', week: 'last' }],
    ['digest 2017-W07', { command: 'digest', week: '2017-W07' }],
    ['digest 2017-w7', { command: 'digest', week: '2017-W07' }],
    ['digest 2020W53', { command: 'digest', week: '2020-W53' }],
    ['themes', { command: 'themes' }],
    ['status', { command: 'status' }],
    [
      'explain https://www.england.nhs.uk/2016/02/carter-report/',
      { command: 'explain', target: 'https://www.england.nhs.uk/2016/02/carter-report/' },
    ],
    [
      'explain <https://www.hsj.co.uk/a/b|Carter report>',
      { command: 'explain', target: 'https://www.hsj.co.uk/a/b' },
    ],
    [
      'explain <https://www.hsj.co.uk/a/b>',
      { command: 'explain', target: 'https://www.hsj.co.uk/a/b' },
    ],
    ['explain nhse:abc123', { command: 'explain', target: 'nhse:abc123' }],
    [
      'explain https://www.hsj.co.uk/a/b scores:true',
      { command: 'explain', target: 'https://www.hsj.co.uk/a/b', scores: true },
    ],
    [
      'explain scores:yes <https://www.hsj.co.uk/a/b|Carter report>',
      { command: 'explain', target: 'https://www.hsj.co.uk/a/b', scores: true },
    ],
    ['explain nhse:abc123 scores:false', { command: 'explain', target: 'nhse:abc123' }],
    [
      'explain <https://www.gov.uk/x?a=1&amp;b=2|GOV.UK>',
      { command: 'explain', target: 'https://www.gov.uk/x?a=1&b=2' },
    ],
    ['help', { command: 'help', topic: null }],
    ['help search', { command: 'help', topic: 'search' }],
    ['', { command: 'help', topic: null }],
    ['   \u200B  ', { command: 'help', topic: null }],
    ['  \u00A0themes\u00A0 ', { command: 'themes' }],
    ['the\u200Bmes', { command: 'themes' }],
    ['\u202Estatus\u202C', { command: 'status' }],
  ];
  it.each(cases)('%j', (text, expected) => {
    expect(request(text)).toEqual(expected);
  });
});

describe('parseCommandText: helpful errors', () => {
  const cases: [string, RegExp, RegExp | null][] = [
    [
      'subscribe cartr',
      /unknown theme 'cartr' — did you mean 'carter'\? Themes: carter, stp, mcp, procurement, covid_cip/,
      /subscribe all/,
    ],
    ['subscribe', /say which themes/, /subscribe all/],
    ['subscribe carter day:funday', /unknown day 'funday' — did you mean 'sunday'/, /day:monday/],
    ['subscribe carter time:25:00', /'25:00' is not a time/, /HH:MM/],
    ['subscribe carter time:01:30', /clocks change/, /another time/],
    ['subscribe carter colour:blue', /unknown option 'colour:'/, /org:, day:, time:/],
    ['subscribe carter org:', /org: needs a value/, null],
    ['serach nhs', /unknown command 'serach' — did you mean 'search'\?/, /help/],
    ['frobnicate', /unknown command 'frobnicate'/, /Commands: subscribe/],
    ['digest 2017-W54', /2017 has weeks 1 to 52/, /2017-W07/],
    ['digest yesterday', /unknown week 'yesterday'/, /digest last/],
    ['digest last week', /digest does not understand/, /digest last/],
    ['themes please', /themes does not understand 'please'/, /help themes/],
    ['help serch', /no command called 'serch' — did you mean 'search'/, /Commands:/],
    ['explain', /explain needs a story/, /link/],
    ['explain nhse:abc123 scores:maybe', /scores: takes true or false, not 'maybe'/, /scores:true/],
    ['explain scores:true', /explain needs a story/, /link/],
    ['status  extra words', /status does not understand/, null],
  ];
  it.each(cases)('%j', (text, message, hint) => {
    const e = error(text);
    expect(e.message).toMatch(message);
    if (hint) expect(e.hint).toMatch(hint);
  });

  it('refuses text over the limit with its length', () => {
    const e = error(`search ${'a'.repeat(10_000)}`);
    expect(e.message).toMatch(/10007 characters long; the limit is 1000/);
  });

  it('quotes long unknown words shortened', () => {
    const e = error(`subscribe ${'x'.repeat(500)}`);
    expect(e.message.length).toBeLessThan(300);
  });
});

describe('parseCommandText: search', () => {
  const base = {
    terms: [],
    phrases: [],
    excluded: [],
    prefixes: [],
    themes: [],
    sources: [],
    organisations: [],
    since: null,
    until: null,
    limit: 10,
    offset: 0,
  };
  const cases: [string, Record<string, unknown>][] = [
    [
      'search procurement league table theme:carter since:2020-01-01 source:hsj',
      {
        terms: ['procurement', 'league', 'table'],
        themes: ['carter'],
        sources: ['hsj'],
        since: '2020-01-01',
      },
    ],
    [
      'search "league table" -pathology integrat*',
      { phrases: ['league table'], excluded: ['pathology'], prefixes: ['integrat'] },
    ],
    ['search theme:Carter,STP', { themes: ['carter', 'stp'] }],
    ['search theme:covid-cip', { themes: ['covid_cip'] }],
    [
      'search theme:carter week:2017-W07',
      { themes: ['carter'], since: '2017-02-13', until: '2017-02-20' },
    ],
    ['search nhs page:3', { terms: ['nhs'], offset: 20 }],
    [
      'search org:"Dudley Group" until:2018-01-01',
      { organisations: ['Dudley Group'], until: '2018-01-01' },
    ],
    ['find NHS AND ( ', { terms: ['NHS'] }],
    [
      'search procurement &amp; supply &lt;chain&gt;',
      { terms: ['procurement', 'supply', 'chain'] },
    ],
  ];
  it.each(cases)('%j', (text, fields) => {
    expect(request(text)).toEqual({ command: 'search', query: { ...base, ...fields } });
  });

  const errors: [string, RegExp][] = [
    ['search', /search needs some words or a filter/],
    ['search theme:cartre', /unknown theme 'cartre' — did you mean 'carter'\? Themes: carter/],
    [
      'search nhs source:hjs',
      /unknown source 'hjs' — did you mean 'hsj'\? Sources: hsj, nhs-england, dhsc/,
    ],
    ['search nhs since:2020-13-45', /since: expects a date/],
    ['search nhs since:2020-02-01 until:2020-01-01', /is not before until/],
    ['search nhs colour:red', /unknown filter 'colour:'/],
    ['search nhs page:two', /page 'two' is not a page number/],
    ['search nhs page:101', /page '101' is not a page number/],
    ['search " "', /nothing to search for/],
  ];
  it.each(errors)('%j', (text, message) => {
    expect(error(text).message).toMatch(message);
  });
});
