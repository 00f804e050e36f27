import { describe, expect, it } from 'vitest';
import { findLimitProblems, type SlackMessage } from '../../../src/platforms/slack/block-kit.js';
import {
  MAIN_ENTRY_BUDGET,
  renderSlackDigest,
} from '../../../src/platforms/slack/render-digest.js';
import { allowedUrls, makeDigest, makeEntry } from '../digest-fixtures.js';
import { collectTexts, findUnsafeMarkup, HOSTILE_TEXTS } from './hostile-text.js';

function sectionTexts(messages: SlackMessage[]): string[] {
  return messages.flatMap((m) =>
    m.blocks.flatMap((b) => (b.type === 'section' ? [b.text.text] : [])),
  );
}

function countEntries(messages: SlackMessage[]): number {
  return sectionTexts(messages).filter((t) => t.startsWith('*<') || /^\*[^*]+\(story \d+\)/.test(t))
    .length;
}

describe('renderSlackDigest', () => {
  it('renders a small week as one message with header, themes, links, facts and coverage', () => {
    const digest = makeDigest({ themes: 2, perTheme: 2 });
    const messages = renderSlackDigest(digest);
    expect(messages).toHaveLength(1);
    const [main] = messages;
    expect(main!.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Catch up: week of 13 February 2017' },
    });
    const all = collectTexts(main!).join('\n');
    expect(all).toContain('13–19 February 2017 · 4 stories in 2 themes');
    expect(all).toContain('*Carter reviews*');
    expect(all).toContain(
      '<https://news.example.org/nhse/carter/0?utm_source=x&amp;id=0|Trust 0 publishes',
    );
    expect(all).toContain('NHS England news · 14 Feb');
    expect(all).toContain(
      'also <https://news.example.org/hsj/carter/1?utm_source=x&amp;id=1|HSJ (subscription)>',
    );
    expect(all).toContain('Organisations: NHS Improvement, Example Hospitals NHS Trust 1');
    expect(all).toContain('Sums: £11m, £1.2bn');
    expect(all).toContain('Coverage: every source was checked this week.');
    expect(main!.text).toContain('Catch up: week of 13 February 2017: 4 stories in Carter reviews');
    expect(main!.unfurl_links).toBe(false);
  });

  it('says an empty week plainly', () => {
    const digest = makeDigest({ themes: 0 });
    const messages = renderSlackDigest(digest);
    expect(messages).toHaveLength(1);
    const all = collectTexts(messages[0]!).join('\n');
    expect(all).toContain(
      "No stories matched this channel's themes in the week of 13–19 February 2017.",
    );
    expect(findLimitProblems(messages[0]!)).toEqual([]);
  });

  it('points to the search command for stories beyond the cap', () => {
    const digest = makeDigest({ themes: 1, perTheme: 2, moreCount: 7 });
    const all = collectTexts(renderSlackDigest(digest, { commandName: '/nhs' })[0]!).join('\n');
    expect(all).toContain('and 7 more: `/nhs theme:carter week:2017-W07`');
    expect(all).toContain('*Carter reviews*  ·  9 stories');
  });

  it('names the sources that could not be checked', () => {
    const digest = makeDigest({ themes: 1, failedSources: 2 });
    const all = collectTexts(renderSlackDigest(digest)[0]!).join('\n');
    expect(all).toContain(
      'could not check 2 sources this week: Source 0 (HTTP 503); Source 1 (HTTP 503)',
    );
  });

  it.each([
    { name: 'eleven themes at the default cap', themes: 11, perTheme: 6, moreCount: 4 },
    { name: 'a 500-story week (10 themes x 50)', themes: 10, perTheme: 50, moreCount: 0 },
    { name: 'one theme of 200 stories', themes: 1, perTheme: 200, moreCount: 30 },
    { name: 'a week that just fits', themes: 2, perTheme: 6, moreCount: 0 },
  ])('$name: every message within every limit, every story once', (shape) => {
    const digest = makeDigest(shape);
    const messages = renderSlackDigest(digest);
    for (const [i, m] of messages.entries()) {
      expect(findLimitProblems(m), `message ${i}`).toEqual([]);
    }
    expect(countEntries(messages)).toBe(shape.themes * shape.perTheme);
    // The channel message stays short; the rest is in the thread.
    expect(countEntries(messages.slice(0, 1))).toBeLessThanOrEqual(MAIN_ENTRY_BUDGET);
    expect(messages[0]!.blocks[0]!.type).toBe('header');
    if (messages.length > 1) {
      expect(collectTexts(messages[0]!).join('\n')).toContain('More in the thread:');
      for (const reply of messages.slice(1)) expect(reply.text).toContain('(continued');
    }
    // Themes keep their order across parts.
    const labels = sectionTexts(messages)
      .map((t) => /^\*([^*]+)\*(?: {2}· {2}\d+ stor| \(continued\))/.exec(t)?.[1])
      .filter((l): l is string => l !== undefined);
    const firstSeen = [...new Set(labels)];
    expect(firstSeen).toEqual(digest.sections.map((s) => s.label));
  });

  it('keeps a theme whole in one reply when it fits there', () => {
    const digest = makeDigest({ themes: 4, perTheme: 6 });
    const messages = renderSlackDigest(digest);
    expect(messages.length).toBe(2);
    const continued = sectionTexts(messages).filter((t) => t.includes('(continued)'));
    expect(continued).toEqual([]);
  });

  it('renders hostile feed text inert: no mention, no disguised or javascript: link', () => {
    const digest = makeDigest({
      themes: 3,
      perTheme: 16,
      hostile: HOSTILE_TEXTS,
      failedSources: 4,
    });
    const messages = renderSlackDigest(digest);
    const allowed = allowedUrls(digest);
    for (const m of messages) {
      expect(findLimitProblems(m)).toEqual([]);
      for (const text of collectTexts(m)) expect(findUnsafeMarkup(text, allowed), text).toEqual([]);
    }
    const all = messages.flatMap(collectTexts).join('\n');
    expect(all).not.toMatch(/<javascript:/);
    expect(all).not.toContain('document.cookie');
    expect(all).not.toMatch(/<https:\/\/evil/);
    expect(all).toContain('&lt;https://evil.example/phish|NHS England&gt;');
    expect(all).toContain('&lt;!channel&gt;');
    expect(all).toContain('عنوان عربي');
  });

  it('cuts a 50,000-character title and summary to fit', () => {
    const digest = makeDigest({ themes: 1, perTheme: 1 });
    const entry = makeEntry('carter', 0);
    entry.title = '<!channel> '.repeat(5000);
    entry.summary = '&'.repeat(50_000);
    entry.url = `https://example.org/${'a'.repeat(5000)}`;
    digest.sections[0]!.entries = [entry];
    digest.title = 'T'.repeat(400);
    const messages = renderSlackDigest(digest);
    for (const m of messages) expect(findLimitProblems(m)).toEqual([]);
    expect(messages[0]!.blocks[0]).toMatchObject({
      text: { text: expect.stringMatching(/^T+…$/) },
    });
  });

  it('is deterministic', () => {
    const digest = makeDigest({ themes: 6, perTheme: 9, moreCount: 2, hostile: HOSTILE_TEXTS });
    expect(renderSlackDigest(digest)).toEqual(renderSlackDigest(structuredClone(digest)));
  });
});
