// themes, status, explain and help over the real archive and configuration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../../src/commands/command-specs.js';
import { runCommandText } from '../../src/commands/run-command.js';
import type { CommandResult } from '../../src/commands/types.js';
import { recordPollFailure } from '../../src/store/source-state.js';
import { createAppFixture, type AppFixture } from '../helpers/app-fixture.js';

let app: AppFixture;
beforeAll(() => {
  app = createAppFixture();
});
afterAll(() => app.close());

function run<K extends CommandResult['kind']>(
  text: string,
  kind: K,
): Extract<CommandResult, { kind: K }> {
  const result = runCommandText(text, app.invocation(), app.deps);
  expect(result.kind, JSON.stringify(result)).toBe(kind);
  return result as Extract<CommandResult, { kind: K }>;
}

describe('themes', () => {
  it('lists every configured theme in order with this week’s counts', () => {
    const result = run('themes', 'themes');
    expect(result.week).toBe('2017-W07');
    expect(result.themes.map((t) => t.id)).toEqual(app.config.themes.themes.map((t) => t.id));
    const carter = result.themes.find((t) => t.id === 'carter')!;
    expect(carter.label.length).toBeGreaterThan(0);
    expect(carter.description.length).toBeGreaterThan(0);
    expect(carter.countThisWeek).toBeGreaterThanOrEqual(1);
    expect(result.themes.find((t) => t.id === 'covid_cip')!.countThisWeek).toBe(0);
  });
});

describe('status', () => {
  it('shows every source and this channel’s delivery health', () => {
    recordPollFailure(app.db, 'hsj', {
      at: app.now,
      reason: 'HTTP 503 Service Unavailable',
      nextPollAt: new Date(app.now.getTime() + 3_600_000),
    });
    run('subscribe carter', 'subscribed');
    const result = run('status', 'status');
    expect(result.sources.map((s) => s.sourceId)).toEqual(app.config.sources.map((s) => s.id));
    const hsj = result.sources.find((s) => s.sourceId === 'hsj')!;
    expect(hsj.lastError).toMatch(/503/);
    expect(hsj.consecutiveFailures).toBe(1);
    expect(result.deliveries).toHaveLength(1);
    expect(result.deliveries[0]).toMatchObject({
      subscription: { channelId: 'C-FIXTURE', themes: ['carter'] },
      lastDeliveredWeek: null,
      pendingParts: 0,
      lastError: null,
    });
  });
});

describe('explain', () => {
  it('re-tags a story found by URL, with evidence for each tag', () => {
    const result = run(
      'explain https://www.england.nhs.uk/2017/02/model-hospital-variation/',
      'explain',
    );
    expect(result.story.id).toBe('fx-model-hospital');
    const carter = result.tags.find((t) => t.theme === 'carter');
    expect(carter).toBeDefined();
    expect(carter!.evidence.length).toBeGreaterThan(0);
    for (const evidence of carter!.evidence) {
      expect(['title', 'summary', 'content']).toContain(evidence.field);
      expect(evidence.match.length).toBeGreaterThan(0);
    }
    expect(result.entities.organisations.map((o) => o.id)).toContain('RNA');
    expect(result.entities.money.map((m) => m.pounds)).toContain(5_000_000_000);
  });

  it('finds a story by id, by a Slack-wrapped link and by a link with tracking parameters', () => {
    expect(run('explain fx-procurement-league', 'explain').story.id).toBe('fx-procurement-league');
    expect(
      run('explain <https://www.hsj.co.uk/fixture/black-country-stp|Black Country>', 'explain')
        .story.id,
    ).toBe('fx-black-country-stp');
    expect(
      run('explain https://www.hsj.co.uk/fixture/black-country-stp?utm_source=twitter', 'explain')
        .story.id,
    ).toBe('fx-black-country-stp');
  });

  it('shows why a look-alike was not filed under a theme', () => {
    const result = run('explain fx-prisons-carter', 'explain');
    expect(result.tags.map((t) => t.theme)).not.toContain('carter');
    expect(result.nearMisses.map((m) => m.theme)).toContain('carter');
  });

  it('asks for the scores only when told (scores:true)', () => {
    expect(run('explain fx-model-hospital', 'explain').showScores).toBeUndefined();
    expect(run('explain fx-model-hospital scores:true', 'explain').showScores).toBe(true);
  });

  it('says so when no story matches', () => {
    const result = run('explain https://example.org/not-in-the-archive', 'error');
    expect(result.message).toMatch(/no story in the archive matches/);
    expect(result.hint).toMatch(/search results/);
  });
});

describe('help', () => {
  it('lists every command once', () => {
    const result = run('help', 'help');
    expect(result.topic).toBeNull();
    expect(result.lines).toHaveLength(COMMAND_SPECS.length);
    expect(result.lines.map((l) => l.usage.split(' ')[0])).toEqual(
      COMMAND_SPECS.map((s) => s.name),
    );
    for (const line of result.lines) expect(line.description.length).toBeGreaterThan(0);
  });

  it('shows every form of one command', () => {
    const result = run('help digest', 'help');
    expect(result.topic).toBe('digest');
    expect(result.lines.map((l) => l.usage)).toEqual(['digest', 'digest last', 'digest YYYY-Www']);
  });
});
