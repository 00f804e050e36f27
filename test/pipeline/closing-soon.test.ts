// "Closing soon": the week's digest lists deadlines closing within four weeks of its end (from
// the real store), the archived JSON keeps them under `deadlines`, a channel sees those of its
// themes, and Markdown, Slack and Discord each show the section.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archiveDigest } from '../../src/digest/archive-digest.js';
import { renderDigestMarkdown } from '../../src/digest/render-markdown.js';
import { selectForSubscription } from '../../src/digest/select-for-subscription.js';
import { buildWeekDigest } from '../../src/pipeline/build-week-digest.js';
import { renderDiscordDigest } from '../../src/platforms/discord/render-digest.js';
import { renderSlackDigest } from '../../src/platforms/slack/render-digest.js';
import { findLimitProblems } from '../../src/platforms/slack/block-kit.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { consultation, storeWithDeadlines } from '../helpers/deadline-fixtures.js';
import { jobConfig } from './job-fixtures.js';

// 2021-W47 is 22-28 November 2021; the digest's four weeks run to 27 December 00:00 (London).
const WEEK = { year: 2021, week: 47 };
let db: Db;
let dir: string;

beforeEach(() => {
  db = openDatabase(':memory:');
  dir = mkdtempSync(join(tmpdir(), 'briefing-closing-soon-'));
  storeWithDeadlines(
    db,
    [
      consultation(1, '12 January 2022', '2021-11-23T10:00:00.000Z'), // beyond four weeks
      consultation(2, '3 December 2021', '2021-11-23T10:00:00.000Z'),
      consultation(3, '26 December 2021', '2021-11-23T10:00:00.000Z', ['stp']),
      consultation(4, '27 November 2021', '2021-11-23T10:00:00.000Z'), // closed before the end
      consultation(5, '20 December 2021', '2021-10-05T10:00:00.000Z', ['stp']), // older story
    ],
    new Date('2021-11-23T12:00:00.000Z'),
  );
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the digest of a week', () => {
  it('lists the deadlines closing within four weeks of its end, soonest first', () => {
    const digest = buildWeekDigest(db, jobConfig(), WEEK);
    expect(digest.deadlines?.map((d) => [d.closesOn, d.kind, d.title])).toEqual([
      ['2021-12-03', 'consultation', 'Consultation 2 on the workforce plan'],
      ['2021-12-20', 'consultation', 'Consultation 5 on the workforce plan'],
      ['2021-12-26', 'consultation', 'Consultation 3 on the workforce plan'],
    ]);
    const [first] = digest.deadlines!;
    expect(Object.keys(first!).sort()).toEqual(
      ['closesAt', 'closesOn', 'kind', 'phrase', 'ref', 'themes', 'title', 'url'].sort(),
    );
  });

  it('counts a preview from now rather than from the end of the week', () => {
    const digest = buildWeekDigest(db, jobConfig(), WEEK, new Date('2021-11-24T12:00:00.000Z'));
    expect(digest.deadlines?.map((d) => d.closesOn)).toEqual([
      '2021-11-27',
      '2021-12-03',
      '2021-12-20',
    ]);
  });

  it('archives them under `deadlines` next to every key the JSON had', () => {
    const digest = buildWeekDigest(db, jobConfig(), WEEK);
    const { jsonPath, markdownPath } = archiveDigest(digest, dir);
    const json = JSON.parse(readFileSync(jsonPath, 'utf8')) as Record<string, unknown>;
    for (const key of ['week', 'title', 'timeZone', 'startsAt', 'endsAt', 'sections', 'coverage']) {
      expect(json).toHaveProperty(key);
    }
    expect((json.deadlines as { closesAt: string }[]).map((d) => d.closesAt)).toEqual([
      '2021-12-03T23:59:00.000Z',
      '2021-12-20T23:59:00.000Z',
      '2021-12-26T23:59:00.000Z',
    ]);
    expect(readFileSync(markdownPath, 'utf8')).toContain('## Closing soon');
  });

  it('shows a channel the deadlines of the themes it follows', () => {
    const digest = buildWeekDigest(db, jobConfig(), WEEK);
    const stp = selectForSubscription(digest, { themes: ['stp'], organisations: [] });
    expect(stp.deadlines?.map((d) => d.closesOn)).toEqual(['2021-12-20', '2021-12-26']);
    const all = selectForSubscription(digest, { themes: 'all', organisations: [] });
    expect(all.deadlines).toHaveLength(3);
  });
});

describe('"Closing soon" in every render', () => {
  it('Markdown: one line per deadline with its date, linked title and reference', () => {
    const markdown = renderDigestMarkdown(buildWeekDigest(db, jobConfig(), WEEK));
    const section = markdown.slice(markdown.indexOf('## Closing soon'));
    expect(section).toContain(
      '- Consultation closes Fri 3 Dec 2021: [Consultation 2 on the workforce plan](https://example.org/consultation-2) · `g_dead0002`',
    );
    expect(section.indexOf('3 Dec')).toBeLessThan(section.indexOf('26 Dec'));
  });

  it('Slack: a section in the channel message, within Block Kit limits', () => {
    const [main] = renderSlackDigest(buildWeekDigest(db, jobConfig(), WEEK));
    const texts = main!.blocks.map((b) => ('text' in b && b.text ? b.text.text : ''));
    const closing = texts.find((t) => t.startsWith('*Closing soon*'));
    expect(closing).toContain(
      '• Consultation closes Fri 3 Dec 2021: <https://example.org/consultation-2|Consultation 2 on the workforce plan> · `g_dead0002`',
    );
    expect(findLimitProblems(main!)).toEqual([]);
  });

  it('Discord: an embed titled "Closing soon"', () => {
    const messages = renderDiscordDigest(buildWeekDigest(db, jobConfig(), WEEK));
    const embed = messages.flatMap((m) => m.embeds).find((e) => e.title === 'Closing soon');
    expect(embed?.description?.split('\n')).toHaveLength(3);
    expect(embed?.description).toContain(
      '[Consultation 2 on the workforce plan](https://example.org/consultation-2)',
    );
  });

  it('says nothing when nothing closes soon', () => {
    db.prepare('DELETE FROM story_deadlines').run();
    const digest = buildWeekDigest(db, jobConfig(), WEEK);
    expect(digest.deadlines).toEqual([]);
    expect(renderDigestMarkdown(digest)).not.toContain('Closing soon');
  });
});
