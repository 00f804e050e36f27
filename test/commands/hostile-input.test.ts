// Issue 8, hostile input: every command, through Slack text and Discord options, with FTS5 syntax,
// SQL fragments, huge and empty strings, emoji, RTL and zero-width characters. The parser must
// never throw, and must answer with a request or a short, readable error.
import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../../src/commands/command-specs.js';
import { parseCommandText, type ParsedRequest } from '../../src/commands/parse-command-text.js';
import { requestFromOptions } from '../../src/commands/request-from-options.js';
import { HOSTILE_STRINGS } from './hostile-strings.js';
import { vocabulary } from './sample-vocabulary.js';

function expectAnswer(result: ParsedRequest): void {
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) {
    expect(() => JSON.stringify(result.request)).not.toThrow();
  } else {
    expect(result.error.kind).toBe('error');
    expect(result.error.message.length).toBeGreaterThan(0);
    expect(result.error.message.length).toBeLessThan(600);
    expect(result.error.hint === null || result.error.hint.length < 600).toBe(true);
  }
}

const prefixes = ['', ...COMMAND_SPECS.map((s) => `${s.name} `)];

describe('hostile Slack text', () => {
  it.each(prefixes)('%j + every hostile string', (prefix) => {
    for (const hostile of HOSTILE_STRINGS) {
      expectAnswer(parseCommandText(`${prefix}${hostile}`, vocabulary));
    }
  });

  it('survives non-string input handed over by a careless caller', () => {
    expectAnswer(parseCommandText(undefined as unknown as string, vocabulary));
    expectAnswer(parseCommandText(42 as unknown as string, vocabulary));
  });

  it('treats an @everyone in a subscribe as an unknown theme', () => {
    const result = parseCommandText('subscribe @everyone', vocabulary);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/unknown theme '@everyone'/);
  });
});

describe('hostile Discord options', () => {
  it.each(COMMAND_SPECS.map((s) => [s.name, s] as const))(
    '%s: every option, every hostile string',
    (_name, spec) => {
      for (const hostile of HOSTILE_STRINGS) {
        expectAnswer(requestFromOptions(spec.name, {}, vocabulary));
        for (const option of spec.options) {
          expectAnswer(requestFromOptions(spec.name, { [option.name]: hostile }, vocabulary));
        }
        expectAnswer(requestFromOptions(hostile, {}, vocabulary));
        expectAnswer(requestFromOptions(spec.name, { [hostile]: hostile }, vocabulary));
      }
    },
  );

  it('handles numbers and booleans where strings are expected', () => {
    expectAnswer(requestFromOptions('search', { words: 123, page: true }, vocabulary));
    expectAnswer(requestFromOptions('digest', { week: Number.NaN }, vocabulary));
    expectAnswer(requestFromOptions('search', { page: Number.POSITIVE_INFINITY }, vocabulary));
  });
});
