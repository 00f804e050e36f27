import { describe, expect, it } from 'vitest';
import type { CommandResult } from '../../../src/commands/types.js';
import type { SearchPage, SearchQuery, SourceHealth, Subscription } from '../../../src/domain.js';
import { findLimitProblems } from '../../../src/platforms/slack/block-kit.js';
import { renderSlackResult } from '../../../src/platforms/slack/render-result.js';
import {
  decodeMoreResultsValue,
  encodeMoreResultsValue,
  MORE_RESULTS_ACTION_ID,
} from '../../../src/platforms/slack/render-search.js';
import { makeDigest } from '../digest-fixtures.js';
import { collectTexts, findUnsafeMarkup, HOSTILE_TEXTS } from './hostile-text.js';

const options = { commandName: '/briefing', timeZone: 'Europe/London' };

function query(over: Partial<SearchQuery> = {}): SearchQuery {
  return {
    terms: ['carter'],
    phrases: ['model hospital'],
    excluded: ['prisons'],
    prefixes: ['procur'],
    themes: ['carter'],
    sources: [],
    organisations: [],
    since: '2017-01-01',
    until: null,
    limit: 10,
    offset: 0,
    ...over,
  };
}

function page(hits: number, over: Partial<SearchQuery> = {}, hostile = false): SearchPage {
  const q = query(over);
  return {
    query: q,
    total: 42,
    nextOffset: q.offset + hits < 42 ? q.offset + hits : null,
    hits: Array.from({ length: hits }, (_, i) => ({
      id: `s${i}`,
      title: hostile
        ? HOSTILE_TEXTS[i % HOSTILE_TEXTS.length]!
        : `Model Hospital data shows variation at trust ${i}`,
      url: hostile && i % 3 === 0 ? 'javascript:alert(1)' : `https://news.example.org/${i}`,
      source: hostile ? HOSTILE_TEXTS[(i + 1) % HOSTILE_TEXTS.length]! : 'NHS England news',
      publishedAt: '2017-02-14T09:30:00.000Z',
      snippet: hostile
        ? HOSTILE_TEXTS[(i + 2) % HOSTILE_TEXTS.length]!
        : 'Lord Carter said the tool would help boards.',
      themes: ['carter'],
    })),
  };
}

const sub: Subscription = {
  id: 1,
  platform: 'slack',
  workspaceId: 'T1',
  channelId: 'C0POLICY1',
  themes: ['carter', 'stp'],
  organisations: [],
  schedule: { day: 1, time: '08:30' },
  createdBy: 'U1',
  createdAt: '2017-02-01T00:00:00.000Z',
  pausedReason: null,
};

