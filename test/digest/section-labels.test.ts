// Theme ids in a channel view's `foldedFrom` and `alsoIn`, labels looked up at render
// (src/digest/section-labels.ts): a label holding a comma stays one section, a renamed label
// needs no id guess, and an archive written before ids (labels there) renders as it did.
import { describe, expect, it } from 'vitest';
import type { Digest, DigestEntry, DigestSection } from '../../src/domain.js';
import { countThemes } from '../../src/digest/entry-parts.js';
import { renderDigestMarkdown } from '../../src/digest/render-markdown.js';
import { sectionLabelOf } from '../../src/digest/section-labels.js';
import { viewForChannel } from '../../src/digest/view-for-channel.js';
import { renderSlackDigest } from '../../src/platforms/slack/render-digest.js';

function entry(id: string, score: number): DigestEntry {
  return {
    storyIds: [id],
    title: `Story ${id}`,
    url: `https://example.org/${id}`,
    links: [],
    publishedAt: '2021-11-23T09:00:00.000Z',
    summary: `Summary of ${id}.`,
    organisations: [],
    money: [],
    score,
  };
}

const section = (themeId: string, label: string, entries: DigestEntry[]): DigestSection => ({
  themeId,
  label,
  entries,
  moreCount: 0,
  moreQuery: `search theme:${themeId}`,
});

// "lead" is filed under two themes, one label with a comma; both single-story themes fold.
const digest: Digest = {
  week: '2021-W47',
  title: 'Catch up: week of 22 November 2021',
  timeZone: 'Europe/London',
  startsAt: '2021-11-22T00:00:00.000Z',
  endsAt: '2021-11-29T00:00:00.000Z',
  sections: [
    section('stp', 'STPs, ICSs and ACOs', [entry('lead', 3), entry('s2', 1)]),
    section('finance', 'Finance', [entry('lead', 2)]),
    section('carter', 'Carter reviews', [entry('c1', 1)]),
  ],
  coverage: { failedSources: [] },
  storyCount: 3,
  shape: { foldBelow: 2, mainWords: 900 },
};
const themes = [
  { id: 'stp', label: 'STPs, ICSs and ACOs' },
  { id: 'finance', label: 'Finance' },
  { id: 'carter', label: 'Carter reviews' },
];

describe('section labels', () => {
  const view = viewForChannel(digest, null);

  it('holds theme ids in the view and labels in what is rendered', () => {
    expect(view.lead?.foldedFrom).toBe('stp, finance');
    expect(view.sections.at(-1)!.entries.map((e) => e.foldedFrom)).toEqual(['carter', 'stp']);
    const markdown = renderDigestMarkdown(view);
    expect(markdown).toContain('Filed under: STPs, ICSs and ACOs, Finance');
    expect(markdown).toContain('Filed under: Carter reviews');
    expect(countThemes(view)).toBe(3);
  });

  it("offers Slack's Not X for every theme an entry is filed under, comma or not", () => {
    const [message] = renderSlackDigest(view, { themes });
    const menus = JSON.stringify(message);
    // The folded entries' menus offer "Not <the theme they came from>" (value `<id> -<theme>`).
    expect(menus).toContain('"s2 -stp"');
    expect(menus).toContain('"c1 -carter"');
  });

  it('shows labels an archive written before ids holds as they are', () => {
    const labelOf = sectionLabelOf(view);
    expect(labelOf('finance')).toBe('Finance');
    expect(labelOf('Carter reviews')).toBe('Carter reviews');
    const folded = view.sections.at(-1)!;
    const old: Digest = {
      ...view,
      lead: { ...view.lead!, foldedFrom: 'Procurement, Finance' },
      sections: [
        {
          ...folded,
          entries: folded.entries.map((e) => ({ ...e, foldedFrom: labelOf(e.foldedFrom!) })),
        },
      ],
    };
    const { sectionLabels: _none, ...archived } = old;
    const markdown = renderDigestMarkdown(archived);
    expect(markdown).toContain('Filed under: Procurement, Finance');
    expect(markdown).toContain('Filed under: Carter reviews');
    expect(countThemes(archived)).toBe(4);
  });
});
