// Hostile option values through the real client: every answer arrives, is within Discord's
// limits, pings nobody (allowed_mentions empty, no working mention) and links nowhere unexpected.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logging.js';
import { PERMISSION_MANAGE_CHANNELS } from '../../fakes/discord-interactions.js';
import { startBotHarness, type BotHarness } from './bot-harness.js';
import {
  createAppFixture,
  FIXTURE_NOW,
  FIXTURE_STORIES,
  type AppFixture,
} from '../../helpers/app-fixture.js';
import { expectInert, expectWithinLimits, type SentBody } from './discord-assertions.js';

export const HOSTILE_VALUES: readonly string[] = [
  'NHS AND (',
  '"unterminated phrase',
  'title:carter OR stp* NEAR(a b)',
  "'; DROP TABLE stories; --",
  'x'.repeat(10_000),
  '',
  '@everyone',
  '@here look',
  '<@&123456789012345678>',
  '<@123456789012345678>',
  '<#123456789012345678>',
  '[NHS England](https://evil.example/phish)',
  '\u202eevil\u202c مستشفى',
  '🏥🏥 car\u200bter',
  '2017-13-45',
  '`code` **bold** ||spoiler||',
];

const TARGETS: [string, string][] = [
  ['search', 'words'],
  ['search', 'theme'],
  ['search', 'source'],
  ['search', 'org'],
  ['search', 'since'],
  ['subscribe', 'themes'],
  ['subscribe', 'org'],
  ['subscribe', 'time'],
  ['explain', 'story'],
  ['digest', 'week'],
  ['help', 'command'],
];

const HOSTS = [...new Set(FIXTURE_STORIES.map((s) => new URL(s.url!).hostname))];
let app: AppFixture;
let h: BotHarness;
beforeAll(async () => {
  app = createAppFixture();
  h = await startBotHarness(app.deps, { now: () => FIXTURE_NOW });
});
afterAll(async () => {
  await h?.close();
  app?.close();
});

describe('hostile option values', () => {
  it.each(TARGETS)(
    '/briefing %s %s: every hostile value gets a safe answer',
    async (sub, option) => {
      for (const value of HOSTILE_VALUES) {
        const answer = await h.run(
          sub,
          { [option]: value },
          { permissions: PERMISSION_MANAGE_CHANNELS },
        );
        expect([4, 5]).toContain(answer.callback.type);
        const body = (
          answer.callback.type === 5 ? answer.edits[0] : answer.callback.data
        ) as SentBody;
        expectWithinLimits(body);
        expectInert(body, HOSTS);
        expect(JSON.stringify(body)).not.toContain('x'.repeat(2000));
      }
    },
  );

  it('a 10,000-character autocomplete value still gets choices (or none), never an error', async () => {
    const answer = await h.complete('search', { theme: 'c'.repeat(10_000) }, 'theme');
    expect(answer.callback).toEqual({ type: 8, data: { choices: [] } });
  });
});

describe('a failing dependency', () => {
  let broken: BotHarness;
  beforeAll(async () => {
    // Fault injection: the real deps, except that themes() fails.
    broken = await startBotHarness({
      ...app.deps,
      themes: () => {
        throw new Error('test: themes unavailable');
      },
    });
  });
  afterAll(async () => {
    await broken?.close();
  });

  it('autocomplete answers with no choices when the handler throws', async () => {
    const answer = await broken.complete('subscribe', { themes: 'ca' }, 'themes');
    expect(answer.callback).toEqual({ type: 8, data: { choices: [] } });
  });

  it('a command whose dependency throws gets a generic, safe error reply', async () => {
    const answer = await broken.run('themes');
    const body = answer.callback.data as SentBody & { flags: number };
    expect(body.flags).toBe(64);
    expect(body.content).toMatch(/^⚠️ something went wrong on our side/);
    expect(body.content).not.toContain('test: themes unavailable');
  });
});

describe('logs', () => {
  it('never contain the bot token, even for failing interactions', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logged = await startBotHarness(app.deps, { logger: createLogger('debug', sink) });
    try {
      logged.rest.script('POST', /\/callback$/, {
        status: 404,
        code: 10062,
        message: 'Unknown interaction',
      });
      await logged.run('themes');
      await logged.rest.waitFor(
        (r) => r.method === 'POST' && r.path.endsWith('/callback') && lines.length > 1,
      );
      await logged.run('search', { words: 'NHS AND (' });
      logged.gateway.disconnect(4000);
      await logged.gateway.waitForFrame((f) => f.op === 6);
    } finally {
      await logged.close();
    }
    const all = lines.join('');
    expect(all).toContain('discord: interaction handler failed');
    expect(all).not.toContain('fake-bot-token');
  });
});
