// TEMPORARY until test/helpers/app-fixture.ts (real database + buildCommandDeps) lands: an
// in-memory CommandDeps with a few invented stories so the Bolt wiring can be exercised.
import type { CommandDeps } from '../../../src/commands/types.js';
import type { SearchHit, Subscription } from '../../../src/domain.js';
import { makeDigest } from './digest-fixtures.js';

export function createTestCommandDeps(
  options: { needsAdmin?: boolean; hits?: number } = {},
): CommandDeps {
  const subs: Subscription[] = [];
  let nextId = 1;
  const hits: SearchHit[] = Array.from({ length: options.hits ?? 25 }, (_, i) => ({
    id: `s${i}`,
    title: `Lord Carter's productivity review: trust ${i} reports progress`,
    url: `https://news.example.org/carter/${i}`,
    source: 'NHS England news',
    publishedAt: '2017-02-14T09:30:00.000Z',
    snippet: `Trust ${i} said unwarranted variation in procurement had fallen.`,
    themes: ['carter'],
  }));
  return {
    themes: () => [
      { id: 'carter', label: 'Carter reviews', description: 'Lord Carter productivity reviews' },
      { id: 'stp', label: 'STPs', description: 'Sustainability and transformation plans' },
    ],
    sourceIds: () => ['nhse', 'hsj'],
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
    buildDigest: () => makeDigest({ themes: 2, perTheme: 2 }),
    currentWeek: () => '2017-W07',
    subscriptions: {
      get: (platform, workspaceId, channelId) =>
        subs.find(
          (s) =>
            s.platform === platform && s.workspaceId === workspaceId && s.channelId === channelId,
        ) ?? null,
      upsert: (input, now) => {
        const existing = subs.find(
          (s) =>
            s.platform === input.platform &&
            s.workspaceId === input.workspaceId &&
            s.channelId === input.channelId,
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
      remove: (platform, workspaceId, channelId) => {
        const i = subs.findIndex(
          (s) =>
            s.platform === platform && s.workspaceId === workspaceId && s.channelId === channelId,
        );
        if (i >= 0) subs.splice(i, 1);
        return i >= 0;
      },
      list: (platform, workspaceId) =>
        subs.filter((s) => s.platform === platform && s.workspaceId === workspaceId),
    },
    sourceHealth: () => [],
    deliveryHealth: () => [],
    subscribeNeedsAdmin: () => options.needsAdmin ?? false,
  };
}
