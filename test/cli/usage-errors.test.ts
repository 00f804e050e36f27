// Usage errors (issue 12): an unknown command or option, a missing or misplaced value, is one
// line on stderr naming the closest valid name, exit 2, and nothing runs (no config is read).
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';

async function run(argv: string[]) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  err.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  // A config folder that does not exist: a usage error must be found before config is read.
  const code = await main(['--config', '/nonexistent/briefing-config', ...argv], {
    stdout: out,
    stderr: err,
  });
  return { code, stdout, stderr };
}

describe('usage errors', () => {
  it.each([
    [
      ['serach', 'nhs'],
      'unknown command "serach" (did you mean search?); run "briefing --help" for the list',
    ],
    [['frobnicate'], 'unknown command "frobnicate"; run "briefing --help" for the list'],
    [['--hlep'], 'unknown option --hlep (did you mean --help?)'],
    [
      ['discord', 'strat'],
      'unknown discord action "strat" (did you mean start?); use deploy-commands, start, check or invite-url',
    ],
    [['--verbose', 'poll'], 'unknown option --verbose; see "briefing --help"'],
    [['search', 'nhs', '--sinse', '2026-01-01'], 'unknown option --sinse (did you mean --since?)'],
    [['search', 'nhs', '--Json'], 'unknown option --Json (did you mean --json?)'],
    [['poll', '--sorce=x'], 'unknown option --sorce (did you mean --source?)'],
    [['poll', '--conifg', 'x'], 'unknown option --conifg (did you mean --config?)'],
    [['digest', '--weak', 'last'], 'unknown option --weak (did you mean --week?)'],
    [
      ['poll', '-x'],
      'unknown option -x; see "briefing poll --help" (a word starting with - goes after --)',
    ],
    [['poll', '--source'], 'option --source needs a value'],
    [
      ['poll', '--source', '--due'],
      'option --source needs a value (write --source=VALUE for a value starting with -)',
    ],
    [['poll', '--json=yes'], 'option --json takes no value'],
    [
      ['poll', '--\u001b[31mred'],
      'unknown option --?[31mred; see "briefing poll --help" (a word starting with - goes after --)',
    ],
  ])('%j', async (argv, message) => {
    const result = await run(argv);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `briefing: ${message}\n` });
  });

  it('shortens a huge unknown option to one short line', async () => {
    const result = await run(['search', `--${'a'.repeat(10_000)}`]);
    expect(result.code).toBe(2);
    expect(result.stderr.length).toBeLessThan(200);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('still accepts a word starting with - after --, and --help on every command', async () => {
    expect((await run(['poll', '--help'])).code).toBe(0);
    const searched = await run(['search', '--', '-1']);
    // Past option parsing: the missing config folder is what stops it now.
    expect(searched.code).toBe(78);
  });
});