describe('renderSlackResult', () => {
  it('renders a search page with a More results button carrying the next offset', () => {
    const [reply] = renderSlackResult({ kind: 'search', page: page(10) }, options);
    expect(reply!.response_type).toBe('ephemeral');
    const all = collectTexts(reply!).join('\n');
    expect(all).toContain(
      '`carter "model hospital" procur* -prisons theme:carter since:2017-01-01`: 42 stories · showing 1–10',
    );
    expect(all).toContain(
      '<https://news.example.org/3|Model Hospital data shows variation at trust 3>',
    );
    expect(all).toContain('NHS England news · 14 Feb 2017 · carter');
    const actions = reply!.blocks.find((b) => b.type === 'actions');
    expect(actions).toBeDefined();
    const button = actions!.type === 'actions' ? actions!.elements[0]! : null;
    expect(button!.action_id).toBe(MORE_RESULTS_ACTION_ID);
    expect(decodeMoreResultsValue(button!.value)).toEqual(query({ offset: 10 }));
    expect(findLimitProblems(reply!)).toEqual([]);
  });

  it('leaves the button out on the last page', () => {
    const [reply] = renderSlackResult({ kind: 'search', page: page(2, { offset: 40 }) }, options);
    expect(reply!.blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('says so plainly when nothing matched', () => {
    const empty: SearchPage = { query: query(), hits: [], total: 0, nextOffset: null };
    const [reply] = renderSlackResult({ kind: 'search', page: empty }, options);
    expect(collectTexts(reply!).join('\n')).toContain('No stories found for');
  });

  it('drops the button rather than exceed the 2000-character value limit', () => {
    const long = query({ terms: Array.from({ length: 300 }, (_, i) => `word${i}`) });
    expect(encodeMoreResultsValue(long)).toBeNull();
    const [reply] = renderSlackResult(
      { kind: 'search', page: { ...page(10), query: long } },
      options,
    );
    expect(reply!.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(collectTexts(reply!).join('\n')).toContain('narrow the search');
    expect(findLimitProblems(reply!)).toEqual([]);
  });

  it.each([
    ['not json', '{nope'],
    ['wrong version', JSON.stringify({ v: 2, q: query() })],
    ['negative offset', JSON.stringify({ v: 1, q: query({ offset: -5 }) })],
    ['huge limit', JSON.stringify({ v: 1, q: query({ limit: 100000 }) })],
    ['missing fields', JSON.stringify({ v: 1, q: { terms: ['x'] } })],
    ['too long', 'x'.repeat(2001)],
    ['not a string', 42],
  ])('rejects a tampered button value: %s', (_name, value) => {
    expect(decodeMoreResultsValue(value)).toBeNull();
  });

  it('renders hostile search results inert', () => {
    const [reply] = renderSlackResult({ kind: 'search', page: page(16, {}, true) }, options);
    const allowed = new Set(Array.from({ length: 16 }, (_, i) => `https://news.example.org/${i}`));
    for (const text of collectTexts(reply!))
      expect(findUnsafeMarkup(text, allowed), text).toEqual([]);
    expect(findLimitProblems(reply!)).toEqual([]);
  });

  it.each<[string, CommandResult, RegExp, 'ephemeral' | 'in_channel']>([
    [
      'error with hint',
      { kind: 'error', message: 'unknown theme <!channel>', hint: 'Try `themes`.' },
      /:warning: unknown theme &lt;!channel&gt;\nTry `themes`\./,
      'ephemeral',
    ],
    [
      'subscribed',
      { kind: 'subscribed', subscription: sub, created: true },
      /will now receive.*\nthemes: carter, stp · Mondays at 08:30 \(Europe\/London\)/s,
      'in_channel',
    ],
    [
      'subscribed with organisations, on the usual schedule',
      {
        kind: 'subscribed',
        subscription: { ...sub, organisations: ['RNA', 'ZZZ'], schedule: null },
        created: true,
        organisationNames: { RNA: 'The Dudley Group NHS Foundation Trust' },
        defaultSchedule: { day: 1, time: '08:00' },
      },
      /organisations: The Dudley Group NHS Foundation Trust \(RNA\); ZZZ · on the usual schedule, Mondays at 08:00 \(Europe\/London\)/,
      'in_channel',
    ],
    [
      'updated',
      { kind: 'subscribed', subscription: sub, created: false },
      /Subscription updated/,
      'in_channel',
    ],
    ['unsubscribed', { kind: 'unsubscribed', removed: true }, /no longer receive/, 'in_channel'],
    ['not subscribed', { kind: 'unsubscribed', removed: false }, /was not subscribed/, 'ephemeral'],
    [
      'subscriptions',
      {
        kind: 'subscriptions',
        subscriptions: [
          sub,
          {
            ...sub,
            channelId: 'C0OTHER22',
            themes: 'all',
            pausedReason: 'Slack: the bot is not in the channel [not_in_channel]',
          },
        ],
      },
      /<#C0POLICY1>: themes: carter, stp[\s\S]*<#C0OTHER22>: themes: all themes.*paused: Slack: the bot/,
      'ephemeral',
    ],
    [
      'themes',
      {
        kind: 'themes',
        week: '2017-W07',
        themes: [
          { id: 'carter', label: 'Carter reviews', description: 'Lord Carter', countThisWeek: 3 },
        ],
      },
      /`carter` \*Carter reviews\* \(3\): Lord Carter/,
      'ephemeral',
    ],
    [
      'help',
      {
        kind: 'help',
        topic: null,
        lines: [{ usage: 'search <words>', description: 'Search the archive' }],
      },
      /`\/briefing search &lt;words&gt;` Search the archive/,
      'ephemeral',
    ],
  ])('%s', (_name, result, pattern, visibility) => {
    const [reply] = renderSlackResult(result, options);
    expect(reply!.response_type).toBe(visibility);
    expect(collectTexts(reply!).join('\n')).toMatch(pattern);
    expect(findLimitProblems(reply!)).toEqual([]);
  });

  it('keeps a status report of 300 failing sources within the limits', () => {
    const sources: SourceHealth[] = Array.from({ length: 300 }, (_, i) => ({
      sourceId: `s${i}`,
      name: `${HOSTILE_TEXTS[i % HOSTILE_TEXTS.length]} source ${i}`,
      enabled: true,
      lastSuccessAt: null,
      lastErrorAt: '2017-02-14T09:30:00.000Z',
      lastError: 'HTTP 503 '.repeat(50),
      consecutiveFailures: 3,
      nextPollAt: null,
      storyCount: i,
    }));
    const [reply] = renderSlackResult({ kind: 'status', sources, deliveries: [] }, options);
    expect(findLimitProblems(reply!)).toEqual([]);
    const all = collectTexts(reply!).join('\n');
    expect(all).toContain('300 enabled, 300 failing');
    expect(all).toMatch(/…and \d+ more lines not shown/);
    for (const text of collectTexts(reply!))
      expect(findUnsafeMarkup(text, new Set()), text).toEqual([]);
  });

  it('previews a long digest in at most five ephemeral messages', () => {
    const replies = renderSlackResult(
      { kind: 'digest', digest: makeDigest({ themes: 11, perTheme: 40 }), partial: true },
      options,
    );
    expect(replies.length).toBe(5);
    for (const r of replies) {
      expect(r.response_type).toBe('ephemeral');
      expect(findLimitProblems(r)).toEqual([]);
    }
    expect(collectTexts(replies[0]!).join('\n')).toMatch(
      /not over yet[\s\S]*more parts are not shown/,
    );
  });
});
