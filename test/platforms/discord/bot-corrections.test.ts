// Corrections through the real discord.js client over the fake gateway and REST: the `correct`
// subcommand, the "Correct a story's themes" select under search results and its second step,
// the permission setting, and hostile notes that must come back mention-free and inert.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSION_MANAGE_CHANNELS } from '../../fakes/discord-interactions.js';
import {
  createDeliveryRest,
  createDiscordDeliveryAdapter,
} from '../../../src/platforms/discord/delivery-adapter.js';
import { PICK_STORY_ID } from '../../../src/platforms/discord/render-corrections.js';
import { createAppFixture, FIXTURE_NOW, type AppFixture } from '../../helpers/app-fixture.js';
import { startBotHarness, GUILD_ID, type BotHarness } from './bot-harness.js';

let app: AppFixture;
let h: BotHarness;
const ADMIN = { permissions: PERMISSION_MANAGE_CHANNELS | (1n << 10n) | (1n << 11n) };

beforeAll(async () => {
  app = createAppFixture();
  h = await startBotHarness(app.deps, { now: () => FIXTURE_NOW });
});
afterAll(async () => {
  await h?.close();
  app?.close();
});

type Body = {
  content?: string;
  embeds?: { description?: string; fields?: { value: string }[] }[];
  components?: { components: { custom_id: string; options: { value: string }[] }[] }[];
  allowed_mentions?: unknown;
};

function bodyOf(answer: Awaited<ReturnType<BotHarness['run']>>): Body {
  return (answer.callback.type === 5 ? answer.edits[0] : answer.callback.data) as Body;
}

const themesHere = (id: string) =>
  app.deps.corrections.find(id, { platform: 'discord', workspaceId: GUILD_ID })?.themes.sort();

describe('/briefing correct on Discord', () => {
  it('follows the permission setting (Manage Channels by default), like subscribe', async () => {
    const denied = bodyOf(
      await h.run('correct', { story: 'fx-procurement-league', themes: '-carter' }),
    );
    expect(denied.content ?? JSON.stringify(denied)).toMatch(/only members with the permission/);
    expect(themesHere('fx-procurement-league')).toEqual(['carter', 'procurement']);
  });

  it('saves a correction for this server only', async () => {
    const answer = bodyOf(
      await h.run('correct', { story: 'fx-procurement-league', themes: '-carter' }, ADMIN),
    );
    expect(answer.content).toMatch(/Corrected fx-procure/);
    expect(answer.allowed_mentions).toEqual({ parse: [] });
    expect(themesHere('fx-procurement-league')).toEqual(['procurement']);
    expect(
      app.deps.corrections
        .find('fx-procurement-league', { platform: 'slack', workspaceId: 'T1' })
        ?.themes.sort(),
    ).toEqual(['carter', 'procurement']);
  });

  it('search results offer the story select; its second step corrects', async () => {
    const page = bodyOf(await h.run('search', { theme: 'carter' }));
    const pick = page.components
      ?.flatMap((r) => r.components)
      .find((c) => c.custom_id === PICK_STORY_ID);
    expect(pick?.options.map((o) => o.value)).toContain('fx-model-hospital');

    const step = bodyOf(await h.choose(PICK_STORY_ID, ['fx-model-hospital'], ADMIN));
    const changes = step.components?.[0]?.components[0];
    expect(changes?.custom_id).toBe('briefing:correct:fx-model-hospital');
    expect(changes?.options.map((o) => o.value)).toEqual(
      expect.arrayContaining(['-carter', '-finance', '+procurement']),
    );

    const done = bodyOf(
      await h.choose('briefing:correct:fx-model-hospital', ['-carter', '+procurement'], ADMIN),
    );
    expect(done.content).toMatch(/Corrected fx-model-h.*\+procurement -carter/);
    expect(themesHere('fx-model-hospital')).toEqual(['finance', 'procurement']);
  });

  it('refuses forged select values and hostile input, and shows notes inert', async () => {
    const before = app.db.prepare('SELECT count(*) AS n FROM corrections').get();
    const forged = bodyOf(
      await h.choose('briefing:correct:fx-covid-cip', ['+nonsense', '<@1234>'], ADMIN),
    );
    expect(forged.content ?? '').toMatch(/theme|say which/);
    const unknown = bodyOf(
      await h.run('correct', { story: 'fx-covid-cip', themes: '+procurment' }, ADMIN),
    );
    expect(unknown.content).toMatch(/did you mean 'procurement'/);
    expect(app.db.prepare('SELECT count(*) AS n FROM corrections').get()).toEqual(before);

    const note = '@everyone <@&42> **bold** [x](https://evil.example) ' + 'z'.repeat(40);
    await h.run('correct', { story: 'fx-covid-cip', themes: '+procurement', note }, ADMIN);
    const list = bodyOf(await h.run('corrections'));
    const text = JSON.stringify(list);
    expect(list.allowed_mentions).toEqual({ parse: [] });
    expect(text).not.toMatch(/@everyone|<@&42>|\]\(https:\/\/evil/);
    expect(text).toContain('procurement');
  });
});

describe('the delivered Discord digest', () => {
  it('ends with the story select when the bot is running, and sends it with the message', async () => {
    const digest = app.deps.buildDigest('2017-W07', FIXTURE_NOW);
    const rest = createDeliveryRest({ token: 'fake-bot-token', apiUrl: h.rest.apiUrl });
    const parts = createDiscordDeliveryAdapter(rest, { correctMenu: true }).render(digest);
    const last = parts.at(-1)!.payload as { components?: Body['components'] };
    const pick = last.components?.[0]?.components[0];
    expect(pick?.custom_id).toBe(PICK_STORY_ID);
    expect(pick?.options.map((o) => o.value)).toContain('fx-procurement-league');
    const plain = createDiscordDeliveryAdapter(rest).render(digest);
    expect(JSON.stringify(plain)).not.toContain(PICK_STORY_ID);
  });
});
