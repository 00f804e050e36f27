// Readers' corrections in `briefing digest` through the real CLI: `--channel` prints what that
// channel receives, so a workspace's corrections file its stories there (as the weekly job files
// them), and `--post` sends each channel the digest with its own workspace's corrections (a
// Teams Workflows webhook on loopback receives the cards). Other workspaces keep the rules' view.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Digest } from '../../src/domain.js';
import { runCli as runBriefing } from '../helpers/run-cli.js';
import { createAppFixture, type AppFixture } from '../helpers/app-fixture.js';
import { cardTexts } from '../platforms/teams/teams-harness.js';

const STORY = 'fx-procurement-league';
const TITLE = 'First procurement league table ranks trusts on how they buy';
let app: AppFixture;
let server: Server;
let hookUrl = '';
const work = mkdtempSync(join(tmpdir(), 'briefing-cli-digest-corrections-'));
const received: Record<string, unknown>[] = [];

beforeAll(async () => {
  app = createAppFixture({ storage: 'file' });
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push(JSON.parse(body) as Record<string, unknown>);
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/workflows/abc/triggers/manual/paths/invoke?sig=secret`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  app?.close();
  rmSync(work, { recursive: true, force: true });
});

const runCli = (argv: string[]) =>
  runBriefing(argv, {
    DATABASE_PATH: app.path,
    DIGESTS_DIR: join(work, 'digests'),
    TEAMS_WEBHOOKS: 'on',
  });

/** The themes (section ids and "also in") a channel's view files the story under. */
const themesOf = (view: Digest, id: string) =>
  [...(view.lead && view.lead.storyIds.includes(id) ? [view.lead] : [])]
    .flatMap((lead) => ['lead', ...(lead.alsoIn ?? [])])
    .concat(
      view.sections.flatMap((s) =>
        s.entries
          .filter((e) => e.storyIds.includes(id))
          .flatMap((e) => [s.themeId, ...(e.alsoIn ?? [])]),
      ),
    );

async function subscribe(platform: string, workspace: string, channel: string, themes: string) {
  const argv = ['subscribe', '--platform', platform, '--channel', channel, '--themes', themes];
  if (workspace !== '') argv.push('--workspace', workspace);
  const run = await runCli(argv);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
}

/** A reader in `workspace` says the story is not about Carter. */
async function removeCarter(platform: string, workspace: string) {
  const argv = ['correct', STORY, '--remove', 'carter', '--platform', platform];
  const corrected = await runCli([...argv, '--workspace', workspace]);
  expect(corrected.code).toBe(0);
}

async function preview(channel: string): Promise<Digest> {
  const run = await runCli([
    'digest',
    '--week',
    '2017-W07',
    '--channel',
    channel,
    '--format',
    'json',
  ]);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Digest;
}

describe('briefing digest with readers corrections', () => {
  it('--channel prints the digest filed by that workspace’s corrections', async () => {
    await subscribe('memory', 'W-CORRECTED', 'C1', 'all');
    await subscribe('memory', 'W-OTHER', 'C1', 'all');
    expect(themesOf(await preview('memory:W-CORRECTED:C1'), STORY)).toContain('carter');
    await removeCarter('memory', 'W-CORRECTED');

    const mine = themesOf(await preview('memory:W-CORRECTED:C1'), STORY);
    expect(mine).not.toEqual([]);
    expect(mine).not.toContain('carter');
    expect(themesOf(await preview('memory:W-OTHER:C1'), STORY)).toContain('carter');
    // The Markdown preview says the same.
    const md = await runCli(['digest', '--week', '2017-W07', '--channel', 'memory:W-CORRECTED:C1']);
    const block = md.stdout.slice(md.stdout.indexOf(TITLE)).split('\n\n')[0]!;
    expect(block).toContain(TITLE);
    expect(block).not.toMatch(/Filed under:[^\n]*Carter/);
  });

  it('--post sends each channel its workspace’s corrected digest', async () => {
    await subscribe('teams-webhook', '', hookUrl, 'carter');
    const channel = `teams-webhook:webhook:${hookUrl}`;
    // Before the correction, this Carter-only channel would be sent the story.
    expect(themesOf(await preview(channel), STORY)).not.toEqual([]);
    await removeCarter('teams-webhook', 'webhook');

    const posted = await runCli(['digest', '--week', '2017-W07', '--post', '--channel', channel]);
    expect(posted.stderr).toBe('');
    expect(posted.code).toBe(0);
    const texts = received.flatMap((b) => cardTexts(b)).join('\n');
    expect(texts).toContain('Catch up: week of 13 February 2017');
    expect(texts).not.toContain(TITLE);
    // What it was sent is what its preview shows.
    expect(themesOf(await preview(channel), STORY)).toEqual([]);
  });
});
