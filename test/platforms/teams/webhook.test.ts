// The digest-only Teams path end to end through the real CLI: `briefing subscribe --platform
// teams-webhook --channel <url>` stores a Workflows webhook channel (https, or loopback http; any
// other URL is a usage error), and `briefing digest --post` posts the same Adaptive Cards to a
// loopback fake of the webhook, in the body the Workflows template expects, exactly once (a second
// --post sends nothing). A 429 from the webhook is retried on a later pass, not lost.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as runBriefing } from '../../helpers/run-cli.js';
import { createAppFixture, type AppFixture } from '../../helpers/app-fixture.js';
import { cardTexts } from './teams-harness.js';

let app: AppFixture;
let server: Server;
let hookUrl = '';
const work = mkdtempSync(join(tmpdir(), 'briefing-teams-webhook-'));
const received: Record<string, unknown>[] = [];
const statuses: number[] = [];

beforeAll(async () => {
  app = createAppFixture({ storage: 'file' });
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const status = statuses.shift() ?? 202;
      if (status === 202) received.push(JSON.parse(body) as Record<string, unknown>);
      res.writeHead(status, status === 429 ? { 'Retry-After': '0' } : {}).end();
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

async function runCli(argv: string[]) {
  const run = await runBriefing(argv, {
    DATABASE_PATH: app.path,
    DIGESTS_DIR: join(work, 'digests'),
    TEAMS_WEBHOOKS: 'on',
  });
  return { code: run.code, out: run.stdout, err: run.stderr };
}

describe('Teams Workflows webhook', () => {
  it('refuses a webhook URL that is not https', async () => {
    const result = await runCli([
      'subscribe',
      '--platform',
      'teams-webhook',
      '--channel',
      'http://evil.example/hook',
    ]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('https://');
  });

  it('subscribes from the CLI and posts the digest cards once', async () => {
    const subscribed = await runCli([
      'subscribe',
      '--platform',
      'teams-webhook',
      '--channel',
      hookUrl,
      '--themes',
      'carter,stp',
    ]);
    expect(subscribed.code).toBe(0);
    expect(subscribed.out).toContain('Subscribed teams-webhook:webhook:');

    statuses.push(429);
    const first = await runCli(['digest', '--week', '2017-W07', '--post']);
    expect(first.code).toBe(0);
    expect(received).toHaveLength(0);
    expect(first.out).toMatch(/1 to retry/);

    const retry = await runCli(['deliver']);
    expect(retry.code).toBe(0);
    expect(received.length).toBeGreaterThan(0);
    for (const body of received) {
      expect(body.type).toBe('message');
      const [attachment] = body.attachments as {
        contentType: string;
        content: { version: string };
      }[];
      expect(attachment!.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(attachment!.content.version).toBe('1.5');
    }
    const texts = received.flatMap((b) => cardTexts(b)).join('\n');
    expect(texts).toContain('Model Hospital');
    expect(texts).not.toContain('@Briefing');

    const count = received.length;
    const again = await runCli(['digest', '--week', '2017-W07', '--post']);
    expect(again.code).toBe(0);
    expect(received).toHaveLength(count);
  });
});
