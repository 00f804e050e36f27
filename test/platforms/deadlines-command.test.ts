// `/briefing deadlines` through the real Bolt app (Socket Mode, fake Slack on loopback) and the
// real discord.js client (fake gateway and REST), over a real archive whose stories were tagged
// by the real annotator: the deadline it read, for the channel's themes or for all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommandText } from '../../src/commands/run-command.js';
import type { Story } from '../../src/domain.js';
import { createAppFixture, FIXTURE_NOW, type AppFixture } from '../helpers/app-fixture.js';
import { startBotHarness, type BotHarness } from './discord/bot-harness.js';
import type { SentBody } from './discord/discord-assertions.js';
import { startHarness, type Harness } from './slack/slack-harness.js';
import { collectTexts } from './slack/hostile-text.js';
import { checkSlackBlocks } from '../fakes/slack-block-rules.js';

const CONSULTATION: Story = {
  id: 'g_0dead11ne0000000001',
  sourceId: 'nhse-news',
  guid: 'fx-consultation',
  url: 'https://example.org/nhse-news/fx-consultation',
  title: 'Consultation on the new procurement league tables for trusts',
  summary:
    'NHS Improvement is consulting on publishing procurement league tables. The consultation closes at 5pm on 10 March 2017.',
  content: '',
  author: null,
  categories: [],
  publishedAt: '2017-02-15T10:00:00.000Z',
  publishedEstimated: false,
  paywalled: false,
};
const LINE = 'Consultation closes Fri 10 Mar 2017, 17:00';

let app: AppFixture;
beforeAll(() => {
  app = createAppFixture();
  app.seed([CONSULTATION]);
});
afterAll(() => app.close());

describe('deadlines (platform-neutral)', () => {
  it('lists the deadline with its reference; a channel following other themes sees none', () => {
    const all = runCommandText('deadlines all', app.invocation(), app.deps);
    expect(all).toMatchObject({
      kind: 'deadlines',
      themes: 'all',
      deadlines: [
        { closesAt: '2017-03-10T17:00:00.000Z', kind: 'consultation', ref: 'g_0dead11n' },
      ],
    });
    app.deps.subscriptions.upsert(
      { ...channelOf(app), themes: ['mcp'], organisations: [], schedule: null, createdBy: null },
      FIXTURE_NOW,
    );
    expect(runCommandText('deadlines', app.invocation(), app.deps)).toMatchObject({
      deadlines: [],
      themes: ['mcp'],
    });
    expect(runCommandText('deadlines soon', app.invocation(), app.deps)).toMatchObject({
      kind: 'error',
    });
  });
});

function channelOf(fx: AppFixture) {
  const { platform, workspaceId, channelId } = fx.invocation();
  return { platform, workspaceId, channelId };
}

describe('/briefing deadlines on Slack', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ mode: 'socket', deps: app.deps, now: FIXTURE_NOW });
    h.fake.addChannel('C0POLICY1');
  });
  afterAll(async () => h.stop());

  it('answers ephemerally with the date, the linked headline and the reference', async () => {
    const sent = await h.command('deadlines all');
    const reply = (sent.ack ?? (await h.replies(sent.id))[0]) as {
      response_type?: string;
      blocks?: unknown[];
    };
    expect(reply.response_type).toBe('ephemeral');
    expect(checkSlackBlocks(reply.blocks ?? [])).toEqual([]);
    const text = collectTexts(reply).join('\n');
    expect(text).toContain(
      `• ${LINE}: <https://example.org/nhse-news/fx-consultation|Consultation on the new procurement league tables for trusts> · \`g_0dead11n\``,
    );
  });
});

describe('/briefing deadlines on Discord', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness(app.deps, { now: () => FIXTURE_NOW });
  });
  afterAll(async () => h?.close());

  it('answers ephemerally with an embed listing the deadline', async () => {
    const answer = await h.run('deadlines', { scope: 'all' });
    const data = (
      answer.callback.type === 5 ? answer.edits[0] : answer.callback.data
    ) as SentBody & {
      flags?: number;
    };
    expect((data.flags ?? 0) & 64).toBe(64);
    const embed = data.embeds?.[0] as { title?: string; description?: string } | undefined;
    expect(embed?.title).toBe('Deadlines · every theme');
    expect(embed?.description).toContain(
      `• ${LINE}: [Consultation on the new procurement league tables for trusts](https://example.org/nhse-news/fx-consultation) · \`g_0dead11n\``,
    );
  });
});
