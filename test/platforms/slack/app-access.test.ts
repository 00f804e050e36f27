// Who may subscribe (SLACK_SUBSCRIBE_PERMISSION=admins uses users.info) and what happens when the
// bot is not in the channel (joins public channels itself; asks for /invite elsewhere).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CommandDeps } from '../../../src/commands/types.js';
import { collectTexts } from './hostile-text.js';
import { startHarness, type Harness } from './slack-harness.js';
import {
  createAppFixture,
  FIXTURE_STORIES,
  procurementStories,
  type AppFixture,
} from '../../helpers/app-fixture.js';

const textOf = (reply: unknown) =>
  collectTexts(reply as { text?: unknown; blocks?: unknown }).join('\n');

describe('subscribe permission: admins only', () => {
  let h: Harness;
  let deps: CommandDeps;
  let fx: AppFixture;
  beforeAll(async () => {
    fx = createAppFixture({
      stories: [...FIXTURE_STORIES, ...procurementStories(12)],
      subscribePermission: { slack: 'admins' },
    });
    deps = fx.deps;
    h = await startHarness({ mode: 'socket', deps, now: fx.now });
    h.fake.addChannel('C0POLICY1');
    h.fake.addUser('U0MEMBER1');
    h.fake.addUser('U0ADMIN01', { isAdmin: true });
    h.fake.addUser('U0OWNER01', { isOwner: true });
  });
  afterAll(async () => {
    await h.stop();
    fx.close();
  });

  it.each([
    ['an ordinary member', 'U0MEMBER1'],
    ['a user users.info does not know', 'U0UNKNOWN'],
  ])('refuses %s', async (_name, userId) => {
    const { id } = await h.command('subscribe carter', { userId });
    const [reply] = await h.replies(id);
    expect(reply!.response_type).toBe('ephemeral');
    expect(textOf(reply)).toContain("only workspace admins can change this channel's subscription");
    expect(deps.subscriptions.get('slack', h.fake.teamId, 'C0POLICY1')).toBeNull();
    expect(h.fake.callsTo('users.info').at(-1)!.params.user).toBe(userId);
  });

  it('refuses when the app lacks users:read (a failed check never grants rights)', async () => {
    h.fake.scopes.delete('users:read');
    try {
      const { id } = await h.command('subscribe carter', { userId: 'U0ADMIN01' });
      expect(textOf((await h.replies(id))[0])).toContain('only workspace admins');
    } finally {
      h.fake.scopes.add('users:read');
    }
  });

  it.each([
    ['an admin', 'U0ADMIN01'],
    ['an owner', 'U0OWNER01'],
  ])('lets %s subscribe and unsubscribe', async (_name, userId) => {
    const sub = await h.command('subscribe all', { userId });
    expect(textOf((await h.replies(sub.id))[0])).toContain('will now receive');
    const member = await h.command('unsubscribe', { userId: 'U0MEMBER1' });
    expect(textOf((await h.replies(member.id))[0])).toContain('only workspace admins');
    const unsub = await h.command('unsubscribe', { userId });
    expect(textOf((await h.replies(unsub.id))[0])).toContain('no longer receive');
  });

  it('still lets anyone search', async () => {
    const { id } = await h.command('search framework agreement', { userId: 'U0MEMBER1' });
    expect(textOf((await h.replies(id))[0])).toMatch(/\d+ stories · showing 1–\d+/);
  });
});

describe('bot not in the channel', () => {
  let h: Harness;
  let deps: CommandDeps;
  let fx: AppFixture;
  beforeAll(async () => {
    fx = createAppFixture({ stories: [...FIXTURE_STORIES, ...procurementStories(12)] });
    deps = fx.deps;
    h = await startHarness({ mode: 'http', deps, now: fx.now });
  });
  afterAll(async () => {
    await h.stop();
    fx.close();
  });
  beforeEach(() => {
    h.fake.channels.clear();
    h.fake.calls.length = 0;
  });

  it('joins a public channel by itself, then subscribes', async () => {
    const channel = h.fake.addChannel('C0PUBLIC2', { members: new Set(['U0MEMBER1']) });
    const { id } = await h.command('subscribe carter', { channelId: 'C0PUBLIC2' });
    expect(textOf((await h.replies(id))[0])).toContain('will now receive');
    expect(h.fake.callsTo('conversations.join')).toHaveLength(1);
    expect(channel.members.has(h.fake.botUserId)).toBe(true);
    expect(deps.subscriptions.get('slack', h.fake.teamId, 'C0PUBLIC2')).not.toBeNull();
  });

  it.each([
    {
      name: 'a private channel',
      setup: () =>
        h.fake.addChannel('C0PRIV003', { isPrivate: true, members: new Set(['U0MEMBER1']) }),
      expected: /I'm not in this channel.*`\/invite @briefing`/s,
    },
    {
      name: 'a public channel without the channels:join scope',
      setup: () => {
        h.fake.addChannel('C0PRIV003', { members: new Set(['U0MEMBER1']) });
        h.fake.scopes.delete('channels:join');
      },
      expected: /`\/invite @briefing`, then run `\/briefing subscribe` again/,
    },
    {
      name: 'an archived channel',
      setup: () => h.fake.addChannel('C0PRIV003', { archived: true }),
      expected: /archived/,
    },
  ])('asks for an invite (and subscribes nothing) in $name', async ({ setup, expected }) => {
    setup();
    try {
      const { id } = await h.command('subscribe carter', { channelId: 'C0PRIV003' });
      const [reply] = await h.replies(id);
      expect(reply!.response_type).toBe('ephemeral');
      expect(textOf(reply)).toMatch(expected);
      expect(deps.subscriptions.get('slack', h.fake.teamId, 'C0PRIV003')).toBeNull();
    } finally {
      h.fake.scopes.add('channels:join');
    }
  });

  it('answers commands in channels it is not in, through response_url', async () => {
    h.fake.addChannel('C0PRIV003', { isPrivate: true, members: new Set(['U0MEMBER1']) });
    const { id } = await h.command('search framework agreement', { channelId: 'C0PRIV003' });
    expect(textOf((await h.replies(id))[0])).toMatch(/\d+ stories · showing 1–\d+/);
  });
});
