// Search answers as Slack and Discord show them, from a real archive through searchArchive and
// the real renderers: the short story reference in every result, other outlets as "also", what
// was also searched and the spelling note, and the query words in bold in snippets, with hostile
// titles and summaries (mentions, broadcasts, markup characters) still inert.
import { afterAll, describe, expect, it } from 'vitest';
import { renderSearchPage as renderDiscord } from '../../src/platforms/discord/render-search.js';
import { createSearchQueryCache } from '../../src/platforms/discord/search-paging.js';
import { renderSearchPage as renderSlack } from '../../src/platforms/slack/render-search.js';
import { storyRef } from '../../src/text/story-ref.js';
import { collectTexts, findUnsafeMarkup } from './slack/hostile-text.js';
import { buildArchive, search, story } from '../store/search-archive-fixture.js';

const HOSTILE_SUMMARY =
  'The integrated care system <!channel> @everyone said *ICS* `rm -rf` plans <@U123> are <https://evil.example|fine>.';
const db = buildArchive([
  story(
    'g_3fa9c1d2aa',
    'hsj',
    '2018-05-29',
    'Eight areas chosen as first integrated care systems',
    HOSTILE_SUMMARY,
  ),
  story(
    'g_7bb0c1d2aa',
    'pulse',
    '2018-05-27',
    'Eight areas named as first integrated care systems',
    HOSTILE_SUMMARY,
  ),
  story(
    'g_0cc0c1d2aa',
    'nhe',
    '2019-02-14',
    '<!channel> ICS *chief* `quits` @here after row',
    'The ICS chair left after a row over capital plans.',
  ),
]);
afterAll(() => db.close());

function slackTexts(text: string): string[] {
  const page = search(db, text);
  return collectTexts(renderSlack(page, { timeZone: 'Europe/London' }));
}

function discordDescription(text: string): string {
  const reply = renderDiscord(search(db, text), createSearchQueryCache(), 'Europe/London');
  return reply.embeds?.[0]?.description ?? '';
}

describe('search answers in Slack', () => {
  const texts = slackTexts('ICS');
  const all = texts.join('\n');

  it('shows each result once with its reference, other outlets as also, and what was also searched', () => {
    expect(all).toContain(`\`${storyRef('g_3fa9c1d2aa')}\``);
    expect(all).toContain(`\`${storyRef('g_0cc0c1d2aa')}\``);
    expect(all).not.toContain(`\`${storyRef('g_7bb0c1d2aa')}\``);
    expect(all).toMatch(/also: <https:\/\/news\.example\.org\/g_7bb0c1d2aa\|Pulse>/);
    expect(all).toContain('Also searched: integrated care system');
  });

  it('puts the query words in bold and keeps hostile text inert', () => {
    expect(all).toContain('*ICS*');
    expect(all).toContain('*integrated*');
    const allowed = new Set(
      ['g_3fa9c1d2aa', 'g_7bb0c1d2aa', 'g_0cc0c1d2aa'].map(
        (id) => `https://news.example.org/${id}`,
      ),
    );
    for (const text of texts) expect(findUnsafeMarkup(text, allowed), text).toEqual([]);
    // The text's own stars and backticks are look-alikes, so only highlights pair up as bold.
    expect(all).not.toContain('`rm');
    expect(all).toContain('\u2217*ICS*\u2217');
  });

  it('says when it searched a suggestion instead of the typed word', () => {
    const notes = slackTexts('intergrated').join('\n');
    expect(notes).toContain('Nothing matched "intergrated"; showing results for "integrated".');
    expect(notes).toContain('*integrated*');
  });
});

describe('search answers in Discord', () => {
  const description = discordDescription('ICS');

  it('shows references, also and notes, with the query words in bold', () => {
    expect(description).toContain(`\`${storyRef('g_3fa9c1d2aa')}\``);
    expect(description).toContain('also: [Pulse](https://news.example.org/g_7bb0c1d2aa)');
    expect(description).toContain('Also searched: integrated care system');
    expect(description).toContain('**ICS**');
  });

  it('keeps hostile text inert around highlights', () => {
    expect(description).not.toMatch(/<[@#!]/);
    expect(description).not.toMatch(/@(everyone|here)/);
    expect(description).toContain('\\***ICS**\\*');
    expect(description).not.toMatch(/\]\(https:\/\/evil/);
  });
});
