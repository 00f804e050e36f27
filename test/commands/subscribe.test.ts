// subscribe / unsubscribe / subscriptions over a real database with the real configuration.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCommand, runCommandText } from '../../src/commands/run-command.js';
import type { CommandResult } from '../../src/commands/types.js';
import { createAppFixture, type AppFixture } from '../helpers/app-fixture.js';

let app: AppFixture;
beforeEach(() => {
  app = createAppFixture();
});
afterEach(() => app.close());

function expectKind<K extends CommandResult['kind']>(
  result: CommandResult,
  kind: K,
): Extract<CommandResult, { kind: K }> {
  expect(result.kind, JSON.stringify(result)).toBe(kind);
  return result as Extract<CommandResult, { kind: K }>;
}

describe('subscribe', () => {
  it('creates, then updates, the channel subscription', () => {
    const first = expectKind(
      runCommandText('subscribe carter stp', app.invocation(), app.deps),
      'subscribed',
    );
    expect(first.created).toBe(true);
    expect(first.subscription).toMatchObject({
      platform: 'slack',
      workspaceId: 'T-FIXTURE',
      channelId: 'C-FIXTURE',
      themes: ['carter', 'stp'],
      organisations: [],
      schedule: null,
      createdBy: 'U-FIXTURE',
      pausedReason: null,
    });
    const second = expectKind(
      runCommandText('subscribe all day:friday time:16:30', app.invocation(), app.deps),
      'subscribed',
    );
    expect(second.created).toBe(false);
    expect(second.subscription.themes).toBe('all');
    expect(second.subscription.schedule).toEqual({ day: 5, time: '16:30' });
    expect(app.deps.subscriptions.get('slack', 'T-FIXTURE', 'C-FIXTURE')).toEqual(
      second.subscription,
    );
  });

  it("answers with the organisations' full names and the default schedule, for the renderers", () => {
    const result = expectKind(
      runCommandText('subscribe carter org:"Dudley Group"', app.invocation(), app.deps),
      'subscribed',
    );
    expect(result.subscription.organisations).toEqual(['RNA']);
    expect(result.organisationNames).toEqual({ RNA: 'The Dudley Group NHS Foundation Trust' });
    expect(result.defaultSchedule).toEqual({
      day: app.config.settings.digest.day,
      time: app.config.settings.digest.time,
    });
    const list = expectKind(
      runCommandText('subscriptions', app.invocation(), app.deps),
      'subscriptions',
    );
    expect(list.organisationNames).toEqual({ RNA: 'The Dudley Group NHS Foundation Trust' });
  });

  it('fills a missing day or time from the configured default', () => {
    const result = expectKind(
      runCommandText('subscribe stp time:07:15', app.invocation(), app.deps),
      'subscribed',
    );
    expect(result.subscription.schedule).toEqual({
      day: app.config.settings.digest.day,
      time: '07:15',
    });
  });

  it('follows organisations, stored as canonical ids', () => {
    const result = runCommandText(
      'subscribe carter org:"Dudley Group" org:CQC',
      app.invocation(),
      app.deps,
    );
    expect(expectKind(result, 'subscribed').subscription.organisations).toEqual(['RNA', 'cqc']);
  });

  it('asks which one when a name fits several organisations', () => {
    const result = expectKind(
      runCommandText('subscribe carter org:Birmingham', app.invocation(), app.deps),
      'error',
    );
    expect(result.message).toMatch(/'Birmingham' matches \d+ organisations: /);
    expect(result.message).toContain('Birmingham Community Healthcare NHS Foundation Trust (RYW)');
    expect(result.hint).toMatch(/codes shown/);
  });

  it('refuses an organisation nobody has heard of, saying what works', () => {
    const result = expectKind(
      runCommandText('subscribe carter org:"Trust of Nowhere"', app.invocation(), app.deps),
      'error',
    );
    expect(result.message).toMatch(/no NHS organisation known as 'Trust of Nowhere'/);
    expect(result.hint).toMatch(/ODS code/);
    expect(app.deps.subscriptions.get('slack', 'T-FIXTURE', 'C-FIXTURE')).toBeNull();
  });

  it('refuses an unknown theme with a suggestion and the list of themes', () => {
    const result = expectKind(
      runCommandText('subscribe cartr', app.invocation(), app.deps),
      'error',
    );
    const ids = app.config.themes.themes.map((t) => t.id);
    expect(result.message).toContain("unknown theme 'cartr' — did you mean 'carter'?");
    expect(result.message).toContain(ids.join(', '));
  });

  it('re-checks requests built without the parser (CLI, stored buttons)', () => {
    const bad = runCommand(
      { command: 'subscribe', themes: ['nonsense'], organisations: [], schedule: null },
      app.invocation(),
      app.deps,
    );
    expect(expectKind(bad, 'error').message).toMatch(/unknown theme 'nonsense'/);
    const badTime = runCommand(
      { command: 'subscribe', themes: 'all', organisations: [], schedule: { day: 9, time: '8am' } },
      app.invocation(),
      app.deps,
    );
    expect(expectKind(badTime, 'error').message).toMatch(/day or time is not valid/);
  });
});

