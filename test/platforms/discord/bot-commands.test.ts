// Every /briefing subcommand through the real discord.js client, over the fake gateway and REST.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSION_MANAGE_CHANNELS } from '../../fakes/discord-interactions.js';
import { startBotHarness, CHANNEL_ID, type BotHarness } from './bot-harness.js';
import {
  createAppFixture,
  FIXTURE_NOW,
  FIXTURE_STORIES,
  procurementStories,
  type AppFixture,
} from '../../helpers/app-fixture.js';
import { expectInert, expectWithinLimits, type SentBody } from './discord-assertions.js';

const EPHEMERAL = 64;
const STORIES = [...FIXTURE_STORIES, ...procurementStories(25)];
/** The only hosts a link in a reply may point to: those of the archived stories. */
const HOSTS = [...new Set(STORIES.map((s) => new URL(s.url!).hostname))];
let app: AppFixture;
let h: BotHarness;

beforeAll(async () => {
  app = createAppFixture({ stories: STORIES });
  h = await startBotHarness(app.deps, { now: () => FIXTURE_NOW });
});
afterAll(async () => {
  await h?.close();
  app?.close();
});

function messageOf(
  answer: Awaited<ReturnType<BotHarness['run']>>,
): SentBody & { flags?: number; components?: unknown[] } {
  return (answer.callback.type === 5 ? answer.edits[0] : answer.callback.data) as SentBody;
}

