// Theme words on the command line, as a newcomer types them (through the real CLI, over a real
// database): `correct REF -carter` with the options in any order (and the --help form with --),
// the whole unknown token echoed, `deadlines --themes` checking themes as every other command
// does, and the subscribe time errors reading as two sentences.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as runBriefing } from '../helpers/run-cli.js';
import { createAppFixture, type AppFixture } from '../helpers/app-fixture.js';
import { listRecentCorrections } from '../../src/store/corrections.js';

let app: AppFixture;
beforeAll(() => {
  app = createAppFixture({ storage: 'file' });
});
afterAll(() => app?.close());

const runCli = (argv: string[]) => runBriefing(argv, { DATABASE_PATH: app.path });
const STORY = 'fx-procurement-league';
const DID_YOU_MEAN = "unknown theme 'cartr' — did you mean 'carter'? Themes: carter,";

/** The themes the workspace's corrections removed and added, newest first. */
const correctionsIn = (workspaceId: string) =>
  listRecentCorrections(app.db, { platform: 'slack', workspaceId }, 10).map(
    (c) => `${c.action === 'add' ? '+' : '-'}${c.theme}`,
  );

describe('briefing correct', () => {
  it.each([
    ['after the reference', [STORY, '-carter', '--platform', 'slack', '--workspace', 'T1']],
    ['among the options', ['--platform', 'slack', '-carter', '--workspace', 'T2', STORY]],
    [
      'after --, as --help showed',
      ['--', STORY, '-carter', '--platform', 'slack', '--workspace', 'T3'],
    ],
    ['with +theme', [STORY, '--workspace', 'T4', '+stp', '-carter', '--platform', 'slack']],
  ])('reads -carter %s', async (_, args) => {
    const workspace = args[args.indexOf('--workspace') + 1]!;
    const run = await runCli(['correct', ...args]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('-carter');
    expect(correctionsIn(workspace)).toContain('-carter');
  });

  it.each([
    [[STORY, '-cartr', '--platform', 'slack', '--workspace', 'T1'], DID_YOU_MEAN],
    [
      [STORY, '-platform', 'slack', '--workspace', 'T1'],
      'unknown option -platform (did you mean --platform?)',
    ],
    [
      [STORY, '-carter', '--platfrom', 'slack'],
      'unknown option --platfrom (did you mean --platform?)',
    ],
  ])('%j fails with the whole word named', async (args, message) => {
    const run = await runCli(['correct', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`briefing: ${message}`);
  });

  it('lists every platform in --help, and shows the working order', async () => {
    const { code, stdout } = await runCli(['correct', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('slack, discord, teams, teams-webhook, email (or memory');
    expect(stdout).toContain('briefing correct g_998f7885 -carter +procurement --platform slack');
  });
});

describe('unknown options elsewhere', () => {
  it('echo the whole word, not its first letter', async () => {
    const run = await runCli(['search', 'nhs', '-carter']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^briefing: unknown option -carter;/);
  });
});

describe('briefing deadlines --themes', () => {
  it('refuses an unknown theme as every other command does', async () => {
    const run = await runCli(['deadlines', '--themes', 'cartr']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain(`briefing: ${DID_YOU_MEAN}`);
  });

  it('accepts theme ids and names', async () => {
    for (const themes of ['carter', 'Carter,stp']) {
      expect((await runCli(['deadlines', '--themes', themes])).code).toBe(0);
    }
  });
});

describe('briefing subscribe --time', () => {
  it.each([
    ['25:00', "'25:00' is not a time. Use 24-hour HH:MM"],
    ['01:30', "'01:30' falls in the hour the clocks change. Times from 01:00"],
  ])('%s: the message and the hint are two sentences', async (time, message) => {
    const run = await runCli([
      'subscribe',
      '--platform',
      'memory',
      '--workspace',
      'T1',
      '--channel',
      'C1',
      '--time',
      time,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
