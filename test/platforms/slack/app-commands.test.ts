// Every subcommand through the real Bolt app, over both transports: signed HTTP requests and
// Socket Mode envelopes, against the fake Slack on loopback.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCommandText } from '../../../src/commands/run-command.js';
import type { CommandDeps } from '../../../src/commands/types.js';
import {
  createAppFixture,
  FIXTURE_STORIES,
  procurementStories,
  type AppFixture,
} from '../../helpers/app-fixture.js';
import { MORE_RESULTS_ACTION_ID } from '../../../src/platforms/slack/render-search.js';
import { checkSlackBlocks } from '../../fakes/slack-block-rules.js';
import { collectTexts, findUnsafeMarkup } from './hostile-text.js';
import { startHarness, type Harness } from './slack-harness.js';

type Reply = {
  response_type?: string;
  text?: string;
  blocks?: unknown[];
  replace_original?: boolean;
};

function textOf(reply: unknown): string {
  return collectTexts(reply as Reply).join('\n');
}

function expectValid(reply: unknown): void {
  const r = reply as Reply;
  expect(typeof r.text === 'string' && r.text.length > 0).toBe(true);
  expect(checkSlackBlocks(r.blocks ?? [])).toEqual([]);
  for (const t of collectTexts(r)) {
    const links = new Set(
      (t.match(/<(https?:\/\/[^|>]+)\|/g) ?? []).map((m) => m.slice(1, -1).replace(/&amp;/g, '&')),
    );
    const problems = findUnsafeMarkup(t, links).filter((p) => !p.startsWith('link to'));
    expect(problems, t).toEqual([]);
  }
}

