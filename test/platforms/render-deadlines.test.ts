// Reminders and "Closing soon" as Slack and Discord payloads (src/platforms/*/render-deadlines.ts):
// within each platform's limits, publisher text never live markup, unsafe links dropped.
import { describe, expect, it } from 'vitest';
import type { DeadlineReminder, Digest, DigestDeadline } from '../../src/domain.js';
import {
  renderClosingSoonEmbed,
  renderReminderMessage as discordReminder,
} from '../../src/platforms/discord/render-deadlines.js';
import { findLimitProblems } from '../../src/platforms/slack/block-kit.js';
import {
  renderClosingSoonBlocks,
  renderReminderMessage as slackReminder,
} from '../../src/platforms/slack/render-deadlines.js';
import { checkSlackBlocks } from '../fakes/slack-block-rules.js';
import { digest } from './digest-fixtures.js';
import { collectTexts, findUnsafeMarkup, HOSTILE_TEXTS } from './slack/hostile-text.js';

function deadline(n: number, title: string, url: string | null): DigestDeadline {
  return {
    title,
    url,
    closesAt: '2017-03-10T17:00:00.000Z',
    kind: 'consultation',
    closesOn: '2017-03-10',
    ref: `g_0000${String(n).padStart(4, '0')}`,
    themes: ['carter'],
    phrase: 'closes at 5pm on 10 March 2017',
  };
}

const reminder = (d: DigestDeadline): DeadlineReminder => ({
  deadline: d,
  timeZone: 'Europe/London',
  daysLeft: 7,
});

describe('reminders', () => {
  it.each(HOSTILE_TEXTS.map((t) => [t]))('Slack keeps %j inert', (title) => {
    const message = slackReminder(reminder(deadline(1, title, 'https://example.org/c')));
    expect(findLimitProblems(message)).toEqual([]);
    expect(checkSlackBlocks(message.blocks)).toEqual([]);
    for (const text of collectTexts(message)) {
      expect(findUnsafeMarkup(text, new Set(['https://example.org/c']))).toEqual([]);
    }
  });

  it('Slack: the words, the date and time, the days left and the reference', () => {
    const message = slackReminder(
      reminder(deadline(1, 'Carter consultation', 'https://example.org/c')),
    );
    expect(collectTexts(message)).toContain(
      ':alarm_clock: Reminder: Consultation closes Fri 10 Mar 2017, 17:00 (in 7 days): <https://example.org/c|Carter consultation> · `g_00000001`',
    );
  });

  it('Discord: mentions off, and a link only when it is a safe http(s) URL', () => {
    const safe = discordReminder(reminder(deadline(1, '@everyone read', 'https://example.org/c')));
    expect(safe.allowed_mentions).toEqual({ parse: [] });
    expect(safe.embeds[0]?.url).toBe('https://example.org/c');
    const unsafe = discordReminder(reminder(deadline(2, 'x', 'javascript:alert(1)')));
    expect(unsafe.embeds[0]?.url).toBeUndefined();
  });
});

describe('"Closing soon" with many deadlines', () => {
  const many: Digest = {
    ...digest([]),
    deadlines: Array.from({ length: 200 }, (_, i) =>
      deadline(
        i,
        `${'Consultation on a very long subject '.repeat(5)}${i}`,
        `https://example.org/${i}`,
      ),
    ),
  };

  it('Slack: one section within the text limit, the rest counted', () => {
    const blocks = renderClosingSoonBlocks(many);
    expect(checkSlackBlocks(blocks)).toEqual([]);
    const text = (blocks[1] as { text: { text: string } }).text.text;
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text).toMatch(/…and \d+ more$/);
  });

  it('Discord: one embed within the description budget, the rest counted', () => {
    const embed = renderClosingSoonEmbed(many)!;
    expect(embed.description!.length).toBeLessThanOrEqual(4096);
    expect(embed.description).toMatch(/…and \d+ more$/);
  });
});
