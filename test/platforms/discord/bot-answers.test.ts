// One answer for one mistake, and autocomplete choices that show what they insert: /briefing
// through the real discord.js client, over the fake gateway and REST on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommandText } from '../../../src/commands/run-command.js';
import { startBotHarness, type BotHarness } from './bot-harness.js';
import { createAppFixture, FIXTURE_NOW, type AppFixture } from '../../helpers/app-fixture.js';
import type { SentBody } from './discord-assertions.js';

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

function messageOf(answer: Awaited<ReturnType<BotHarness['run']>>): SentBody {
  return (answer.callback.type === 5 ? answer.edits[0] : answer.callback.data) as SentBody;
}

describe('/briefing answers mistakes as Slack and the CLI do', () => {
  it.each([
    [{ words: 'carter', org: 'XYZZ' }, 'search carter org:XYZZ'],
    [{ words: 'carter', org: 'Dudly Group' }, 'search carter org:"Dudly Group"'],
    [{ words: 'carter', theme: 'nope' }, 'search carter theme:nope'],
    [{ words: 'carter', since: '2017-13-01' }, 'search carter since:2017-13-01'],
  ])('search %j answers with the message the CLI and Slack give', async (options, text) => {
    const chat = runCommandText(text, app.invocation({ platform: 'discord' }), app.deps);
    if (chat.kind !== 'error') throw new Error('expected an error');
    const data = messageOf(await h.run('search', options));
    const [first, second] = data.content!.split('\n');
    // Discord escapes markdown characters; what the reader sees is the same message.
    expect(first!.replace(/\\(.)/g, '$1')).toBe(`⚠️ ${chat.message}`);
    expect(second).toBeDefined();
  });

  it('names the closest organisation when the name is misspelt', async () => {
    const data = messageOf(await h.run('search', { words: 'carter', org: 'Dudly Group' }));
    expect(data.content).toMatch(
      /did you mean 'The Dudley Group NHS Foundation Trust' \\?\(RNA\\?\)\?/,
    );
  });

  it('shows each suggestion as exactly the value it inserts, earlier words kept as typed', async () => {
    const choices = async (sub: string, options: Record<string, string>, focused: string) =>
      (
        (await h.complete(sub, options, focused)).callback.data as {
          choices: { name: string; value: string }[];
        }
      ).choices;
    const multi = await choices('subscribe', { themes: 'carter, pro' }, 'themes');
    expect(multi[0]).toEqual({ name: 'carter, procurement', value: 'carter, procurement' });
    // Matched by label, still shown as the id it inserts.
    const byLabel = await choices('search', { theme: 'Carter rev' }, 'theme');
    expect(byLabel[0]).toEqual({ name: 'carter', value: 'carter' });
    for (const [sub, options, focused] of [
      ['subscribe', { themes: 'stp ' }, 'themes'],
      ['subscribe', { themes: 'carter,st' }, 'themes'],
      ['search', { theme: '' }, 'theme'],
      ['search', { source: 'nhs' }, 'source'],
      ['help', { command: 'se' }, 'command'],
    ] as const) {
      const list = await choices(sub, { ...options }, focused);
      expect(list.length).toBeGreaterThan(0);
      for (const c of list) expect(c.name).toBe(c.value);
    }
  });
});