describe.each(['http', 'socket'] as const)('Slack commands over %s', (mode) => {
  let h: Harness;
  let deps: CommandDeps;
  let fx: AppFixture;

  beforeAll(async () => {
    fx = createAppFixture({ stories: [...FIXTURE_STORIES, ...procurementStories(25)] });
    deps = fx.deps;
    h = await startHarness({ mode, deps, now: fx.now });
  });
  afterAll(async () => {
    await h.stop();
    fx.close();
  });
  beforeEach(() => {
    h.fake.channels.clear();
    h.fake.addChannel('C0POLICY1');
  });

  it('answers help inside the ack, ephemerally', async () => {
    const { ack } = await h.command('help');
    expect((ack as Reply).response_type).toBe('ephemeral');
    expect(textOf(ack)).toContain('/briefing search');
    expectValid(ack);
  });

  it('answers an unknown subcommand with a helpful error in the ack', async () => {
    const { ack } = await h.command('subscrbe carter');
    expect(textOf(ack)).toMatch(/:warning: unknown command 'subscrbe'.*subscribe/s);
    expectValid(ack);
  });

  it('subscribes the channel (keyed by team id), lists it, and unsubscribes', async () => {
    const sub = await h.command('subscribe carter');
    expect(sub.ack).toBeNull();
    const [reply] = await h.replies(sub.id);
    expect(reply!.response_type).toBe('in_channel');
    expect(textOf(reply)).toContain('will now receive the weekly NHS policy catch-up');
    expectValid(reply);
    expect(deps.subscriptions.get('slack', h.fake.teamId, 'C0POLICY1')?.themes).toEqual(['carter']);

    const list = await h.command('subscriptions');
    const [listed] = await h.replies(list.id);
    expect(textOf(listed)).toContain('<#C0POLICY1>: themes: carter');

    const unsub = await h.command('unsubscribe');
    const [gone] = await h.replies(unsub.id);
    expect(textOf(gone)).toContain('no longer receive');
    expect(deps.subscriptions.get('slack', h.fake.teamId, 'C0POLICY1')).toBeNull();
  });

  it('subscribe answers in plain words: the day, the time zone and organisations in full', async () => {
    const sub = await h.command('subscribe carter org:RNA day:monday time:08:30');
    const [reply] = await h.replies(sub.id);
    expect(reply!.response_type).toBe('in_channel');
    expect(textOf(reply)).toContain(
      'themes: carter · organisations: The Dudley Group NHS Foundation Trust (RNA) · Mondays at 08:30 (Europe/London)',
    );
    expect(textOf(reply)).not.toMatch(/day 1|organisations RNA/);
    expectValid(reply);
    const list = await h.command('subscriptions');
    const [listed] = await h.replies(list.id);
    expect(textOf(listed)).toContain('The Dudley Group NHS Foundation Trust (RNA)');
    await h.command('unsubscribe');
  });

  it('explain reads scores as words and dates in the time zone; scores:true adds the numbers', async () => {
    const url = 'https://www.england.nhs.uk/2017/02/model-hospital-variation/';
    const words = await h.command(`explain ${url}`);
    const [plain] = await h.replies(words.id);
    const text = textOf(plain);
    expect(text).toContain('published 14 Feb 2017 at 10:00 (Europe/London)');
    expect(text).toContain('• *carter*: strong match');
    expect(text).toContain('strong match in the headline: `acronym:Model Hospital`');
    expect(text).toContain('weak match in the headline');
    expect(text).not.toMatch(/score \d|[+−]\d/);
    expect(text).toContain('scores:true');
    expectValid(plain);
    const scored = await h.command(`explain ${url} scores:true`);
    const [numbers] = await h.replies(scored.id);
    expect(textOf(numbers)).toContain('• *carter*: strong match, score 9.5');
    expect(textOf(numbers)).toContain(
      'strong match in the headline (+3): `acronym:Model Hospital`',
    );
    expectValid(numbers);
    const near = await h.command('explain fx-black-country-stp');
    const [miss] = await h.replies(near.id);
    expect(textOf(miss)).toContain(
      '• procurement: weak match, not enough evidence to file it here',
    );
  });

  it('searches ephemerally and pages with "More results"', async () => {
    const first = await h.command('search framework agreement tender');
    const [page1] = await h.replies(first.id);
    expect(page1!.response_type).toBe('ephemeral');
    const [, total, size] = /(\d+) stories · showing 1–(\d+)/.exec(textOf(page1)) ?? [];
    expect(Number(total)).toBeGreaterThanOrEqual(25);
    expect(Number(size)).toBeLessThan(Number(total));
    expectValid(page1);
    const button = (
      page1!.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]
    ).find((b) => b.type === 'actions')!.elements![0]!;
    expect(button.action_id).toBe(MORE_RESULTS_ACTION_ID);

    const click = await h.click(button.action_id, button.value);
    const [page2] = await h.replies(click.id);
    expect(page2!.replace_original).toBe(true);
    expect(textOf(page2)).toContain(`${Number(size) + 1}–`);
    expect(textOf(page2)).toContain(`${total} stories · showing`);
    expectValid(page2);
  });

  it.each([
    ['search carter org:XYZZ', /^no NHS organisation known as 'XYZZ'$/],
    [
      'search carter org:"Dudly Group"',
      /did you mean 'The Dudley Group NHS Foundation Trust' \(RNA\)\?$/,
    ],
    ['search carter theme:nope', /^unknown theme 'nope'\. Themes: carter,/],
    ['search carter since:2017-13-01', /^since: expects a date/],
  ])("%s: the command layer's message and hint, as the CLI prints them", async (text, pattern) => {
    const chat = runCommandText(text, fx.invocation(), deps);
    if (chat.kind !== 'error') throw new Error('expected an error');
    expect(chat.message).toMatch(pattern);
    const { ack, id } = await h.command(text);
    // Parse errors come back in the ack; unknown organisations through respond().
    const answer = (ack ?? (await h.replies(id))[0]) as Reply;
    expect(answer.text).toBe(`:warning: ${chat.message}\n${chat.hint}`);
    expectValid(answer);
  });

  it('answers a tampered "More results" value with an error, not a crash', async () => {
    const click = await h.click(MORE_RESULTS_ACTION_ID, '{"v":1,"q":{"terms":"<!channel>"}}');
    const [reply] = await h.replies(click.id);
    expect(textOf(reply)).toContain('that button has expired');
  });

  it.each([
    ['themes', /`carter` \*Carter reviews\*/],
    ['status', /\*Sources\*/],
    ['digest last', /Catch up: week of 6 February 2017/],
    ['digest 2017-W07', /Catch up: week of 13 February 2017/],
    ['explain https://news.example.org/nothing', /:warning:/],
    [
      'explain https://www.england.nhs.uk/2017/02/model-hospital-variation/',
      /Model Hospital figures[\s\S]*carter/,
    ],
  ])('%s replies ephemerally within the limits', async (text, pattern) => {
    const { id } = await h.command(text);
    const [reply] = await h.replies(id);
    expect(reply!.response_type).toBe('ephemeral');
    expect(textOf(reply)).toMatch(pattern);
    expectValid(reply);
  });
});
