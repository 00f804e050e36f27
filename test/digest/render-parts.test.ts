// The main message keeps to the word budget (settings digest.mainWords); the rest continues in
// later parts, a theme split across parts says "(continued)", and no heading carries one story.
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build-digest.js';
import { countWords } from '../../src/digest/entry-parts.js';
import { renderDigestMarkdown, renderDigestParts } from '../../src/digest/render-markdown.js';
import { viewForChannel } from '../../src/digest/view-for-channel.js';
import { makeStory, SOURCES, THEMES } from './make-story.js';

const words = 'Trusts were asked to report their theatre use and outpatient figures every month.';
const stories = Array.from({ length: 12 }, (_, i) =>
  makeStory({
    id: `s${i}`,
    title: `Productivity update number ${i} for acute trusts`,
    summary: `${words} ${words}`,
    publishedAt: `2017-02-14T${String(8 + i).padStart(2, '0')}:00:00.000Z`,
    tags: i < 10 ? { carter: 5 - i / 10 } : { stp: 3 },
  }),
);

const digestWith = (mainWords: number) =>
  buildDigest({
    week: { year: 2017, week: 7 },
    timeZone: 'Europe/London',
    stories,
    themes: THEMES,
    sources: SOURCES,
    failedSources: [],
    perThemeCap: 10,
    shape: { foldBelow: 2, mainWords },
  });

describe('renderDigestParts', () => {
  it('keeps the main part within the word budget and continues the rest', () => {
    const parts = renderDigestParts(viewForChannel(digestWith(200), null));
    expect(parts.length).toBeGreaterThan(1);
    expect(countWords(parts[0]!)).toBeLessThanOrEqual(200 + 10);
    expect(parts[0]).toMatch(/^## The lead$/m);
    expect(parts[0]).toMatch(/^Continued below: Carter reviews/m);
    expect(parts[1]).toMatch(/^## Carter reviews \(continued\)$/m);
    expect(parts[parts.length - 1]).toMatch(/^Coverage: /m);
    // The whole document is the parts joined: what the archive and the preview hold.
    expect(renderDigestMarkdown(viewForChannel(digestWith(200), null))).toBe(parts.join('\n'));
  });

  it('sends a small week in one part, and folds a theme with one story', () => {
    const parts = renderDigestParts(viewForChannel(digestWith(5000), null));
    expect(parts).toHaveLength(1);
    expect(parts[0]).not.toMatch(/^## STPs$/m);
    expect(parts[0]).toMatch(/^## Also this week$/m);
  });
});
