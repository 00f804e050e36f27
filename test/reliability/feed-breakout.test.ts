// Feed text that tries to break out of the bot (issue 8): mentions (`@everyone`, `@here`,
// `<!channel>`, `<@U…>`, `<@&…>`, `<#…>`, `<!subteam^…>`), mrkdwn and Markdown link injection
// (`<https://evil|NHS England>`, `[NHS England](https://evil)`), HTML and script tags, and
// `javascript:` / `data:` links, served by a loopback feed, polled by the real pollSource into the
// real archive, then rendered as the weekly digest for Slack, Discord and Markdown and as search
// results for Slack and Discord. None of it may be a working mention or a disguised link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPollDeps } from '../../src/pipeline/build-poll-deps.js';
import { buildCommandDeps } from '../../src/pipeline/command-deps.js';
import { emptySearchQuery } from '../../src/commands/parse-search-query.js';
import { loadEnv } from '../../src/config/env.js';
import { loadConfigOrThrow, type AppConfig } from '../../src/config/load.js';
import { renderDigestMarkdown } from '../../src/digest/render-markdown.js';
import type { Digest, SearchPage, Source } from '../../src/domain.js';
import { pollSource } from '../../src/pipeline/poll-source.js';
import { buildWeekDigest } from '../../src/pipeline/build-week-digest.js';
import { silentLogger } from '../../src/logging.js';
import { renderDiscordDigest } from '../../src/platforms/discord/render-digest.js';
import { renderSearchPage as renderDiscordSearch } from '../../src/platforms/discord/render-search.js';
import { createSearchQueryCache } from '../../src/platforms/discord/search-paging.js';
import { renderSlackDigest } from '../../src/platforms/slack/render-digest.js';
import { renderSearchPage as renderSlackSearch } from '../../src/platforms/slack/render-search.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { serveBody, startFeedServer, type FeedServer } from '../fakes/feed-server.js';
import { REPO_ROOT } from './kill-world.js';

const NOW = new Date('2026-11-10T12:00:00Z');
const GOOD = 'https://news.example.org/breakout';

/** Invented items; every title carries a theme phrase so it reaches the digest. */
const ITEMS: { title: string; link: string; description: string }[] = [
  {
    title:
      '@everyone @here <!channel> <!here> <@U0123ABCD> <@&123456789012345678> <#C0123|general> <!subteam^S0123> Lord Carter review of operational productivity',
    link: `${GOOD}/1`,
    description:
      'Read it at <https://evil.example/phish|NHS England> or [NHS England](https://evil.example/phish) today.',
  },
  {
    title: '[NHS England](https://evil.example/a) integrated care board agrees a joint plan',
    link: 'javascript:alert(document.cookie)',
    description: 'The integrated care board met on Tuesday.',
  },
  {
    title: '<https://evil.example/b|NHS England> vanguard site extends its new care model',
    link: `${GOOD}/3`,
    description:
      '<script>alert(1)</script><img src=x onerror=alert(2)> <a href="javascript:alert(3)">click here</a> The vanguard reported.',
  },
  {
    title:
      'Integrated care system update **bold** __under__ ~~strike~~ ||spoiler|| `code` <t:0:R> </briefing:1> @here',
    link: 'JaVaScRiPt:alert(4)',
    description: 'A <b>bold</b> note about the sustainability and transformation plan.',
  },
  {
    title: 'Trust runs a procurement <@U999> for pathology <!everyone>',
    link: 'data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==',
    description: 'A procurement notice &lt;!channel&gt; was published.',
  },
];

