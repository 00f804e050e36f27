import { describe, expect, it } from 'vitest';
import { renderDiscordDigest } from '../../../src/platforms/discord/render-digest.js';
import { bigDigest, digest, entry, hostileDigest, section } from '../digest-fixtures.js';
import { expectInert, expectWithinLimits, visibleText } from './discord-assertions.js';

describe('renderDiscordDigest', () => {
  it('renders a normal week as one message: header, a section per theme, linked headlines', () => {
    const messages = renderDiscordDigest(
      digest([
        section('carter', 'Carter reviews', [entry(1), entry(2)], 3),
        section('stp', 'STPs', [entry(3)]),
      ]),
    );
    expect(messages).toHaveLength(1);
    const [m] = messages;
    expect(m!.content).toBe('Catch up: week of 13 February 2017');
    expect(m!.embeds.map((e) => e.title)).toEqual([
      'Catch up: week of 13 February 2017',
      'Carter reviews · 5 stories',
      'STPs · 1 story',
    ]);
    const header = m!.embeds[0]!.description!;
    expect(header).toContain('13–19 February 2017 · 6 stories in 2 themes');
    expect(header).toContain('every source was checked');
    const carter = m!.embeds[1]!.description!;
    expect(carter).toContain(
      '**[Story 1: trust publishes its cost improvement plan for the year](https://news.example.org/story/1)**',
    );
    expect(carter).toContain(
      'HSJ (subscription) · 14 Feb · also [NHS England](https://www.england.example/news/1)',
    );
    expect(carter).toContain(
      'Organisations: The Dudley Group NHS Foundation Trust, NHS Improvement · Sums: £12m, £1.2bn',
    );
    expect(carter).toContain(
      '…and 3 more:* `/briefing search theme:carter since:2017-02-13 until:2017-02-20`',
    );
    expect(m!.embeds.at(-1)!.footer?.text).toBe('2017-W07');
    expectWithinLimits(m!);
    expectInert(m!);
  });

  it('counts a story filed under two themes once in the header', () => {
    const [m] = renderDiscordDigest(
      digest([
        section('carter', 'Carter reviews', [entry(7)]),
        section('procurement', 'Procurement', [entry(7)]),
      ]),
    );
    expect(m!.embeds[0]!.description).toContain('1 story in 2 themes');
  });

  it('says an empty week plainly and still reports coverage gaps', () => {
    const messages = renderDiscordDigest(
      digest([], [{ id: 'hsj', name: 'HSJ', reason: 'HTTP 503 for 3 days' }]),
    );
    expect(messages).toHaveLength(1);
    const text = visibleText(messages[0]!);
    expect(text).toContain(
      "No stories matched this channel's themes in the week of 13–19 February 2017.",
    );
    expect(text).toContain('could not check 1 source this week: HSJ (HTTP 503 for 3 days)');
  });

  it('splits a 500-story week across messages, every one within every limit, losing no story', () => {
    const messages = renderDiscordDigest(bigDigest());
    expect(messages.length).toBeGreaterThan(20);
    for (const m of messages) {
      expectWithinLimits(m);
      expectInert(m, [
        'news.example.org',
        'www.england.example',
        'outlet1.example',
        'outlet2.example',
        'outlet3.example',
      ]);
    }
    const all = messages.map(visibleText).join('\n');
    for (let n = 1; n <= 500; n++) {
      expect(all.split(`[Story ${n}: `).length - 1, `story ${n}`).toBe(1);
    }
    expect(messages[0]!.embeds[0]!.title).toBe('Catch up: week of 13 February 2017');
    expect(messages.map((m) => m.embeds.at(-1)!.footer!.text)).toEqual(
      messages.map((_, i) => `Part ${i + 1} of ${messages.length} · 2017-W07`),
    );
    expect(all).toContain('Theme number 3 (continued)');
    expect(all).toContain("could not check 1 source this week: The King's Fund (HTTP 503)");
  });

  it('is deterministic', () => {
    expect(renderDiscordDigest(bigDigest())).toEqual(renderDiscordDigest(bigDigest()));
  });

  it('renders hostile feed text inert: no mention, no broadcast, no disguised or script link', () => {
    const messages = renderDiscordDigest(hostileDigest());
    for (const m of messages) {
      expectWithinLimits(m);
      expectInert(m);
    }
    const all = messages.map(visibleText).join('\n');
    // The masked link in a title is shown as literal text, not as a link to evil.example.
    expect(all).toContain('\\[NHS England\\](https:\u200b//evil.example/phish)');
    // javascript: URLs are dropped: the headline is plain escaped text.
    expect(all).toContain(
      '**@\u200beveryone Lord Carter publishes the acute productivity review**',
    );
    expect(all).toContain('مستشفى الملكة');
  });
});
