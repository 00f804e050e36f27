// TEMPORARY until test/helpers/app-fixture.ts (real database + buildCommandDeps) lands: an
// in-memory CommandDeps with invented stories, so the discord.js wiring can be exercised now.
import type { CommandDeps } from '../../../src/commands/types.js';
import type { SearchHit, Subscription } from '../../../src/domain.js';
import { HOSTILE_TITLES, bigDigest } from './digest-fixtures.js';

export function createTestCommandDeps(options: { throwOnThemes?: boolean } = {}): CommandDeps {
  const subs: Subscription[] = [];
  let nextId = 1;
  const hits: SearchHit[] = Array.from({ length: 25 }, (_, i) => ({
    id: `s${i}`,
    title:
      i < HOSTILE_TITLES.length
        ? HOSTILE_TITLES[i]!
        : `Trust ${i} reports progress on the Carter metrics`,
    url: i % 3 === 0 ? 'javascript:alert(1)' : `https://news.example.org/carter/${i}`,
    source: 'NHS England news',
    publishedAt: '2017-02-14T09:30:00.000Z',
    snippet: `Trust ${i} said unwarranted variation had fallen. @everyone <@&1>`,
    themes: ['carter'],
  }));
  const same = (s: Subscription, p: string, w: string, c: string) =>
    s.platform === p && s.workspaceId === w && s.channelId === c;
  return {
    themes: () => {
      if (options.throwOnThemes) throw new Error('test: themes unavailable');
      return [
        { id: 'carter', label: 'Carter reviews', description: 'Lord Carter productivity reviews' },
        { id: 'stp', label: 'STPs', description: 'Sustainability and transformation plans' },
        { id: 'procurement', label: 'Procurement', description: 'How the NHS buys things' },
      ];
    },
    sourceIds: () => ['nhse-news', 'hsj', 'gov-dhsc'],
    resolveOrganisation: () => [],
    search: (query) => {
      const page = hits.slice(query.offset, query.offset + query.limit);
      const next = query.offset + page.length;
      return {
        query,
        hits: page,
        total: hits.length,
        nextOffset: next < hits.length ? next : null,
      };
    },
    explain: () => null,
    countByThemeInWeek: () => ({ carter: 3 }),
    buildDigest: () => bigDigest(),
    currentWeek: () => '2017-W07',
    subscriptions: {
      get: (p, w, c) => subs.find((s) => same(s, p, w, c)) ?? null,
      upsert: (input, now) => {
        const existing = subs.find((s) =>
          same(s, input.platform, input.workspaceId, input.channelId),
        );
        if (existing) {
          Object.assign(existing, input);
          return { subscription: existing, created: false };
        }
        const sub: Subscription = {
          ...input,
          id: nextId++,
          createdAt: now.toISOString(),
          pausedReason: null,
        };
        subs.push(sub);
        return { subscription: sub, created: true };
      },
      remove: (p, w, c) => {
        const i = subs.findIndex((s) => same(s, p, w, c));
        if (i >= 0) subs.splice(i, 1);
        return i >= 0;
      },
      list: (p, w) => subs.filter((s) => s.platform === p && s.workspaceId === w),
    },
    sourceHealth: () => [],
    deliveryHealth: () => [],
    subscribeNeedsAdmin: () => true,
  };
}