function rss(): string {
  const items = ITEMS.map(
    (item, i) =>
      `<item><title><![CDATA[${item.title}]]></title><link><![CDATA[${item.link}]]></link>` +
      `<guid isPermaLink="false">breakout-${i}</guid><pubDate>Tue, 03 Nov 2026 1${i}:00:00 GMT</pubDate>` +
      `<description><![CDATA[${item.description}]]></description></item>`,
  ).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Breakout</title><link>${GOOD}</link>${items}</channel></rss>`;
}

/** Every string anywhere in a payload (texts, titles, fields, urls). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function expectSlackInert(payload: unknown): void {
  for (const text of strings(payload)) {
    expect(text, text).not.toMatch(/<[!@#]/);
    expect(text, text).not.toMatch(/@(everyone|here|channel)\b/);
    for (const [, target] of text.matchAll(/<([^>|]*)(?:\|[^>]*)?>/g)) {
      expect(target, text).toMatch(/^https:\/\/news\.example\.org\//);
    }
    expect(text, text).not.toMatch(/javascript:|data:text/i);
  }
}

/** Unescaped `[label](url)`: a working Markdown / Discord masked link. */
const MASKED_LINK = /(?<!\\)\[((?:\\.|[^\]\\])*)\]\(([^)\s]+)/g;

function expectDiscordInert(payload: unknown): void {
  for (const text of strings(payload)) {
    expect(text, text).not.toMatch(/<[@#/:at!]/);
    expect(text, text).not.toMatch(/@(everyone|here)/);
    for (const [, , url] of text.matchAll(MASKED_LINK)) {
      expect(url, text).toMatch(/^https:\/\/news\.example\.org\//);
    }
    expect(text, text).not.toMatch(/javascript:|data:text/i);
  }
  for (const url of urlFields(payload)) expect(url).toMatch(/^https:\/\/news\.example\.org\//);
}

/** Values of `url` keys (embed links), which Discord turns into clickable titles. */
function urlFields(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(urlFields);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) =>
      key === 'url' && typeof v === 'string' ? [v] : urlFields(v),
    );
  }
  return [];
}

let feeds: FeedServer;
let db: Db;
let config: AppConfig;
let digest: Digest;
let page: SearchPage;

beforeAll(async () => {
  feeds = await startFeedServer({ '/breakout.xml': serveBody(rss()) });
  const base = loadConfigOrThrow(`${REPO_ROOT}/config`);
  const source: Source = {
    id: 'breakout',
    name: 'Breakout <!channel> [NHS](https://evil.example)',
    kind: 'feed',
    url: feeds.url('/breakout.xml'),
    pollIntervalMinutes: 30,
    paywalled: false,
    authority: 0.7,
    enabled: true,
    verified: true,
  };
  config = { ...base, sources: [source] };
  db = openDatabase(':memory:');
  const env = loadEnv({});
  if (!env.ok) throw new Error(env.errors.join('; '));
  const outcome = await pollSource(
    source,
    buildPollDeps({
      db,
      env: env.env,
      config,
      logger: silentLogger,
      now: () => NOW,
      fetchOverrides: { allowPrivateAddresses: true },
    }),
  );
  expect(outcome).toMatchObject({ status: 'ok', newStories: ITEMS.length });
  digest = buildWeekDigest(db, config, { year: 2026, week: 45 });
  const deps = buildCommandDeps({ db, config, logger: silentLogger, now: () => NOW });
  page = deps.search({ ...emptySearchQuery(), since: '2026-11-01', limit: 20 });
});

afterAll(async () => {
  db.close();
  await feeds.close();
});

describe('hostile feed text after ingest', () => {
  it('drops javascript: and data: links at ingest, keeps the stories', () => {
    const rows = db.prepare('SELECT title, url FROM stories ORDER BY published_at').all() as {
      title: string;
      url: string | null;
    }[];
    expect(rows).toHaveLength(ITEMS.length);
    expect(rows.map((r) => r.url)).toEqual([`${GOOD}/1`, null, `${GOOD}/3`, null, null]);
    for (const row of rows) expect(row.title).not.toMatch(/<script|onerror/i);
  });

  it('keeps angle-bracketed words of a title without tags as characters (issue 19)', () => {
    const titles = (db.prepare('SELECT title FROM stories').all() as { title: string }[]).map(
      (r) => r.title,
    );
    expect(titles).toContain(ITEMS[0]!.title);
    expect(titles).toContain('Trust runs a procurement <@U999> for pathology <!everyone>');
  });

  it('reaches the digest (the checks below are not vacuous)', () => {
    const entries = digest.sections.flatMap((s) => s.entries);
    expect(entries.length).toBeGreaterThanOrEqual(4);
    expect(page.hits).toHaveLength(ITEMS.length);
  });

  it.each([
    ['slack', expectSlackInert, { text: 'hi <!channel>' }],
    ['slack', expectSlackInert, { text: '<https://evil.example|NHS England>' }],
    ['discord', expectDiscordInert, { description: '@everyone look' }],
    ['discord', expectDiscordInert, { description: '[NHS England](https://evil.example)' }],
    ['discord', expectDiscordInert, { description: 'hi <@&123>' }],
    ['discord', expectDiscordInert, { url: 'https://evil.example/x' }],
  ])('the %s check itself catches %j', (_platform, check, payload) => {
    expect(() => check(payload)).toThrow();
  });

  it('Slack digest and search results: no working mention, no disguised link', () => {
    const messages = renderSlackDigest(digest);
    expect(messages.length).toBeGreaterThan(0);
    // The hostile words are shown (as inert text), not silently dropped.
    expect(strings(messages).join(' ')).toMatch(/everyone/);
    expect(strings(messages).join(' ')).toContain('&lt;!channel&gt; &lt;!here&gt;');
    for (const message of messages) expectSlackInert(message);
    expectSlackInert(renderSlackSearch(page, { timeZone: 'Europe/London' }));
  });

  it('Discord digest and search results: no working mention, no disguised link', () => {
    const messages = renderDiscordDigest(digest);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expectDiscordInert(message);
    expect(strings(messages).join(' ')).toContain('<\u200b!channel\\> <\u200b!here\\>');
    const reply = renderDiscordSearch(page, createSearchQueryCache(), 'Europe/London');
    expectDiscordInert(reply.embeds);
    expect(reply.allowed_mentions).toEqual({ parse: [] });
  });

  it('Markdown archive: no HTML, no disguised link', () => {
    const markdown = renderDigestMarkdown(digest);
    expect(markdown).not.toMatch(/<[a-z!/@#]/i);
    expect(markdown).toContain('&lt;!channel&gt; &lt;!here&gt;');
    expect(markdown).not.toMatch(/javascript:|data:text/i);
    for (const [, , url] of markdown.matchAll(MASKED_LINK)) {
      expect(url).toMatch(/^https:\/\/news\.example\.org\//);
    }
  });
});