describe('/briefing over the gateway', () => {
  it('connects with only the Guilds intent and discovers the gateway through the REST base', async () => {
    const identify = await h.gateway.waitForFrame((f) => f.op === 2);
    expect((identify.d as { intents: number }).intents).toBe(1);
    expect(h.rest.requests.some((r) => r.path === '/gateway/bot')).toBe(true);
    expect(h.bot.client.guilds.cache.size).toBe(1);
  });

  it('help answers ephemerally, mention-free, with every command', async () => {
    const answer = await h.run('help');
    expect(answer.callback.type).toBe(4);
    const data = messageOf(answer);
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const text = data.embeds![0]!.description!;
    for (const name of [
      'subscribe',
      'unsubscribe',
      'subscriptions',
      'search',
      'digest',
      'themes',
      'status',
      'explain',
      'help',
    ]) {
      expect(text).toContain(`/briefing ${name}`);
    }
    expect(answer.requests.every((r) => r.authorization === null)).toBe(true);
  });

  it('themes lists every theme with its count this week', async () => {
    const data = messageOf(await h.run('themes'));
    expect(data.embeds![0]!.title).toBe('Themes · week 2017-W07');
    expect(data.embeds![0]!.description).toContain('**Carter reviews** `carter` · 2 this week');
    expect(data.embeds![0]!.description).toContain('**Procurement** `procurement`');
  });

  it('refuses subscribe and unsubscribe without Manage Channels, with a reason', async () => {
    for (const sub of ['subscribe', 'unsubscribe']) {
      const data = messageOf(await h.run(sub, sub === 'subscribe' ? { themes: 'carter' } : {}));
      expect(data.flags).toBe(EPHEMERAL);
      expect(data.content).toContain(
        'only members with the permission this bot is configured to require',
      );
    }
    const list = messageOf(await h.run('subscriptions'));
    expect(list.content).toContain('No channel in this server is subscribed yet');
  });

  it('subscribes with Manage Channels (public reply), lists it, and unsubscribes', async () => {
    const admin = { permissions: PERMISSION_MANAGE_CHANNELS };
    const sub = messageOf(
      await h.run('subscribe', { themes: 'carter stp', day: 'tuesday', time: '09:30' }, admin),
    );
    expect(sub.flags ?? 0).toBe(0);
    // The answer's first line says what the channel gets; the next ones when (issue 15).
    expect(sub.content!.split('\n')).toEqual([
      'Subscribed: this channel gets the weekly catch-up for carter, stp, Tuesdays at 09:30 (Europe/London).',
      'Your first catch-up arrives on Tuesday 21 February at 09:30 (Europe/London).',
      'Want last week’s catch-up now? Press the button, or add `now:True` to `/briefing subscribe`.',
    ]);
    expect(app.deps.subscriptions.get('discord', h.where().guildId, CHANNEL_ID)).toMatchObject({
      themes: ['carter', 'stp'],
      schedule: { day: 2, time: '09:30' },
      createdBy: '300000000000000001',
    });
    const again = messageOf(await h.run('subscribe', { themes: 'all' }, admin));
    expect(again.content).toMatch(
      /^Updated: this channel gets the weekly catch-up for every theme/,
    );
    const list = messageOf(await h.run('subscriptions'));
    expect(list.embeds![0]!.description).toContain(
      `<#${CHANNEL_ID}>: the weekly catch-up for every theme`,
    );
    const unsub = messageOf(await h.run('unsubscribe', {}, admin));
    expect(unsub.content).toBe(
      'Unsubscribed: this channel will no longer get the weekly catch-up.',
    );
    const none = messageOf(await h.run('unsubscribe', {}, admin));
    expect(none.content).toContain('This channel had no subscription');
  });

  it('subscribe answers in plain words: the day, the time zone and organisations in full', async () => {
    const admin = { permissions: PERMISSION_MANAGE_CHANNELS };
    const sub = messageOf(
      await h.run(
        'subscribe',
        { themes: 'carter', org: 'RNA', day: 'monday', time: '08:30' },
        admin,
      ),
    );
    expect(sub.content!.split('\n')[0]).toBe(
      'Subscribed: this channel gets the weekly catch-up for carter, and stories about The Dudley Group NHS Foundation Trust (RNA), Mondays at 08:30 (Europe/London).',
    );
    expect(sub.content).toContain(
      'Your first catch-up arrives on Monday 20 February at 08:30 (Europe/London).',
    );
    const usual = messageOf(await h.run('subscribe', { themes: 'all' }, admin));
    expect(usual.content!.split('\n')[0]).toMatch(
      /every theme, on the usual schedule, [A-Z][a-z]+days at \d\d:\d\d \(Europe\/London\)\.$/,
    );
    await h.run('subscribe', { themes: 'all', org: 'RNA' }, admin);
    const list = messageOf(await h.run('subscriptions'));
    expect(list.embeds![0]!.description).toContain('The Dudley Group NHS Foundation Trust (RNA)');
    await h.run('unsubscribe', {}, admin);
  });

  it('rejects an unknown theme with a suggestion', async () => {
    const data = messageOf(
      await h.run('subscribe', { themes: 'cartr' }, { permissions: PERMISSION_MANAGE_CHANNELS }),
    );
    expect(data.content).toMatch(/unknown theme 'cartr'.*carter/);
  });

  it('search defers, answers ephemerally with a page and Prev/Next buttons that page', async () => {
    const answer = await h.run('search', { words: 'tender', theme: 'procurement' });
    expect(answer.callback).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const page1 = messageOf(answer) as SentBody & {
      components: { components: { custom_id: string; disabled: boolean; label: string }[] }[];
    };
    expect(page1.embeds![0]!.title).toBe('25 stories · showing 1–10');
    expect(page1.embeds![0]!.description).toContain(
      '**[Framework agreement tender number 25 opens for NHS suppliers](https://www.gov.uk/government/news/fixture-tender-25)**',
    );
    expectInert(page1, HOSTS);
    const [prev, next] = page1.components[0]!.components;
    expect(prev!.disabled).toBe(true);
    expect(next!.disabled).toBe(false);
    expect(next!.custom_id.length).toBeLessThanOrEqual(100);

    const pressed = await h.press(next!.custom_id);
    expect(pressed.callback.type).toBe(7); // UPDATE_MESSAGE: the same ephemeral message turns the page
    const page2 = pressed.callback.data as typeof page1;
    expect(page2.embeds![0]!.title).toBe('25 stories · showing 11–20');
    expect(page2.allowed_mentions).toEqual({ parse: [] });
    const last = await h.press(page2.components[0]!.components[1]!.custom_id);
    const page3 = last.callback.data as typeof page1;
    expect(page3.embeds![0]!.title).toBe('25 stories · showing 21–25');
    expect(page3.components[0]!.components[1]!.disabled).toBe(true);
  });

  it('an unknown or expired page button gets a polite ephemeral answer', async () => {
    const answer = await h.press('briefing:page:doesnotexist:10');
    expect(answer.callback.type).toBe(4);
    expect((answer.callback.data as SentBody).content).toContain('this search has expired');
  });

  it('autocompletes themes, keeping earlier words, and sources', async () => {
    const values = (x: Awaited<ReturnType<BotHarness['complete']>>) =>
      (x.callback.data as { choices: { name: string; value: string }[] }).choices.map(
        (c) => c.value,
      );
    const themes = await h.complete('search', { theme: 'car' }, 'theme');
    expect(themes.callback.type).toBe(8);
    // Discord shows a picked choice's name in the field: the name is the value it inserts.
    expect((themes.callback.data as { choices: unknown[] }).choices[0]).toEqual({
      name: 'carter',
      value: 'carter',
    });
    const multi = await h.complete('subscribe', { themes: 'stp proc' }, 'themes');
    expect(values(multi)[0]).toBe('stp procurement');
    const all = await h.complete('subscribe', { themes: '' }, 'themes');
    expect(values(all)).toEqual(['all', ...app.config.themes.themes.map((t) => t.id)]);
    const sources = await h.complete('search', { source: 'nhs' }, 'source');
    // Prefix matches first, then ids or names containing the word.
    expect(values(sources).slice(0, 3)).toEqual(['nhse-news', 'nhse-all', 'nhs-confed']);
    expect(values(sources)).toContain('govuk-nhse');
  });

  it('digest defers and shows the week as embeds within limits', async () => {
    const answer = await h.run('digest', { week: 'last' });
    expect(answer.callback).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const first = messageOf(answer);
    expectWithinLimits(first);
    expectInert(first, HOSTS);
    expect(first.embeds![0]!.title).toBe('Catch up: week of 6 February 2017');
    // Carter's one story leads the week (its own embed, after the header).
    expect(first.embeds!.map((e) => e.title)).toContain('The lead');
    expect(first.embeds![1]!.description).toContain('Carter review one year on');
    const current = messageOf(await h.run('digest'));
    expect(current.content).toBe('Preview: this week so far.');
    const future = messageOf(await h.run('digest', { week: '2017-W09' }));
    expect(future.content).toMatch(/^⚠️ 2017-W09 has not happened yet/);
  });

  it('status shows source health; explain shows the evidence or says the story is unknown', async () => {
    const status = messageOf(await h.run('status'));
    expect(status.embeds!.map((e) => e.title)).toEqual(['Sources', 'Deliveries']);
    expect(status.embeds![0]!.description).toMatch(/^✅ \d+ of \d+ sources are healthy\./);
    const explain = messageOf(
      await h.run('explain', {
        story: 'https://www.england.nhs.uk/2017/02/model-hospital-variation/',
      }),
    );
    expect(explain.flags).toBe(EPHEMERAL);
    expectWithinLimits(explain);
    const embed = explain.embeds![0]!;
    expect(embed.title).toBe(
      'Model Hospital figures show trusts still have £5bn of unwarranted variation to tackle',
    );
    expect(embed.url).toBe('https://www.england.nhs.uk/2017/02/model-hospital-variation/');
    expect(embed.fields![0]!.name).toBe('✅ carter · strong match');
    expect(embed.description).toContain('published 14 Feb 2017 at 10:00 (Europe/London)');
    expect(embed.fields![0]!.value).toContain(
      'strong match in the headline: `acronym:Model Hospital`',
    );
    expect(embed.fields![0]!.value).not.toMatch(/\+\d/);
    expect(embed.footer?.text).toContain('scores:true');
    const scored = messageOf(
      await h.run('explain', {
        story: 'https://www.england.nhs.uk/2017/02/model-hospital-variation/',
        scores: true,
      }),
    ).embeds![0]!;
    expect(scored.fields![0]!.name).toBe('✅ carter · strong match, score 9.5');
    expect(scored.fields![0]!.value).toContain(
      'strong match in the headline (+3): `acronym:Model Hospital`',
    );
    expect(scored.footer).toBeUndefined();
    const near = messageOf(await h.run('explain', { story: 'fx-black-country-stp' })).embeds![0]!;
    expect(near.fields!.map((f) => f.name)).toContain(
      '✖ procurement · weak match · not enough evidence to file it here',
    );
    const unknown = messageOf(
      await h.run('explain', { story: 'https://news.example.org/nothing' }),
    );
    expect(unknown.content).toMatch(/^⚠️ no story in the archive matches/);
  });

  it('survives Discord refusing a reply (10062 Unknown interaction): logs, retries with a safe error, carries on', async () => {
    h.rest.script('POST', /\/callback$/, {
      status: 404,
      code: 10062,
      message: 'Unknown interaction',
    });
    const answer = await h.run('themes');
    const retry = await h.rest.waitFor(
      (r) =>
        r.method === 'POST' &&
        r.path.endsWith('/callback') &&
        r !== answer.requests[0] &&
        r.path === answer.requests[0]!.path,
    );
    expect((retry.body as { data: SentBody }).data.content).toMatch(
      /^⚠️ something went wrong on our side/,
    );
    expect((await h.run('help')).callback.type).toBe(4);
  });
});
