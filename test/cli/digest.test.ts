// `briefing digest`, `subscribe` and `deliver` as an operator meets them, over a real database
// file with archived stories and the repository's configuration.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as runBriefing } from '../helpers/run-cli.js';
import { openDatabase } from '../../src/store/database.js';
import { pauseSubscription } from '../../src/store/subscriptions.js';
import { archiveStories, storiesOn } from '../pipeline/job-fixtures.js';

const CONFIG = fileURLToPath(new URL('../../config', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'briefing-cli-digest-'));
const env = {
  LOG_LEVEL: 'silent',
  DATABASE_PATH: join(work, 'briefing.db'),
  DIGESTS_DIR: join(work, 'digests'),
  BRIEFING_CONFIG_DIR: CONFIG,
};

const runCli = (argv: string[]) => runBriefing(argv, env);

beforeAll(() => {
  const db = openDatabase(env.DATABASE_PATH);
  archiveStories(db, storiesOn(['2017-02-14']), new Date('2017-02-15T00:00:00Z'));
  db.close();
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('briefing digest', () => {
  it('reads --week as chat reads a week ("prev", "2017-w7")', async () => {
    const lower = await runCli(['digest', '--week', '2017-w7', '--format', 'json']);
    expect(lower.code).toBe(0);
    expect(JSON.parse(lower.stdout)).toMatchObject({ week: '2017-W07' });
    expect((await runCli(['digest', '--week', 'prev', '--format', 'json'])).code).toBe(0);
  });

  it('prints a past week as Markdown', async () => {
    const { code, stdout } = await runCli(['digest', '--week', '2017-W07']);
    expect(code).toBe(0);
    expect(stdout).toContain('# Catch up: week of 13 February 2017');
    expect(stdout).toContain('Carter productivity review update 0');
  });

  it('prints JSON, and the platform payloads', async () => {
    const json = await runCli(['digest', '--week', '2017-W07', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ week: '2017-W07', storyCount: 2 });
    for (const format of ['slack', 'discord']) {
      const { code, stdout } = await runCli(['digest', '--week', '2017-W07', '--format', format]);
      expect(code).toBe(0);
      const messages = JSON.parse(stdout) as unknown[];
      expect(messages.length).toBeGreaterThan(0);
    }
  });

  it('shows what one subscribed channel receives', async () => {
    const sub = await runCli([
      'subscribe',
      '--platform',
      'memory',
      '--workspace',
      'T1',
      '--channel',
      'C1',
      '--themes',
      'procurement',
    ]);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toMatch(
      /^Subscribed memory:T1:C1: procurement\nYour first catch-up arrives on /,
    );
    const { stdout } = await runCli(['digest', '--week', '2017-W07', '--channel', 'memory:T1:C1']);
    // Its stories lead or sit in sections, each saying it is filed under Procurement.
    expect(stdout).toMatch(/## Procurement|Filed under: Procurement/);
    expect(stdout).not.toContain('## Carter');
    expect(stdout).not.toContain('Filed under: Carter');
  });

  it.each([
    [['digest', '--week', '2017-W99'], /2017 has weeks 1 to 52/],
    [
      ['digest', '--week', '2999-W01'],
      /^briefing: --week: 2999-W01 has not happened yet \(this is \d{4}-W\d\d\)\. Use --week last/,
    ],
    // The messages chat's `digest` gives (commands/digest.ts), with this command's hint.
    [['digest', '--week', 'banana'], /^briefing: --week: unknown week 'banana'\. Use --week last/],
    [['digest', '--format', 'pdf'], /--format must be one of md, json, slack, discord/],
    [['digest', '--channel', 'slack:T9:C9'], /slack:T9:C9 is not subscribed/],
    [['digest', '--week', 'this', '--post'], /--post sends complete weeks only/],
    [
      [
        'subscribe',
        '--platform',
        'memory',
        '--workspace',
        'T1',
        '--channel',
        'C1',
        '--themes',
        'cartr',
      ],
      /did you mean 'carter'/,
    ],
  ])('%j fails with a clear message', async (argv, message) => {
    const { code, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('posts: archives first, and reports channels it cannot reach', async () => {
    const { code, stdout, stderr } = await runCli(['digest', '--week', '2017-W07', '--post']);
    expect(stdout).toContain(join(work, 'digests', '2017', '2017-W07.md'));
    expect(stderr).toContain('memory:T1:C1: no memory adapter here');
    expect(code).toBe(1);
    const deliver = await runCli(['deliver']);
    expect(deliver).toMatchObject({ code: 0 });
    expect(deliver.stdout).toMatch(/^0 sent/);
  });

  it('does not post to a paused channel, and says how to resume it', async () => {
    const db = openDatabase(env.DATABASE_PATH);
    pauseSubscription(
      db,
      { platform: 'memory', workspaceId: 'T1', channelId: 'C1' },
      'channel_not_found',
      new Date('2017-02-20T09:00:00Z'),
    );
    db.close();
    const { code, stderr } = await runCli(['digest', '--week', '2017-W07', '--post']);
    expect(stderr).toContain('memory:T1:C1: paused (channel_not_found); not posted');
    expect(stderr).toContain('subscribe');
    expect(code).toBe(1);
  });
});
