// Issue 8, hostile input: every command, through Slack text and Discord options, with FTS5 syntax,
// SQL fragments, huge and empty strings, emoji, RTL and zero-width characters. The parser must
// never throw, and must answer with a request or a short, readable error.
import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../../src/commands/command-specs.js';
import { parseCommandText, type ParsedRequest } from '../../src/commands/parse-command-text.js';
import { requestFromOptions } from '../../src/commands/request-from-options.js';
import { vocabulary } from './sample-vocabulary.js';

export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '"',
  '""',
  '"unterminated phrase',
  'NHS AND (',
  'NEAR(carter stp, 5)',
  'title:carter OR {summary content}:stp',
  '^carter* -',
  '* * *',
  "'; DROP TABLE stories; --",
  "1' OR '1'='1",
  'carter) UNION SELECT * FROM sqlite_master --',
  'a'.repeat(10_000),
  `carter ${'x '.repeat(5_000)}`,
  '🏥💷📉 NHS 🇬🇧',
  '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}',
  'مراجعة كارتر للإنتاجية',
  '\u202Ecarter\u202C \u2066stp\u2069',
  'car\u200Bter\u200C stp\uFEFF',
  '\u0000\u0001\u0007\u001B[31m red',
  '\uD800 lone surrogate \uDC00',
  'theme: source: since: until: org: day: time: page:',
  'theme:"" since:"" page:-1',
  'since:2020-13-45 until:yesterday',
  'page:99999999999999999999',
  'page:1e3 page:NaN',
  '<!channel> <!here> @everyone <@U123> <#C123|general> <!subteam^S123>',
  '<https://evil.example|NHS England>',
  '<script>alert(1)</script>',
  '${process.exit(1)}',
  '__proto__ constructor prototype',
  'org:"__proto__" day:constructor time:toString',
  '\\" \\\\ \\n',
  'ＳＴＰ　ｃａｒｔｅｒ',
];

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