describe('permission', () => {
  it('Slack: anyone by default; admins only when configured', () => {
    expectKind(runCommandText('subscribe stp', app.invocation(), app.deps), 'subscribed');
    const strict = createAppFixture({ subscribePermission: { slack: 'admins' } });
    try {
      const denied = expectKind(
        runCommandText('subscribe stp', strict.invocation(), strict.deps),
        'error',
      );
      expect(denied.message).toMatch(
        /only workspace admins can change this channel's subscription/,
      );
      expect(strict.deps.subscriptions.get('slack', 'T-FIXTURE', 'C-FIXTURE')).toBeNull();
      expectKind(
        runCommandText('subscribe stp', strict.invocation({ isAdmin: true }), strict.deps),
        'subscribed',
      );
      const unsub = expectKind(
        runCommandText('unsubscribe', strict.invocation(), strict.deps),
        'error',
      );
      expect(unsub.message).toMatch(/only workspace admins/);
      expect(strict.deps.subscriptions.get('slack', 'T-FIXTURE', 'C-FIXTURE')).not.toBeNull();
    } finally {
      strict.close();
    }
  });

  it('Discord: needs the configured permission by default', () => {
    const denied = expectKind(
      runCommandText('subscribe stp', app.invocation({ platform: 'discord' }), app.deps),
      'error',
    );
    expect(denied.message).toMatch(/Manage Channels/);
    expectKind(
      runCommandText(
        'subscribe stp',
        app.invocation({ platform: 'discord', isAdmin: true }),
        app.deps,
      ),
      'subscribed',
    );
  });

  it('reading commands need no permission', () => {
    const strict = createAppFixture({ subscribePermission: { slack: 'admins' } });
    try {
      for (const text of ['subscriptions', 'themes', 'status', 'digest', 'help', 'search nhs']) {
        expect(runCommandText(text, strict.invocation(), strict.deps).kind).not.toBe('error');
      }
    } finally {
      strict.close();
    }
  });
});

describe('unsubscribe and subscriptions', () => {
  it('removes the subscription and says whether there was one', () => {
    runCommandText('subscribe carter', app.invocation(), app.deps);
    expect(
      expectKind(runCommandText('unsubscribe', app.invocation(), app.deps), 'unsubscribed').removed,
    ).toBe(true);
    expect(
      expectKind(runCommandText('unsubscribe', app.invocation(), app.deps), 'unsubscribed').removed,
    ).toBe(false);
  });

  it('lists the subscriptions of this workspace only, by channel', () => {
    runCommandText('subscribe carter', app.invocation({ channelId: 'C2' }), app.deps);
    runCommandText('subscribe all', app.invocation({ channelId: 'C1' }), app.deps);
    runCommandText('subscribe stp', app.invocation({ workspaceId: 'T-OTHER' }), app.deps);
    runCommandText(
      'subscribe stp',
      app.invocation({ platform: 'discord', isAdmin: true }),
      app.deps,
    );
    const listed = expectKind(
      runCommandText('subscriptions', app.invocation(), app.deps),
      'subscriptions',
    );
    expect(listed.subscriptions.map((s) => [s.channelId, s.themes])).toEqual([
      ['C1', 'all'],
      ['C2', ['carter']],
    ]);
  });
});
