// The digest as Adaptive Cards: schema 1.5, every entry exactly once and in order, each message
// within the 28 KB we design for (a 500-story week splits into parts), deterministic; and hostile
// feed text (mentions, `<at>` tags, masked links, markdown, bidi and control characters,
// javascript: URLs) comes out inert: the only links are the stories' own URLs, each shown with
// its host, and no `<at>` or other tag can form.
import { describe, expect, it } from 'vitest';
import { MESSAGE_BYTE_LIMIT, jsonBytes } from '../../../src/platforms/teams/adaptive-card.js';
import { renderTeamsDigest } from '../../../src/platforms/teams/render-digest.js';
import {
  allowedUrls,
  bigDigest,
  hostileDigest,
  makeDigest,
  HOSTILE_TITLES,
} from '../digest-fixtures.js';

function texts(value: unknown): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
      Object.values(o).forEach(visit);
    }
  };
  visit(value);
  return out;
}

/** Problems in card markdown: links outside `allowed`, tags, bare URLs, bidi/control chars. */
export function findUnsafeCardText(markdown: string, allowed: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const link = /(?<!\\)\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)\)/g;
  for (const m of markdown.matchAll(link)) {
    if (!allowed.has(m[2]!)) problems.push(`link to ${m[2]}`);
    const host = new URL(m[2]!).hostname.replace(/^www\./, '');
    if (!markdown.slice(m.index + m[0].length).startsWith(` (${host})`))
      problems.push(`link without its host ${m[0]}`);
  }
  const rest = markdown.replace(link, '');
  if (/<(?!\u200b)/.test(rest)) problems.push('a tag can form');
  if (/:\/\//.test(rest)) problems.push('a bare URL');
  if (/[\u202a-\u202e\u2066-\u2069]/.test(markdown)) problems.push('bidi override');
  // eslint-disable-next-line no-control-regex -- looking for control characters on purpose
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(markdown)) problems.push('control character');
  return problems;
}

describe('renderTeamsDigest', () => {
  it('splits a 500-story week into messages under 28 KB, every entry once and in order', () => {
    const digest = bigDigest();
    const cards = renderTeamsDigest(digest, { commandPrefix: '@Briefing' });
    expect(cards.length).toBeGreaterThan(3);
    for (const card of cards) {
      expect(card.version).toBe('1.5');
      const activity = {
        type: 'message',
        summary: digest.title,
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
      };
      expect(jsonBytes(activity)).toBeLessThanOrEqual(MESSAGE_BYTE_LIMIT);
    }
    const all = cards.flatMap((c) => texts(c.body)).join('\n');
    let at = 0;
    for (const section of digest.sections) {
      for (const entry of section.entries) {
        const marker = `](${entry.url})`;
        const found = all.indexOf(marker, at);
        expect(found, entry.title).toBeGreaterThanOrEqual(at);
        at = found;
      }
    }
    expect(texts(cards[1]!.body)[0]).toMatch(/part 2 of \d+/);
    expect(renderTeamsDigest(bigDigest(), { commandPrefix: '@Briefing' })).toEqual(cards);
  });

  it('cuts at the budget it is given (small cards, same entries)', () => {
    const digest = makeDigest({ themes: 3, perTheme: 4 });
    const small = renderTeamsDigest(digest, { commandPrefix: null, cardByteBudget: 6000 });
    expect(small.length).toBeGreaterThan(1);
    for (const card of small) expect(jsonBytes(card)).toBeLessThanOrEqual(6000);
    const joined = small.flatMap((c) => texts(c.body)).join('\n');
    for (const s of digest.sections)
      for (const e of s.entries) expect(joined).toContain(`](${e.url})`);
  });

  it('keeps hostile feed text inert', () => {
    const digest = hostileDigest();
    const allowed = allowedUrls(digest);
    const cards = renderTeamsDigest(digest, { commandPrefix: '@Briefing' });
    const all = cards.flatMap((c) => texts(c.body));
    const problems = all.flatMap((t) => findUnsafeCardText(t, allowed));
    expect(problems).toEqual([]);
    const joined = all.join('\n');
    expect(joined).not.toMatch(/<at>/i);
    expect(joined).not.toContain('evil.example/phish)');
    expect(joined).toContain('\\[NHS England\\]');
    expect(joined).toContain('\\*\\*Bold\\*\\*');
    expect(HOSTILE_TITLES.length).toBeGreaterThan(5);
  });

  it('has a checker that can fail', () => {
    const allowed = new Set(['https://news.example.org/story/1']);
    expect(
      findUnsafeCardText('[NHS](https://evil.example/phish) (evil.example)', allowed),
    ).not.toEqual([]);
    expect(findUnsafeCardText('hi <at>Everyone</at>', allowed)).toEqual(['a tag can form']);
    expect(findUnsafeCardText('see https://evil.example', allowed)).toEqual(['a bare URL']);
    expect(
      findUnsafeCardText('[x](https://news.example.org/story/1) (news.example.org)', allowed),
    ).toEqual([]);
  });

  it('escapes hostile text in a digest of any shape', () => {
    const digest = makeDigest({
      hostile: ['<at>Everyone</at> [x](https://evil.example)'],
      failedSources: 1,
    });
    const all = renderTeamsDigest(digest, { commandPrefix: null }).flatMap((c) => texts(c.body));
    expect(all.flatMap((t) => findUnsafeCardText(t, allowedUrls(digest)))).toEqual([]);
  });
});
