// Shared checks for anything the bot sends: Discord's limits and "no working mention, no
// disguised link". Used by the renderer, interaction and delivery tests.
import { embedLength, type APIEmbed } from 'discord.js';
import { expect } from 'vitest';

export interface SentBody {
  content?: string | null;
  embeds?: APIEmbed[];
  allowed_mentions?: unknown;
}

export function expectWithinLimits(body: SentBody): void {
  const embeds = body.embeds ?? [];
  expect(body.content?.length ?? 0).toBeLessThanOrEqual(2000);
  expect(embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const e of embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(256);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(25);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(256);
      expect(f.value.length).toBeLessThanOrEqual(1024);
    }
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
    total += embedLength(e);
  }
  expect(total).toBeLessThanOrEqual(6000);
}

/** All text a user would see, for scanning. */
export function visibleText(body: SentBody): string {
  const parts = [body.content ?? ''];
  for (const e of body.embeds ?? []) {
    parts.push(e.title ?? '', e.description ?? '', e.footer?.text ?? '', e.author?.name ?? '');
    for (const f of e.fields ?? []) parts.push(f.name, f.value);
  }
  return parts.join('\n');
}

/** What Discord parses as a mention, channel, command, timestamp or emoji: `<` then one of these. */
const MENTION = /<(@|#|\/|t:|a?:)/;
const BROADCAST = /@(everyone|here)/i;
/** A markdown link not preceded by a backslash-escaped bracket. */
const MASKED_LINK = /(?<!\\)\[((?:\\.|[^\]\\])*)\]\(([^)\s]+)\)/g;

/** No mention can work, no link goes anywhere but `allowedHosts`, nothing pings. */
export function expectInert(
  body: SentBody,
  allowedHosts: readonly string[] = ['news.example.org', 'www.england.example'],
): void {
  expect(body.allowed_mentions).toEqual({ parse: [] });
  const text = visibleText(body);
  expect(text).not.toMatch(MENTION);
  expect(text).not.toMatch(BROADCAST);
  expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  expect(text).not.toMatch(/(?<!\\)\]\(\s*javascript:/i);
  for (const m of text.matchAll(MASKED_LINK)) {
    const url = new URL(m[2]!);
    expect(['http:', 'https:']).toContain(url.protocol);
    expect(allowedHosts, `link to ${url.href}`).toContain(url.hostname);
  }
  // Autolinks: a bare http(s) URL outside a masked link would be clickable.
  // (Discord does not autolink inside inline code, which hints such as `explain https://...` use.)
  const withoutMasked = text.replace(MASKED_LINK, '').replace(/(?<!\\)`[^`\n]*`/g, '');
  for (const m of withoutMasked.matchAll(/https?:\/\/[^\s)]+/g)) {
    expect(allowedHosts, `autolink ${m[0]}`).toContain(new URL(m[0]).hostname);
  }
}
